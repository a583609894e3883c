import { Hono } from 'hono';
import { z } from 'zod';
import * as Y from 'yjs';
import { OPS_ROOM, unitRoom, userRoom } from '../../sync/rooms.js';
import type { Services } from '../services.js';
import { ApiError } from '../http/errors.js';
import type { Env } from '../http/context.js';
import type { AlertRow } from '../storage/storage.js';
import type { SyncServer } from '../sync/sync-server.js';
import { SERVER } from '../sync/origin.js';

/** The crew's progress fields of an alert: they belonged to the unit it was taken from. */
const CREW_FIELDS = ['unitStatus', 'unitStatusAt', 'enRouteAt', 'acceptedAt', 'acceptOverdueAt'];

export const redispatchBody = z.object({ unitId: z.string().min(1).max(64) });

/**
 * `POST /api/console/alerts/:id/redispatch {unitId}`: send a dispatched alert to another unit.
 * A server call, not an `ops` write: the write policy lets an operator assign a unit only
 * while dispatching (two operators must not move one car each), and here the server checks
 * and moves it in one step. Staff only (mounted under the console's `requireUser`).
 */
export function redispatchRoutes(app: Hono<Env>, s: Services): void {
  app.post('/alerts/:id/redispatch', async (c) => {
    const parsed = redispatchBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) throw new ApiError(400, 'bad_request', 'Send {"unitId": "unit-…"}.');
    const { unitId } = parsed.data;
    if (!s.city.units.some((u) => u.id === unitId))
      throw new ApiError(400, 'bad_request', 'No such unit.', 'unitId');
    const alert = s.storage.alerts.byId(c.req.param('id'));
    if (!alert) throw new ApiError(404, 'not_found', 'No such alert.');
    if (alert.status !== 'dispatched')
      throw new ApiError(409, 'conflict', 'Only a dispatched alert is sent to another unit.');
    if (alert.assignedUnit === unitId)
      throw new ApiError(409, 'conflict', 'The alert is already with that unit.');
    s.dispatcher.redispatch(alert.id, unitId, c.get('user'));
    return c.json({ ok: true }, 202);
  });
}

/**
 * After a re-dispatch is shown in the rooms: the alert names its new unit in `ops`, the crew
 * steps of the old unit are cleared (the resident is not told the new one is on its way
 * before it accepts), and the old unit's phones are told the alert went to someone else.
 */
export function handOver(sync: SyncServer, a: AlertRow, from: string): void {
  const rec = (room: string, map: string) => {
    const v = sync.room(room).doc.getMap(map).get(a.id);
    return v instanceof Y.Map ? (v as Y.Map<unknown>) : null;
  };
  const ops = rec(OPS_ROOM, 'alerts');
  ops?.doc?.transact(() => {
    if (ops.get('assignedUnit') !== a.assignedUnit) ops.set('assignedUnit', a.assignedUnit);
    for (const f of CREW_FIELDS) if (ops.has(f)) ops.delete(f);
  }, SERVER);
  const own = rec(userRoom(a.reporterId), 'alerts');
  own?.doc?.transact(() => {
    for (const f of CREW_FIELDS) if (own.has(f)) own.delete(f);
  }, SERVER);
  const old = rec(unitRoom(from), 'dispatches');
  if (old && old.get('alertStatus') !== 'reassigned')
    old.doc?.transact(() => old.set('alertStatus', 'reassigned'), SERVER);
}
