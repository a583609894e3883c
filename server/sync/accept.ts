import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { parseRoom, roomName } from '../../sync/rooms.js';
import { CloseCode } from '../../sync/protocol.js';
import { canRead, canWrite, decodeWrites } from '../../sync/policy/index.js';
import type { SocketUser, Storage } from '../storage/storage.js';
import type { Logger } from '../log.js';
import { resolveSocketSession, tokenFrom } from '../auth/sessions.js';
import { Connection, type ConnectionHandlers, type UpdateRefusal } from './connection.js';
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
  const session = resolveSocketSession(d.storage, tokenFrom(req.headers));
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

/** What a socket's messages need from the sync server. */
export interface SocketHost {
  log: Logger;
  afterCommit(fn: () => void): void;
  apply(
    room: Room,
    writer: SocketUser,
    update: Uint8Array,
    conn: Connection,
  ): { ok: true } | { ok: false; status: 400 | 403; reason: string };
}

/** How a sync socket's updates, end of sync and failures are handled. */
export function socketHandlers(h: SocketHost): ConnectionHandlers {
  return {
    onUpdate: (conn, update) => onSocketUpdate(h, conn, update),
    // A client that brought nothing new is told at once what is durable (with its sync
    // step 2, in one write); one that did, once that is durable too.
    onSynced: (c) => {
      if (c.room.uncommitted === 0) c.sendReceipt();
      else h.afterCommit(() => c.sendReceipt());
    },
    onError: (c, error) => {
      h.log.warn('sync message failed', {
        room: c.room.ref.kind,
        user: c.user.id,
        error: errorText(error),
      });
    },
  };
}

function onSocketUpdate(h: SocketHost, conn: Connection, update: Uint8Array): UpdateRefusal | null {
  if (!conn.writable) {
    if (conn.room.unchangedBy(update)) return null;
    // Read-only: the client's half of the sync must bring nothing new.
    const writes = decodeWrites(conn.room.doc, update);
    if (!writes.ok) return { code: refusalCode(writes.malformed), reason: writes.reason };
    return writes.writes.length ? { code: CloseCode.forbidden, reason: 'read-only room' } : null;
  }
  const result = h.apply(conn.room, conn.user, update, conn);
  return result.ok ? null : { code: refusalCode(result.status === 400), reason: result.reason };
}

/** 4400 for bytes no Yjs client writes (the client keeps its copy), 4403 for a refused write. */
const refusalCode = (malformed: boolean | undefined): number =>
  malformed ? CloseCode.badRequest : CloseCode.forbidden;
