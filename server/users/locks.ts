import type { Hono } from 'hono';
import { z } from 'zod';
import type { Services } from '../services.js';
import { ApiError, body } from '../http/errors.js';
import type { Env } from '../http/context.js';
import type { LoginThrottle } from '../auth/throttle.js';

/** A waiting sign-in as staff see it: the account's person when it is one. */
export interface LockedView {
  kind: 'account' | 'address';
  key: string;
  until: string;
  user: { id: string; name: string; role: string; status: string } | null;
}

export const releaseSchema = z.object({
  kind: z.enum(['account', 'address']),
  key: z.string().min(1).max(64),
});

/**
 * `GET /api/users/locks`: accounts and source addresses the sign-in throttle makes wait,
 * so an operator can tell a resident why she cannot sign in (or spot a guesser).
 * `POST /api/users/locks/release`: lets one try again now; audited. A staff account's lock
 * is released only by an admin, as its status is changed only by one.
 */
export function lockRoutes(app: Hono<Env>, s: Services, throttle: LoginThrottle): void {
  app.get('/locks', async (c) => {
    const locks: LockedView[] = (await throttle.locks()).map((l) => {
      const u = l.kind === 'account' ? s.storage.users.byUsername(l.key) : undefined;
      return {
        ...l,
        user: u ? { id: u.id, name: u.name, role: u.role, status: u.status } : null,
      };
    });
    return c.json({ locks });
  });

  app.post('/locks/release', async (c) => {
    const { kind, key } = await body(c, releaseSchema);
    const actor = c.get('user');
    const target = kind === 'account' ? s.storage.users.byUsername(key) : undefined;
    if (target && target.role !== 'citizen' && actor.role !== 'admin')
      throw new ApiError(403, 'forbidden', 'Only an admin may change staff accounts.');
    const released = await throttle.release(kind, key);
    if (!released) throw new ApiError(404, 'not_found', 'Nothing waits under that name.');
    s.storage.audit.add({
      at: new Date().toISOString(),
      actorId: actor.id,
      action: `signin.release`,
      subject: target?.id ?? `${kind}:${key}`,
      detail: '',
    });
    return c.json({ ok: true });
  });
}
