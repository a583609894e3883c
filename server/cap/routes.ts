import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { Services } from '../services.js';
import { keyFromRequest, verifyApiKey } from '../integrations/keys.js';
import { CapFeed, type CapDocument } from './feed.js';
import { esc, httpDate } from './xml.js';

export const FEED_PATH = '/alerts.atom';
export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';
export const CAP_TYPE = 'application/cap+xml; charset=utf-8';

type ErrorCode =
  'unauthenticated' | 'invalid_key' | 'forbidden' | 'not_found' | 'method_not_allowed';

/** A small XML error: feed readers and CAP aggregators show the body of a refusal. */
function xmlError(c: Context, status: 401 | 403 | 404 | 405, code: ErrorCode, message: string) {
  c.header('Content-Type', 'application/xml; charset=utf-8');
  c.header('Cache-Control', 'no-store');
  return c.body(
    `<?xml version="1.0" encoding="UTF-8"?>\n<error><code>${code}</code><message>${esc(message)}</message></error>\n`,
    status,
  );
}

/**
 * Serves a document with validators, so a poller every minute mostly gets a bodiless 304:
 * a strong ETag of the bytes (the same step always gives the same bytes) and Last-Modified.
 */
function serve(c: Context, doc: CapDocument, type: string, cacheControl: string) {
  const etag = `"${createHash('sha256').update(doc.body).digest('base64url').slice(0, 27)}"`;
  c.header('ETag', etag);
  c.header('Last-Modified', httpDate(doc.updated));
  c.header('Cache-Control', cacheControl);
  // The answer depends on the key; no shared cache may hand it to someone without one.
  c.header('Vary', 'Authorization');
  const ifNoneMatch = c.req.header('if-none-match');
  const ifModifiedSince = c.req.header('if-modified-since');
  const fresh = ifNoneMatch
    ? ifNoneMatch.split(',').some((t) => {
        const tag = t.trim().replace(/^W\//, '');
        return tag === etag || tag === '*';
      })
    : !!ifModifiedSince &&
      Date.parse(ifModifiedSince) >= Math.floor(Date.parse(doc.updated) / 1000) * 1000;
  if (fresh) return c.body(null, 304);
  c.header('Content-Type', type);
  return c.body(doc.body, 200);
}

/**
 * CAP 1.2 messages of public alerts and their Atom index (`/cap`), for holders of an API key
 * with the `cap` scope (DESIGN §2: the public sees no alerts). The key comes as
 * `Authorization: Bearer <key>` or `?api_key=<key>`, since many feed readers cannot set headers.
 */
export function capRoutes(s: Services): Hono {
  const feed = new CapFeed({ storage: s.storage, city: s.city, config: s.config });
  const base = (c: Context) =>
    s.config.PUBLIC_URL?.replace(/\/+$/, '') ?? new URL(c.req.url).origin;
  const app = new Hono();

  app.use('*', async (c, next) => {
    const key = keyFromRequest(c.req.header('authorization'), c.req.query('api_key'));
    const check = verifyApiKey(s.storage, key, 'cap');
    if (check.ok) return next();
    if (check.why === 'scope')
      return xmlError(c, 403, 'forbidden', 'This API key may not read the CAP feed.');
    c.header('WWW-Authenticate', `Bearer realm="cap"${key ? ', error="invalid_token"' : ''}`);
    return check.why === 'missing'
      ? xmlError(
          c,
          401,
          'unauthenticated',
          'An API key with the cap scope is needed: Authorization: Bearer <key>, or ?api_key=<key>.',
        )
      : xmlError(c, 401, 'invalid_key', 'This API key is unknown or was revoked.');
  });

  app.get(FEED_PATH, (c) => {
    const root = `${base(c)}/cap`;
    const doc = feed.index(`${root}${FEED_PATH}`, (id) => `${root}/messages/${id}.xml`);
    // Revalidated on every poll: cheap with the ETag.
    return serve(c, doc, ATOM_TYPE, 'private, no-cache');
  });

  app.get('/messages/:file', (c) => {
    const file = c.req.param('file');
    const doc = file.endsWith('.xml') ? feed.message(file.slice(0, -4)) : null;
    if (!doc) return xmlError(c, 404, 'not_found', 'No such CAP message.');
    // A message never changes once sent; kept a while by the poller, never by a shared cache.
    return serve(c, doc, CAP_TYPE, 'private, max-age=3600');
  });

  const onlyGet = (c: Context) => {
    c.header('Allow', 'GET, HEAD');
    return xmlError(c, 405, 'method_not_allowed', 'This address is read with GET.');
  };
  app.all(FEED_PATH, onlyGet);
  app.all('/messages/:file', onlyGet);
  app.all('*', (c) => xmlError(c, 404, 'not_found', `The CAP index is at /cap${FEED_PATH}.`));
  return app;
}
