import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Hono } from 'hono';
import type { Services } from '../services.js';
import { API_ROUTES, buildDocument } from './openapi/index.js';

const version = (): string => {
  const pkg = JSON.parse(
    fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as { version?: string };
  return pkg.version ?? '0.0.0';
};

/**
 * `GET /api/openapi.json`: the REST API described from the schemas its routes validate with
 * (server/http/openapi/). No sign-in, any site: it describes, it holds no data. Built on the first
 * request and the same until the server restarts: shared caches may keep it a few minutes,
 * and after that a client revalidates with its ETag (a new version changes it).
 */
export function openApiRoutes(_s: Services): Hono {
  const app = new Hono();
  let built: { text: string; etag: string } | null = null;
  app.get('/openapi.json', (c) => {
    if (!built) {
      const text = JSON.stringify(buildDocument(API_ROUTES, version()));
      const hash = createHash('sha256').update(text).digest('base64url').slice(0, 22);
      built = { text, etag: `"${hash}"` };
    }
    c.header('Cache-Control', 'public, max-age=300');
    // A viewer on another site may load it by its address; it is public and sends no cookie.
    c.header('Access-Control-Allow-Origin', '*');
    c.header('ETag', built.etag);
    if (c.req.header('if-none-match') === built.etag) return c.body(null, 304);
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(built.text);
  });
  return app;
}
