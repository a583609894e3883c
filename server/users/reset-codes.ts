import type { Hono } from 'hono';
import { randomInt } from 'node:crypto';
import type { Services } from '../services.js';
import { ApiError } from '../http/errors.js';
import type { Env } from '../http/context.js';
import { hashPassword } from '../auth/passwords.js';

/** How long a code read out on the phone stays good: a call, then a few tries. */
export const RESET_CODE_MINUTES = 30;

/** 8 digits, shown as "1234 5678": easy to read out, and 10⁸ to guess under the throttle. */
const newCode = (): string => String(randomInt(0, 100_000_000)).padStart(8, '0');

/**
 * `POST /api/users/:id/reset-code`: a resident forgot their password and called. The
 * operator (who checks who is calling) gets a one-time code to read out; the resident sets a
 * new password with it (server/auth/reset.ts). Only the code's hash is stored, it is never
 * logged or audited, a new code replaces the last, and it lasts RESET_CODE_MINUTES. A
 * staff account's code is issued only by an admin, as its status is changed only by one.
 */
export function resetCodeRoutes(app: Hono<Env>, s: Services): void {
  /**
   * The operator on the phone finds the caller's account by the username they give, with
   * the registered phone to check the caller against (or to call back) before a code.
   */
  app.get('/by-username/:username', (c) => {
    const u = s.storage.users.byUsername(c.req.param('username').trim());
    if (!u) throw new ApiError(404, 'not_found', 'No such user.');
    return c.json({
      user: {
        id: u.id,
        username: u.username,
        name: u.name,
        role: u.role,
        status: u.status,
        phone: u.phone,
      },
    });
  });

  app.post('/:id/reset-code', async (c) => {
    const actor = c.get('user');
    const target = s.storage.users.byId(c.req.param('id'));
    if (!target) throw new ApiError(404, 'not_found', 'No such user.');
    if (target.role !== 'citizen' && actor.role !== 'admin')
      throw new ApiError(403, 'forbidden', 'Only an admin may reset a staff password.');
    if (target.status === 'rejected')
      throw new ApiError(409, 'conflict', 'The account is rejected.');
    const code = newCode();
    const codeHash = await hashPassword(code);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + RESET_CODE_MINUTES * 60_000).toISOString();
    s.storage.transaction(() => {
      s.storage.residents.setResetCode({
        userId: target.id,
        codeHash,
        expiresAt,
        issuedBy: actor.id,
        issuedAt: now.toISOString(),
      });
      s.storage.audit.add({
        at: now.toISOString(),
        actorId: actor.id,
        action: 'user.reset_code',
        subject: target.id,
        detail: '',
      });
    });
    c.header('Cache-Control', 'no-store');
    return c.json({ code: `${code.slice(0, 4)} ${code.slice(4)}`, expiresAt });
  });
}
