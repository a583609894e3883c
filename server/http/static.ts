import path from 'node:path';
import fs from 'node:fs';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { ApiError } from './errors.js';

/**
 * The built client. Hashed assets are immutable; the shell, the service worker and the
 * manifest are revalidated every time so a new release reaches phones.
 */
export function mountClient(app: Hono, clientDir: string): void {
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) {
    app.get('/', (c) =>
      c.text('The client is not built. Run `npm run build` (npm start does it for you).', 503),
    );
    return;
  }
  const root = path.relative(process.cwd(), clientDir) || '.';
  const headers = (file: string, c: { header: (k: string, v: string) => void }) => {
    const immutable = file.includes(`${path.sep}assets${path.sep}`);
    c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    c.header('X-Content-Type-Options', 'nosniff');
  };
  app.use('/*', serveStatic({ root, onFound: headers }));
  // A file that is not here is a 404, never the shell: after a deploy, a page still running
  // the last release asks for chunks that left, and must see them fail (and reload, client/
  // data/app-update.ts) rather than receive HTML in place of its JavaScript.
  app.get('*', async (c, next) => {
    if (/\.[a-z0-9]+$/i.test(c.req.path)) throw new ApiError(404, 'not_found', 'No such file.');
    await next();
  });
  // Client-side routes fall back to the shell.
  app.get('*', serveStatic({ root, path: 'index.html', onFound: headers }));
}
