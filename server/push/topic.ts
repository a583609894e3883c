import crypto from 'node:crypto';
import type { VapidKeys } from './vapid.js';

/**
 * The Topic header of an area's pushes (RFC 8030 §5.4). Headers are read by the push service
 * (a third party), so the topic must not say which neighbourhood a subscriber lives in: it
 * is a keyed hash of the area id, stable across restarts because the key is the server's
 * VAPID private key. 22 base64url characters (132 bits); the RFC allows at most 32.
 */
export function areaTopic(keys: VapidKeys, areaId: string): string {
  return crypto
    .createHmac('sha256', keys.privateKey)
    .update(`sac-area-topic:${areaId}`)
    .digest('base64url')
    .slice(0, 22);
}
