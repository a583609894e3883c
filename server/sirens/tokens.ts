import { createHash, randomBytes } from 'node:crypto';

/** A device token: 256 random bits. Only its hash is stored (DESIGN §2: device keys). */
export const newDeviceToken = (): string => randomBytes(32).toString('base64url');

/** SHA-256 is enough here: the token is random, not a password, so no salt or stretching. */
export const hashDeviceToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+([A-Za-z0-9_-]{16,128})$/.exec(header ?? '');
  return match ? match[1]! : null;
}
