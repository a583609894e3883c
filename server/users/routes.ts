import { Hono } from 'hono';
import { z } from 'zod';
import type { Services } from '../services.js';
import { ApiError } from '../http/errors.js';
import { STAFF, requireUser, type Env } from '../http/context.js';
import type { UserRow } from '../storage/storage.js';
import type { UserStatus } from '../../shared/types.js';
import { CloseCode } from '../../sync/protocol.js';
import type { LoginThrottle } from '../auth/throttle.js';
import { lockRoutes } from './locks.js';
import { residentRoutes } from './residents.js';
import { homeChangeRoutes } from './home-changes.js';
import { resetCodeRoutes } from './reset-codes.js';
import { staffAccountRoutes } from './staff-accounts.js';
import { tellUser } from './notify.js';
import { tFor } from '../../shared/i18n/index.js';

export const statusQuery = z.enum(['pending', 'active', 'suspended', 'rejected']).optional();

/** What operators see of a user: never the password hash. */
const view = (u: UserRow) => ({
  id: u.id,
  username: u.username,
  role: u.role,
  status: u.status,
  name: u.name,
  phone: u.phone,
  address: u.address,
  home: u.home,
  areaId: u.areaId,
  unitId: u.unitId,
  falseAlarms: u.falseAlarms,
  createdAt: u.createdAt,
});

/**
 * Other accounts with the same phone, for a pending registration: registration never says
 * a phone is taken (server/auth/routes.ts), so the operator who approves is the one who
 * sees it, and can call before approving a second account on someone's number.
 */
const samePhone = (s: Services, u: UserRow) =>
  u.status !== 'pending' || !u.phone
    ? []
    : s.storage.users
        .withPhone(u.phone)
        .filter((o) => o.id !== u.id)
        .map((o) => ({ id: o.id, username: o.username, name: o.name, status: o.status }));

export function userRoutes(s: Services, throttle: LoginThrottle): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', requireUser(s, STAFF));

  app.get('/', (c) => {
    const status = statusQuery.safeParse(c.req.query('status') || undefined);
    if (!status.success) throw new ApiError(400, 'bad_request', 'status: unknown value');
    const users = s.storage.users.list({ status: status.data });
    return c.json({ users: users.map((u) => ({ ...view(u), samePhone: samePhone(s, u) })) });
  });

  lockRoutes(app, s, throttle);
  residentRoutes(app, s);
  homeChangeRoutes(app, s);
  resetCodeRoutes(app, s);
  staffAccountRoutes(app, s);

  const setStatus = (path: string, to: UserStatus, from: readonly UserStatus[]) =>
    app.post(`/:id/${path}`, (c) => {
      const actor = c.get('user');
      const target = s.storage.users.byId(c.req.param('id'));
      if (!target) throw new ApiError(404, 'not_found', 'No such user.');
      if (target.role !== 'citizen' && actor.role !== 'admin')
        throw new ApiError(403, 'forbidden', 'Only an admin may change staff accounts.');
      if (!from.includes(target.status))
        throw new ApiError(409, 'conflict', `The account is ${target.status}.`);
      let pushed = false;
      s.storage.transaction(() => {
        s.storage.users.setStatus(target.id, to);
        if (path === 'approve' && target.role === 'citizen') pushed = welcome(s, target.id);
        s.storage.audit.add({
          at: new Date().toISOString(),
          actorId: actor.id,
          action: `user.${path}`,
          subject: target.id,
          detail: '',
        });
      });
      // Suspension takes effect at once: open sockets are closed (DESIGN §4).
      if (to !== 'active') s.sync.closeUser(target.id, CloseCode.unauthorized);
      if (pushed) s.push.worker.poke();
      return c.json({ user: view(s.storage.users.byId(target.id)!) });
    });

  setStatus('approve', 'active', ['pending']);
  setStatus('reject', 'rejected', ['pending']);
  setStatus('suspend', 'suspended', ['active']);
  setStatus('reinstate', 'active', ['suspended']);
  return app;
}

/**
 * A resident just approved is told: the app shows it once on their next sign-in, and a push
 * goes to any phone of theirs already subscribed. Inside the approval's transaction.
 */
function welcome(s: Services, userId: string): boolean {
  s.storage.residents.setApprovedNotice(userId, true);
  return tellUser(s, userId, 'approved', (lang) => ({
    title: tFor(lang, 'push.approved.title'),
    body: tFor(lang, 'push.approved.body'),
    tag: `account:${userId}`,
    renotify: false,
    url: '/',
    action: tFor(lang, 'push.open'),
  }));
}
