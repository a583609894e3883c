import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { Services } from '../services.js';
import { ApiError } from '../http/errors.js';
import { requireUser, STAFF, type Env } from '../http/context.js';
import { controlJob } from './commands.js';

/**
 * `POST /api/sirens/:id/test` and `/silence` (DESIGN §8): operators and admins only, each
 * audit-logged in the same transaction as the command's outbox row.
 */
export function sirenRoutes(s: Services): Hono<Env> {
  const app = new Hono<Env>();
  for (const cmd of ['test', 'silence'] as const) {
    app.post(`/:id/${cmd}`, requireUser(s, STAFF), (c) => {
      const id = c.req.param('id');
      if (!s.city.sirens.some((siren) => siren.id === id))
        throw new ApiError(404, 'not_found', 'No such siren.');
      const user = c.get('user');
      const now = Date.now();
      s.storage.transaction(() => {
        const key = `siren:${cmd}:${id}:${randomUUID()}`;
        s.storage.outbox.add('siren', key, JSON.stringify(controlJob(id, cmd, now)));
        s.storage.audit.add({
          at: new Date(now).toISOString(),
          actorId: user.id,
          action: `siren.${cmd}`,
          subject: id,
          detail: '',
        });
      });
      s.push.worker.poke();
      return c.json({ ok: true, siren: id, command: cmd }, 202);
    });
  }
  return app;
}
