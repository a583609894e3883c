import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { parseRoom, roomName } from '../../sync/rooms.js';
import { CloseCode } from '../../sync/protocol.js';
import { canRead, canWrite } from '../../sync/policy/index.js';
import type { Storage } from '../storage/storage.js';
import type { Logger } from '../log.js';
import { resolveSession, tokenFrom } from '../auth/sessions.js';
import { Connection, type ConnectionHandlers } from './connection.js';
import type { Room } from './room.js';
import type { SocketCaps } from './socket-caps.js';
import { peerOfRequest } from '../http/client-address.js';
import { decodeRoomPart, errorText } from './upgrade.js';

/** What admitting a socket needs from the sync server. */
export interface Admission {
  storage: Storage;
  log: Logger;
  caps: SocketCaps;
  load(name: string): Room;
  attach(conn: Connection): void;
  detach(conn: Connection): void;
  handlers: ConnectionHandlers;
}

/**
 * Admits an upgraded sync socket, or closes it with a 44xx code. Upgrades are accepted and
 * then closed when refused: the y-websocket client treats 44xx as final, whereas a refused
 * upgrade makes it retry forever. Nothing a request holds may throw out of here: an error
 * closes this socket (4400) and is logged, and the process carries on.
 */
export function acceptSocket(
  d: Admission,
  ws: WebSocket,
  socket: Duplex,
  req: IncomingMessage,
  roomPart: string,
): void {
  try {
    accept(d, ws, socket, req, roomPart);
  } catch (error) {
    d.log.error('sync socket failed to open', { error: errorText(error) });
    ws.close(CloseCode.badRequest, 'bad request');
  }
}

function accept(
  d: Admission,
  ws: WebSocket,
  socket: Duplex,
  req: IncomingMessage,
  roomPart: string,
): void {
  const session = resolveSession(d.storage, tokenFrom(req.headers));
  if (!session.ok) return ws.close(CloseCode.unauthorized, 'no valid session');
  const name = decodeRoomPart(roomPart);
  if (name === null) return ws.close(CloseCode.badRequest, 'bad room name');
  const ref = parseRoom(name);
  const user = session.user;
  const who = { id: user.id, role: user.role, areaId: user.areaId, unitId: user.unitId };
  if (!ref || !canRead(ref, who)) return ws.close(CloseCode.forbidden, 'room not allowed');
  const address = peerOfRequest(d.caps.limits.trustedProxies, req).address;
  const capped = d.caps.take(user.id, address);
  if (capped !== null) {
    d.log.warn('socket cap reached', { cap: capped, user: user.id });
    return ws.close(CloseCode.tooManySockets, `too many sockets for this ${capped}`);
  }
  let conn: Connection;
  try {
    const room = d.load(roomName(ref));
    const writable = canWrite(ref, who);
    conn = new Connection(ws, socket, room, user, session.tokenHash, writable, address, d.handlers);
  } catch (error) {
    d.caps.release(user.id, address);
    throw error;
  }
  // Listeners first: whatever fails after this, the close gives the slot back.
  ws.on('close', () => d.detach(conn));
  ws.on('error', () => d.detach(conn));
  d.attach(conn);
  ws.on('message', (data: Buffer) => conn.handle(new Uint8Array(data)));
  conn.start();
}
