/**
 * The reference: `@y/websocket-server` 0.1.1 (the last release for yjs 13) exactly as its
 * README mounts it — plain rooms named by the URL path, no auth, no storage — on a Node http
 * server through `server.on('upgrade')`, with the same `ws` the product uses.
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const port = Number(process.env.PORT ?? 0);
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('ok');
});
const wss = new WebSocketServer({ noServer: true });
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req));
});
server.listen(port, '127.0.0.1', () => console.log(`reference listening on ${port}`));
process.on('SIGTERM', () => process.exit(0));
