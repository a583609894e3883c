import { Hono } from 'hono';
import { z } from 'zod';
import type { Services } from '../services.js';
import { ApiError } from '../http/errors.js';
import { STAFF, requireUser, type Env } from '../http/context.js';
import type { UserRow } from '../storage/storage.js';
import type { UserStatus } from '../../shared/types.js';
import { CloseCode } from '../../sync/protocol.js';

const statusQuery = z.enum(['pending', 'active', 'suspended', 'rejected']).optional();

/** What operators see of a user: never the password hash. */
const view = (u: UserRow) => ({
  id: u.id,
  username: u.username,
  role: u.role,
  status: u.status,
  name: u.name,
  phone: u.phone,
  address: u.address,
  areaId: u.areaId,
  unitId: u.unitId,
  falseAlarms: u.falseAlarms,
  createdAt: u.createdAt,
});

export function userRoutes(s: Services): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', requireUser(s, STAFF));

  app.get('/', (c) => {
    const status = statusQuery.safeParse(c.req.query('status') || undefined);
    if (!status.success) throw new ApiError(400, 'bad_request', 'status: unknown value');
    return c.json({ users: s.storage.users.list({ status: status.data }).map(view) });
  });

  const setStatus = (path: string, to: UserStatus, from: readonly UserStatus[]) =>
    app.post(`/:id/${path}`, (c) => {
      const actor = c.get('user');
      const target = s.storage.users.byId(c.req.param('id'));
      if (!target) throw new ApiError(404, 'not_found', 'No such user.');
      if (target.role !== 'citizen' && actor.role !== 'admin')
        throw new ApiError(403, 'forbidden', 'Only an admin may change staff accounts.');
      if (!from.includes(target.status))
        throw new ApiError(409, 'conflict', `The account is ${target.status}.`);
      s.storage.transaction(() => {
        s.storage.users.setStatus(target.id, to);
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
      return c.json({ user: view(s.storage.users.byId(target.id)!) });
    });

  setStatus('approve', 'active', ['pending']);
  setStatus('reject', 'rejected', ['pending']);
  setStatus('suspend', 'suspended', ['active']);
  setStatus('reinstate', 'active', ['suspended']);
  return app;
}
