import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../shared/types.js';
import type { UserRow } from '../storage/storage.js';
import { resolveSession, tokenFrom } from '../auth/sessions.js';
import type { Services } from '../services.js';
import { ApiError } from './errors.js';

export interface Env {
  Variables: { user: UserRow; tokenHash: string };
}

/** Authenticates by Bearer token or session cookie; optionally restricts roles. */
export function requireUser(services: Services, roles?: readonly Role[]): MiddlewareHandler<Env> {
  return async (c, next) => {
    const resolved = resolveSession(
      services.storage,
      tokenFrom({ authorization: c.req.header('authorization'), cookie: c.req.header('cookie') }),
    );
    if (!resolved.ok) {
      if (resolved.why === 'suspended')
        throw new ApiError(403, 'account_suspended', 'This account is not active.');
      throw new ApiError(401, 'unauthenticated', 'Log in first.');
    }
    if (roles && !roles.includes(resolved.user.role))
      throw new ApiError(403, 'forbidden', 'Your role may not do this.');
    c.set('user', resolved.user);
    c.set('tokenHash', resolved.tokenHash);
    await next();
  };
}

export const STAFF: readonly Role[] = ['operator', 'admin'];
