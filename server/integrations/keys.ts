import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Storage } from '../storage/storage.js';
import type { ApiClientRow, ApiScope } from '../storage/integrations.js';

/** Keys look like `sac_` + 32 random bytes in base64url: long enough that guessing is hopeless. */
const PREFIX = 'sac_';

const TOUCH_EVERY_MS = 60_000;

export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/**
 * Issues a key to another system. The key is returned once, to be shown to the admin once;
 * only its hash is stored, so a leaked database does not leak working keys.
 */
export function issueApiKey(
  storage: Storage,
  input: { name: string; scopes: ApiScope[]; by: string; at?: string },
): { client: ApiClientRow; key: string } {
  const key = PREFIX + randomBytes(32).toString('base64url');
  const client: ApiClientRow = {
    id: randomUUID(),
    name: input.name,
    scopes: [...new Set(input.scopes)],
    keyHash: hashKey(key),
    keyPrefix: key.slice(0, PREFIX.length + 6),
    createdAt: input.at ?? new Date().toISOString(),
    createdBy: input.by,
    revokedAt: null,
    revokedBy: null,
    lastUsedAt: null,
  };
  storage.apiClients.insert(client);
  return { client, key };
}

/**
 * The live client holding `key` with `scope`, or why not: `missing` (no key given),
 * `invalid` (unknown or revoked), `scope` (a real key without this permission). Looked up by
 * hash, so the comparison never depends on how much of a guess was right.
 */
export function verifyApiKey(
  storage: Storage,
  key: string | undefined | null,
  scope: ApiScope,
): { ok: true; client: ApiClientRow } | { ok: false; why: 'missing' | 'invalid' | 'scope' } {
  if (!key) return { ok: false, why: 'missing' };
  const client = storage.apiClients.byKeyHash(hashKey(key));
  if (!client || client.revokedAt) return { ok: false, why: 'invalid' };
  if (!client.scopes.includes(scope)) return { ok: false, why: 'scope' };
  // "Last used" to the minute: a system polling every few seconds costs no write per poll.
  const now = Date.now();
  if (!client.lastUsedAt || now - Date.parse(client.lastUsedAt) >= TOUCH_EVERY_MS)
    storage.apiClients.touch(client.id, new Date(now).toISOString());
  return { ok: true, client };
}

/** The key a request carries: `Authorization: Bearer <key>`, else `?api_key=` (Open311's way). */
export function keyFromRequest(authorization: string | undefined, query: string | undefined) {
  if (authorization?.startsWith('Bearer ')) return authorization.slice(7).trim() || null;
  return query?.trim() || null;
}
