import { Hono } from 'hono';
import { z } from 'zod';
import * as Y from 'yjs';
import { DWELL_MINUTES, shiftAt, type ShiftPlan } from '../../shared/plan.js';
import { isEntryKey } from '../../sync/policy/validators.js';
import { unitRoom } from '../../sync/rooms.js';
import type { Services } from '../services.js';
import { ApiError, body } from '../http/errors.js';
import { STAFF, requireUser, type Env } from '../http/context.js';
import type { UserRow } from '../storage/storage.js';
import { GI_SIGNIFICANT } from '../hotspots/index.js';
import { PlanService } from '../plans/service.js';
import { areaContaining } from '../plans/generator.js';
import { stays } from './activity.js';

export const iso = z.iso.datetime({ offset: true });
const point = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  label: z.string().max(80),
  areaId: z.string().max(64),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  rank: z.number().int().min(0),
  gi: z.number(),
});
const visit = z.object({ point: z.string().max(64), start: iso, end: iso });
export const planBody = z.object({
  points: z.array(point).min(1).max(12),
  visits: z.array(visit).max(24),
});

/**
 * `/api/units`: the units, their shift plans, what they logged and the hot spots.
 * Operators and admins see every unit and may edit plans; an officer reads only their own
 * unit's plans (the phone has them in the unit's room anyway).
 */
export function unitRoutes(s: Services): Hono<Env> {
  const plans = new PlanService({ storage: s.storage, sync: s.sync, city: s.city, log: s.log });
  const unitOr404 = (id: string) => {
    const unit = s.city.units.find((u) => u.id === id);
    if (!unit) throw new ApiError(404, 'not_found', 'No such unit.');
    return unit;
  };
  const mayRead = (user: UserRow, unitId: string) =>
    STAFF.includes(user.role) || (user.role === 'officer' && user.unitId === unitId);

  const app = new Hono<Env>();
  app.use('*', requireUser(s, ['officer', 'operator', 'admin']));

  app.get('/', (c) => {
    const user = c.get('user');
    const units = s.city.units.filter((u) => mayRead(user, u.id));
    return c.json({ units });
  });

  app.get('/:id/plan', (c) => {
    const unit = unitOr404(c.req.param('id'));
    if (!mayRead(c.get('user'), unit.id)) throw new ApiError(403, 'forbidden', 'Not your unit.');
    return c.json({ plans: plans.plans(unit.id) });
  });

  app.put('/:id/plan/:key', async (c) => {
    const user = c.get('user');
    if (!STAFF.includes(user.role))
      throw new ApiError(403, 'forbidden', 'Only the monitoring centre edits plans.');
    const unit = unitOr404(c.req.param('id'));
    const key = c.req.param('key');
    const current = isEntryKey(key) ? plans.planOf(unit.id, key) : null;
    if (!current) throw new ApiError(404, 'not_found', 'No plan for that shift.');
    const input = await body(c, planBody);
    const ids = new Set(input.points.map((p) => p.id));
    for (const v of input.visits) {
      if (!ids.has(v.point))
        throw new ApiError(400, 'bad_request', `visit at unknown point ${v.point}`);
      const minutes = (Date.parse(v.end) - Date.parse(v.start)) / 60_000;
      if (!(minutes > 0 && minutes <= 2 * DWELL_MINUTES))
        throw new ApiError(400, 'bad_request', 'a visit lasts more than 0 and at most 28 minutes');
    }
    const edited: ShiftPlan = {
      ...current,
      points: input.points,
      visits: [...input.visits].sort((a, b) => a.start.localeCompare(b.start)),
      source: 'edited',
      editedBy: user.id,
    };
    plans.write(unit.id, edited);
    s.storage.audit.add({
      at: new Date().toISOString(),
      actorId: user.id,
      action: 'plan.edit',
      subject: `${unit.id}/${key}`,
      detail: '',
    });
    return c.json({ plan: edited });
  });

  /** What a unit logged since `since` (default: the running shift's start), from SQL. */
  app.get('/:id/activity', (c) => {
    if (!STAFF.includes(c.get('user').role))
      throw new ApiError(403, 'forbidden', 'Only the monitoring centre reads unit logs.');
    const unit = unitOr404(c.req.param('id'));
    const since = iso.safeParse(c.req.query('since') ?? shiftAt(new Date()).start.toISOString());
    if (!since.success) throw new ApiError(400, 'bad_request', 'since: not an ISO time');
    const checkins = s.storage.patrol.checkins(unit.id, since.data);
    const conversations = s.storage.patrol.conversations(unit.id, since.data);
    // Officers' requests live in the request module's table; the unit room names them.
    const requests: string[] = [];
    s.sync
      .room(unitRoom(unit.id))
      .doc.getMap('requests')
      .forEach((v, id) => {
        const row = v instanceof Y.Map ? s.storage.requests.byId(id) : undefined;
        if (row && row.createdAt >= since.data) requests.push(id);
      });
    return c.json({ checkins, conversations, requests, stays: stays(checkins) });
  });

  /** The ranked cells for the running shift (or `?at=`; `?unit=` for its quadrant only). */
  app.get('/hotspots/ranked', (c) => {
    if (!STAFF.includes(c.get('user').role))
      throw new ApiError(403, 'forbidden', 'Only the monitoring centre reads hot spots.');
    const at = iso.safeParse(c.req.query('at') ?? new Date().toISOString());
    if (!at.success) throw new ApiError(400, 'bad_request', 'at: not an ISO time');
    const shift = shiftAt(new Date(at.data));
    const unit = c.req.query('unit') ? unitOr404(c.req.query('unit')!) : null;
    const cells = plans
      .hotspots(shift)
      .filter((x) => !unit || unit.quadrant.includes(areaContaining(x.centre, s.city.areas) ?? ''))
      .slice(0, 60);
    return c.json({
      shift: shift.key,
      cells: cells.map((x) => ({ ...x, significant: x.gi >= GI_SIGNIFICANT })),
    });
  });

  return app;
}
