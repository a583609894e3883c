import path from 'node:path';
import fs from 'node:fs';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

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
  // Client-side routes fall back to the shell.
  app.get('*', serveStatic({ root, path: 'index.html', onFound: headers }));
}
