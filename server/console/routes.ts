import { Hono } from 'hono';
import { z } from 'zod';
import { alertType } from '../../shared/catalogue.js';
import {
  REPEAT_FALSE_ALARMS,
  type AuditEntryView,
  type ConsoleStats,
  type FlaggedReporterView,
  type OpenedAlert,
  type OpenedDetail,
  type StaffMember,
} from '../../shared/console.js';
import type { Services } from '../services.js';
import { ApiError } from '../http/errors.js';
import { STAFF, requireUser, type Env } from '../http/context.js';
import type { UserRow } from '../storage/storage.js';
import { consoleStats, startOfCityDay } from './stats.js';
import { historyRoutes } from './history.js';
import { readableEntry } from './audit-names.js';
import { redispatchRoutes } from './redispatch.js';

export const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).optional(),
  action: z
    .string()
    .regex(/^[a-z_.]{1,64}$/)
    .optional(),
  actor: z.string().max(64).optional(),
});

/** How many of the reporter's alerts the detail panel lists. */
const HISTORY = 10;

/**
 * `/api/console`: what the operator console needs besides the `ops` room. Staff
 * only; the audit log for admins only.
 */
export function consoleRoutes(s: Services, now: () => Date = () => new Date()): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', requireUser(s, STAFF));

  app.get('/stats', (c) => {
    const since = startOfCityDay(now());
    const rows = s.storage.console.responseTimesSince(since.toISOString());
    return c.json<ConsoleStats>(consoleStats(since, rows));
  });

  historyRoutes(app, s);

  app.get('/alerts/:id/times', (c) => {
    const times = s.storage.console.responseTimes(c.req.param('id'));
    if (!times) throw new ApiError(404, 'not_found', 'No such alert.');
    return c.json({ times });
  });

  /**
   * Opening an alert's detail. Every field of a silent alert is for operators only (DESIGN §2):
   * each opening of one is audited. Its reporter is not in the `ops` room at all (the
   * projection leaves name, phone and address out, server/console/ops-record.ts); revealing
   * who asked for help is a second, separately audited step, `/identity`. For other alerts
   * the identity is on screen already and opening adds only the reporter's history.
   */
  app.post('/alerts/:id/opened', (c) => {
    const { alert, reporter, silent } = find(c.req.param('id'));
    if (silent) audit(c.get('user').id, 'alert.opened', alert.id, '');
    const body: OpenedDetail = silent
      ? { audited: true }
      : { audited: false, ...reporterOf(reporter, alert.id) };
    return c.json(body);
  });

  app.post('/alerts/:id/identity', (c) => {
    const { alert, reporter, silent } = find(c.req.param('id'));
    // The row names who looked and at which alert, not whom they saw: admins read the log, and
    // a reporter id there would name her to them without their own audited look.
    if (silent) audit(c.get('user').id, 'alert.identity_opened', alert.id, '');
    const body: OpenedAlert = { audited: silent, ...reporterOf(reporter, alert.id) };
    return c.json(body);
  });

  /**
   * Lets an alert the per-resident threshold held back reach its area: its sirens and the
   * neighbours' pushes go out as they would have (server/alerts/release.ts), audited.
   */
  app.post('/alerts/:id/release', (c) => {
    const refusal = s.alerts.release(c.req.param('id'), c.get('user'));
    if (refusal === 'not_found') throw new ApiError(404, 'not_found', 'No such alert.');
    if (refusal === 'not_held')
      throw new ApiError(409, 'conflict', 'The alert is not held back by the threshold.');
    if (refusal === 'closed') throw new ApiError(409, 'conflict', 'The alert is closed.');
    return c.json({ ok: true }, 202);
  });

  const find = (id: string) => {
    const alert = s.storage.alerts.byId(id);
    if (!alert) throw new ApiError(404, 'not_found', 'No such alert.');
    const reporter = s.storage.users.byId(alert.reporterId);
    if (!reporter) throw new ApiError(404, 'not_found', 'No such reporter.');
    return { alert, reporter, silent: alertType(alert.type).silent };
  };

  const audit = (actorId: string, action: string, subject: string, detail: string) =>
    s.storage.audit.add({ at: now().toISOString(), actorId, action, subject, detail });

  const reporterOf = (r: UserRow, alertId: string): Omit<OpenedAlert, 'audited'> => ({
    reporter: {
      id: r.id,
      name: r.name,
      phone: r.phone ?? '',
      address: r.address ?? '',
      status: r.status,
      falseAlarms: r.falseAlarms,
    },
    // Never a silent alert, not even in a silent alert's own identity view: each one is
    // revealed by its own audited look, or not at all (storage `reporterAlerts`).
    history: s.storage.console
      .reporterAlerts(r.id, HISTORY + 1)
      .filter((a) => a.id !== alertId)
      .slice(0, HISTORY),
  });

  redispatchRoutes(app, s);

  app.get('/staff', (c) => {
    const staff: StaffMember[] = (['operator', 'admin', 'officer'] as const).flatMap((role) =>
      s.storage.users
        .list({ role })
        .map((u) => ({ id: u.id, name: u.name, role: u.role, unitId: u.unitId })),
    );
    return c.json({ staff });
  });

  app.get('/flagged', (c) => {
    const reporters: FlaggedReporterView[] = s.storage.console.repeatFalseAlarms(
      REPEAT_FALSE_ALARMS,
      200,
    );
    return c.json({ reporters });
  });

  app.get('/audit', requireUser(s, ['admin']), (c) => {
    const q = auditQuery.safeParse(c.req.query());
    if (!q.success)
      throw new ApiError(400, 'bad_request', q.error.issues[0]?.message ?? 'bad query');
    const entries: AuditEntryView[] = s.storage.console
      .audit({
        limit: q.data.limit,
        ...(q.data.before !== undefined ? { beforeId: q.data.before } : {}),
        ...(q.data.action ? { action: q.data.action } : {}),
        ...(q.data.actor ? { actorId: q.data.actor } : {}),
      })
      .map((e) => readableEntry(e, s.city));
    return c.json({ entries });
  });

  return app;
}
