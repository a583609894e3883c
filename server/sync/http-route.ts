import { Hono } from 'hono';
import { parseRoom, roomName } from '../../sync/rooms.js';
import { canRead, canWrite } from '../../sync/policy/index.js';
import { MAX_MESSAGE_BYTES } from '../../sync/protocol.js';
import type { Services } from '../services.js';
import { ApiError } from '../http/errors.js';
import { requireUser, type Env } from '../http/context.js';

/**
 * `POST /api/sync/:room` — the offline fallback (DESIGN §5): the service worker posts a
 * pending Yjs update when connectivity returns, even with the app closed. Same
 * authorization and write policy as the socket. The reply is the room's state after the
 * update is durable and receipted, for the worker to store.
 */
export function syncHttpRoutes(s: Services): Hono<Env> {
  const app = new Hono<Env>();
  app.post('/:room', requireUser(s), async (c) => {
    const user = c.get('user');
    const ref = parseRoom(c.req.param('room'));
    const who = { id: user.id, role: user.role, areaId: user.areaId, unitId: user.unitId };
    if (!ref || !canRead(ref, who)) throw new ApiError(403, 'forbidden', 'Room not allowed.');
    if (!canWrite(ref, who)) throw new ApiError(403, 'forbidden', 'Room is read-only for you.');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength > MAX_MESSAGE_BYTES)
      throw new ApiError(413, 'too_large', 'Update larger than 256 KiB.');
    if (bytes.byteLength === 0) throw new ApiError(400, 'bad_request', 'Empty update.');
    const room = s.sync.room(roomName(ref));
    const result = s.sync.apply(room, user, bytes, null);
    // Bytes no Yjs client writes are the client's bad request; a refused write is forbidden.
    if (!result.ok && result.status === 400) throw new ApiError(400, 'bad_request', result.reason);
    if (!result.ok) throw new ApiError(403, 'forbidden', result.reason);
    // Twice: once for the update itself, once for the receipts written after that commit.
    await s.sync.whenStored();
    await s.sync.whenStored();
    // Like a sync step 2: no server write that is not durable yet (Room.whenDurable).
    const state = await new Promise<Uint8Array>((resolve) =>
      room.whenDurable(() => resolve(room.encodeState())),
    );
    return c.body(new Uint8Array(state), 200, {
      'content-type': 'application/octet-stream',
      'cache-control': 'no-store',
    });
  });
  return app;
}
