import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Context, Hono } from 'hono';
import { ApiError } from './errors.js';
import { byteRange, chooseCoding, notModified, type Coding } from './negotiate.js';
import { StaticFiles } from './static-files.js';

/** The path asked for, decoded, inside the client folder; null for a path that cannot be. */
function requestedPath(c: Context): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(c.req.url).pathname);
  } catch {
    throw new ApiError(400, 'bad_request', 'Malformed path.');
  }
  const parts = decoded.split('/').filter((p) => p !== '');
  // No way out of the folder, and no hidden files (a stray .env must never be served).
  if (parts.some((p) => p.startsWith('.') || p.includes('\0') || p.includes('\\'))) return null;
  return parts.length === 0 ? 'index.html' : parts.join('/');
}

/**
 * One file, in the smallest coding the client takes, with its validators. Hashed assets
 * are immutable; the shell, the service worker and the manifest are revalidated every time
 * so a new release reaches phones, which now costs a 304 of a few hundred bytes.
 */
async function serveFile(c: Context, files: StaticFiles, rel: string): Promise<Response | null> {
  const found = await files.get(rel);
  if (!found) return null;
  const available = (['br', 'gzip', 'identity'] as const).filter((k) => found.forms[k]);
  const coding: Coding = found.compressible
    ? chooseCoding(c.req.header('accept-encoding'), available)
    : 'identity';
  const form = found.forms[coding] ?? found.forms.identity;
  const headers = new Headers({
    'Cache-Control': rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: form.etag,
    'Last-Modified': found.lastModified.toUTCString(),
    'X-Content-Type-Options': 'nosniff',
  });
  if (found.compressible) headers.set('Vary', 'Accept-Encoding');
  // On a 304 too: without it the Node adapter labels the answer text/plain.
  headers.set('Content-Type', found.type);
  const ifNoneMatch = c.req.header('if-none-match');
  const ifModifiedSince = c.req.header('if-modified-since');
  if (notModified({ ifNoneMatch, ifModifiedSince }, form.etag, found.lastModified))
    return new Response(null, { status: 304, headers });

  headers.set('Accept-Ranges', 'bytes');
  if (form.coding !== 'identity') headers.set('Content-Encoding', form.coding);
  const range = byteRange(c.req.header('range'), c.req.header('if-range'), form.etag, form.size);
  if (range.kind === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${form.size}`);
    headers.delete('Content-Type');
    headers.set('Content-Length', '0');
    return new Response(null, { status: 416, headers });
  }
  const start = range.kind === 'partial' ? range.start : 0;
  const end = range.kind === 'partial' ? range.end : form.size - 1;
  headers.set('Content-Length', String(Math.max(0, end - start + 1)));
  if (range.kind === 'partial') headers.set('Content-Range', `bytes ${start}-${end}/${form.size}`);
  const status = range.kind === 'partial' ? 206 : 200;
  // HEAD: the headers a GET would get, and no file opened for a body nobody reads.
  if (c.req.method === 'HEAD' || form.size === 0) return new Response(null, { status, headers });
  const stream = fs.createReadStream(form.file, { start, end });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status, headers });
}

/** The built client: its files, a 404 for a file it lacks, the shell for the app's paths. */
export function mountClient(app: Hono, clientDir: string): void {
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) {
    app.get('/', (c) =>
      c.text('The client is not built. Run `npm run build` (npm start does it for you).', 503),
    );
    return;
  }
  const files = new StaticFiles(path.resolve(clientDir));
  app.get('*', async (c) => {
    const rel = requestedPath(c);
    const served = rel === null ? null : await serveFile(c, files, rel);
    if (served) return served;
    // A file that is not here is a 404, never the shell: after a deploy, a page still
    // running the last release asks for chunks that left, and must see them fail (and
    // reload, client/data/app-update.ts) rather than receive HTML in place of its JavaScript.
    if (/\.[a-z0-9]+$/i.test(c.req.path)) throw new ApiError(404, 'not_found', 'No such file.');
    // Client-side routes fall back to the shell.
    const shell = await serveFile(c, files, 'index.html');
    if (!shell) throw new ApiError(404, 'not_found', 'No such file.');
    return shell;
  });
}
