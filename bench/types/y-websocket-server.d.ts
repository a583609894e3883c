// @y/websocket-server 0.1.1 ships its types path in package.json but not the files.
declare module '@y/websocket-server/utils' {
  import type { IncomingMessage } from 'node:http';
  import type { WebSocket } from 'ws';
  export function setupWSConnection(
    conn: WebSocket,
    req: IncomingMessage,
    opts?: { docName?: string; gc?: boolean },
  ): void;
}
