import { createHash, randomBytes } from 'node:crypto';
import type { SocketUser, Storage, UserRow } from '../storage/storage.js';

export const SESSION_COOKIE = 'sac_session';

/** Only the hash of a token is stored: a copy of the database opens no session. */
export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('base64url');

export function createSession(storage: Storage, userId: string, days: number): string {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  storage.sessions.insert({
    tokenHash: hashToken(token),
    userId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + days * 86_400_000).toISOString(),
  });
  return token;
}

export type Resolved =
  | { ok: true; user: UserRow; tokenHash: string }
  | { ok: false; why: 'missing' | 'invalid' | 'suspended' };

/** A session is valid while unexpired, not revoked, and its user is active. */
export function resolveSession(storage: Storage, token: string | undefined): Resolved {
  if (!token) return { ok: false, why: 'missing' };
  const tokenHash = hashToken(token);
  const session = storage.sessions.byTokenHash(tokenHash);
  if (!session || session.expiresAt < new Date().toISOString())
    return { ok: false, why: 'invalid' };
  const user = storage.users.byId(session.userId);
  if (!user) return { ok: false, why: 'invalid' };
  if (user.status !== 'active') return { ok: false, why: 'suspended' };
  return { ok: true, user, tokenHash };
}

export type SocketResolved =
  | { ok: true; user: SocketUser; tokenHash: string }
  | { ok: false; why: 'missing' | 'invalid' | 'suspended' };

/** `resolveSession` for a sync socket: the same rules, one lookup, only what a socket keeps. */
export function resolveSocketSession(storage: Storage, token: string | undefined): SocketResolved {
  if (!token) return { ok: false, why: 'missing' };
  const tokenHash = hashToken(token);
  const found = storage.sessions.identity(tokenHash);
  if (!found || found.expiresAt < new Date().toISOString()) return { ok: false, why: 'invalid' };
  if (found.status !== 'active') return { ok: false, why: 'suspended' };
  const { id, role, name, areaId, unitId } = found;
  return { ok: true, user: { id, role, name, areaId, unitId }, tokenHash };
}

/** Reads the session token from `Authorization: Bearer` or the session cookie. */
export function tokenFrom(headers: {
  authorization?: string | undefined;
  cookie?: string | undefined;
}): string | undefined {
  const auth = headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || undefined;
  const cookie = headers.cookie;
  if (!cookie) return undefined;
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}
