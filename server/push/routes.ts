import { Hono } from 'hono';
import { z } from 'zod';
import type { Services } from '../services.js';
import { ApiError, body } from '../http/errors.js';
import { requireUser, type Env } from '../http/context.js';

/** A person may have this many browsers subscribed; a newer one replaces the oldest. */
const MAX_SUBSCRIPTIONS_PER_USER = 10;

const base64url = (bytes: number, check?: (b: Buffer) => boolean) =>
  z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, 'must be base64url')
    .refine((v) => {
      const b = Buffer.from(v, 'base64url');
      return b.length === bytes && (!check || check(b));
    }, `must encode ${bytes} bytes`);

export const subscription = z.object({
  endpoint: z.string().min(1).max(1024),
  keys: z.object({
    // An uncompressed P-256 point (RFC 8291 §3.1).
    p256dh: base64url(65, (b) => b[0] === 0x04),
    auth: base64url(16),
  }),
  lang: z.enum(['es', 'en']).default('es'),
});

export const unsubscription = z.object({ endpoint: z.string().min(1).max(1024) });

/** `/api/push` (DESIGN §8): the VAPID public key, and subscribing a browser or removing it. */
export function pushRoutes(s: Services): Hono<Env> {
  const app = new Hono<Env>();
  app.get('/key', requireUser(s), (c) => c.json({ publicKey: s.push.publicKey }));

  app.post('/subscriptions', requireUser(s), async (c) => {
    const input = await body(c, subscription);
    // No server-side request forgery: we only ever POST to known push services.
    if (!s.push.allow.allows(input.endpoint))
      throw new ApiError(400, 'bad_request', 'endpoint: not a known push service.');
    const user = c.get('user');
    s.storage.transaction(() => {
      s.storage.push.upsert({
        userId: user.id,
        sessionHash: c.get('tokenHash'),
        endpoint: input.endpoint,
        p256dh: input.keys.p256dh,
        auth: input.keys.auth,
        lang: input.lang,
      });
      s.storage.push.keepNewest(user.id, MAX_SUBSCRIPTIONS_PER_USER);
    });
    return c.json({ ok: true }, 201);
  });

  app.delete('/subscriptions', requireUser(s), async (c) => {
    const input = await body(c, unsubscription);
    const removed = s.storage.push.remove(c.get('user').id, input.endpoint);
    return c.json({ ok: true, removed });
  });
  return app;
}
