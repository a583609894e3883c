import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Services } from '../services.js';
import { ApiError } from './errors.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Whether `authorization` carries `Bearer <token>`. Both sides are hashed first so the
 * comparison takes the same time whatever the length or the first wrong byte.
 */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  const given = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : '';
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}

/**
 * `/healthz` and `/metrics` (Prometheus text format from the server's registry, server/metrics/).
 * Nothing personal in either, but the metrics tell an outsider how busy the centre is
 * (connections, alerts): they are served only to a scraper holding METRICS_TOKEN, and not at
 * all without one.
 */
export function opsRoutes(s: Services): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/metrics', async (c) => {
    const token = s.config.METRICS_TOKEN;
    if (!token) throw new ApiError(404, 'not_found', 'No such endpoint.');
    if (!bearerMatches(c.req.header('authorization'), token)) {
      c.header('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new ApiError(401, 'unauthenticated', 'The metrics need their token.');
    }
    const body = await s.metrics.text();
    return c.body(body, 200, { 'content-type': s.metrics.contentType });
  });
  return app;
}
