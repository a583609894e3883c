import type { Hono } from 'hono';
import { z } from 'zod';
import type { Services } from '../services.js';
import { ApiError, body } from '../http/errors.js';
import type { Env } from '../http/context.js';
import { peerOfContext, trustedProxies } from '../http/client-address.js';
import { CloseCode } from '../../sync/protocol.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { passwordProblem } from './password-policy.js';
import type { LoginThrottle } from './throttle.js';

export const resetSchema = z.object({
  username: z.string().trim().min(1).max(64),
  code: z
    .string()
    .max(32)
    .transform((v) => v.replace(/[^0-9]/g, '')),
  password: z.string().min(1).max(256),
});

/**
 * `POST /api/auth/reset`: a new password with the one-time code an operator read out
 * (server/users/reset-codes.ts). Guesses go through the sign-in throttle, per account and
 * per address, so a code is no easier to guess than a password; a wrong, expired or used
 * code and an unknown username get the same answer. The new password is checked before the
 * code, so that "weak password" never tells a guesser the code was right. Success uses the
 * code up, ends every session of the account (whoever had it is out) and is audited.
 */
export function resetRoute(
  app: Hono<Env>,
  s: Services,
  throttle: LoginThrottle,
  tooMany: (retryAfterMs: number) => ApiError,
): void {
  const trusted = trustedProxies(s.config);
  app.post('/reset', async (c) => {
    const { username, code, password } = await body(c, resetSchema);
    const problem = passwordProblem(password, username);
    if (problem) throw new ApiError(400, 'weak_password', `password: ${problem}`, 'password');
    const attempt = await throttle.attempt(username, peerOfContext(trusted, c).address);
    if (!attempt.ok) throw tooMany(attempt.retryAfterMs);
    const user = s.storage.users.byUsername(username);
    const row = user && s.storage.residents.resetCode(user.id);
    const live = row && Date.parse(row.expiresAt) > Date.now();
    // Verified even with no code, so the time taken does not tell which accounts have one.
    const ok =
      (await verifyPassword(code || 'x', live ? row.codeHash : DUMMY_HASH)) && Boolean(live);
    const verdict = await attempt.done(ok);
    if (!verdict.ok) throw tooMany(verdict.retryAfterMs);
    if (!ok || !user || !row)
      throw new ApiError(401, 'invalid_credentials', 'Wrong username or code.');
    const passwordHash = await hashPassword(password);
    // Checked again after the hashing awaits: a second request with the same code lost the race.
    const used = s.storage.transaction(() => {
      const still = s.storage.residents.resetCode(user.id);
      if (!still || still.codeHash !== row.codeHash) return false;
      s.storage.residents.dropResetCode(user.id);
      s.storage.residents.setPasswordHash(user.id, passwordHash);
      s.storage.sessions.revokeAllFor(user.id);
      s.storage.audit.add({
        at: new Date().toISOString(),
        actorId: user.id,
        action: 'user.password_reset',
        subject: user.id,
        detail: '',
      });
      return true;
    });
    if (!used) throw new ApiError(401, 'invalid_credentials', 'Wrong username or code.');
    s.sync.closeUser(user.id, CloseCode.unauthorized);
    return c.json({ ok: true });
  });
}

// A valid scrypt string for a code nobody has: keeps the answer's time constant.
const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
