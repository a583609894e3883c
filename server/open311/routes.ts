import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { ApiError } from '../http/errors.js';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Lang } from '../../shared/i18n/core.js';
import type { Services } from '../services.js';
import { keyFromRequest, verifyApiKey } from '../integrations/keys.js';
import { fileRequest, Open311Error } from './filing.js';
import { formatOfPath, sendError, sendList, splitFormat, type Format } from './format.js';
import { isServiceCode, publicRequest, serviceList } from './public.js';
import { readQuery } from './query.js';
import { readBody } from './body.js';

/** A filing is a few fields; anything near this is not one. */
const MAX_BODY = 16 * 1024;

/**
 * Open311 GeoReport v2 (`/open311/v2`): the services (SAC's request categories), the requests
 * without anything personal (public, no key), and filing a request with an `open311` API key.
 * Every answer is JSON or XML by the path's extension; every error is the standard's
 * `[{code, description}]` / `<errors>` with the matching HTTP status.
 */
export function open311Routes(s: Services): Hono {
  const app = new Hono();
  const perKey = new RateLimiterMemory({ points: s.config.OPEN311_POSTS_PER_MINUTE, duration: 60 });

  app.onError((err, c) => open311OnError(err, c, s));
  app.notFound((c) =>
    sendError(c, formatOfPath(c.req.path), 404, 'No such GeoReport v2 resource.'),
  );
  app.use('*', async (c, next) => {
    await next();
    // Public open data: any site may read it; nothing here rides on a cookie.
    if (c.req.method === 'GET') c.header('Access-Control-Allow-Origin', '*');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-cache');
  });

  const format = (segment: string, name: string): Format | null => {
    const f = splitFormat(segment);
    return f && f.name === name ? f.format : null;
  };
  const lang = (c: Context): Lang => (c.req.query('locale')?.startsWith('en') ? 'en' : 'es');
  /** One jurisdiction per city: absent is fine, another one is not ours. */
  const jurisdiction = (value: string | undefined) => {
    const ours = s.city.open311.jurisdictionId;
    if (value !== undefined && value !== '' && ours !== null && value !== ours)
      throw new Open311Error(404, `jurisdiction_id: this endpoint serves ${ours} only`);
  };

  app.get('/services/:file', (c) => {
    const seg = splitFormat(c.req.param('file'));
    if (!seg) return c.notFound();
    jurisdiction(c.req.query('jurisdiction_id'));
    // Our services ask no extra questions (metadata false): a definition without attributes.
    if (!isServiceCode(seg.name))
      return sendError(c, seg.format, 404, `service_code: unknown service "${seg.name}"`);
    const def = { service_code: seg.name, attributes: [] };
    if (seg.format === 'json') return c.json(def);
    return c.body(
      `<?xml version="1.0" encoding="utf-8"?>\n<service_definition><service_code>${seg.name}</service_code><attributes/></service_definition>\n`,
      200,
      { 'Content-Type': 'text/xml; charset=utf-8' },
    );
  });

  app.get('/requests/:file', (c) => {
    const seg = splitFormat(c.req.param('file'));
    if (!seg) return c.notFound();
    jurisdiction(c.req.query('jurisdiction_id'));
    const row = s.storage.open311.byId(seg.name);
    if (!row) return sendError(c, seg.format, 404, `No request ${seg.name}.`);
    const rows = [publicRequest(row, s.city, lang(c))];
    return sendList(c, seg.format, { root: 'service_requests', item: 'request' }, rows);
  });

  app.get('/:file', (c) => {
    const seg = splitFormat(c.req.param('file'));
    if (seg?.name === 'services') {
      jurisdiction(c.req.query('jurisdiction_id'));
      c.header('Cache-Control', 'public, max-age=300');
      return sendList(c, seg.format, { root: 'services', item: 'service' }, serviceList(lang(c)));
    }
    if (seg?.name !== 'requests') return c.notFound();
    const f = seg.format;
    jurisdiction(c.req.query('jurisdiction_id'));
    const q = readQuery((k) => c.req.query(k));
    const rows = q.ids
      ? q.ids.map((id) => s.storage.open311.byId(id)).filter((r) => r !== undefined)
      : s.storage.open311.list(q.query);
    const out = rows.map((r) => publicRequest(r, s.city, lang(c)));
    return sendList(c, f, { root: 'service_requests', item: 'request' }, out);
  });

  app.post(
    '/:file',
    bodyLimit({
      maxSize: MAX_BODY,
      onError: () => {
        throw new Open311Error(413, `The request body is larger than ${MAX_BODY / 1024} KiB.`);
      },
    }),
    async (c) => {
      const f = format(c.req.param('file'), 'requests');
      if (!f) return c.notFound();
      const form = await readBody(c);
      jurisdiction(form.jurisdiction_id ?? c.req.query('jurisdiction_id'));
      const key = keyFromRequest(
        c.req.header('authorization'),
        form.api_key ?? c.req.query('api_key'),
      );
      const verdict = verifyApiKey(s.storage, key, 'open311');
      if (!verdict.ok)
        throw new Open311Error(
          403,
          verdict.why === 'missing'
            ? 'api_key is required to file a request'
            : verdict.why === 'scope'
              ? 'api_key: this key may not file requests (no open311 permission)'
              : 'api_key: unknown or revoked key',
        );
      // Filings count, not mistakes: a client fixing its integration is not held back by them.
      const used = await perKey.get(verdict.client.id);
      if (used && used.remainingPoints <= 0)
        throw new Open311Error(429, 'Too many requests filed with this key: wait and retry.', {
          'Retry-After': String(Math.max(1, Math.ceil(used.msBeforeNext / 1000))),
        });
      const id = fileRequest(s, verdict.client, form);
      await perKey.penalty(verdict.client.id, 1);
      s.log.info('open311 request filed', { client: verdict.client.id, request: id });
      const notice = 'Recibido: la Municipalidad lo atiende en su cola de pedidos.';
      return sendList(
        c,
        f,
        { root: 'service_requests', item: 'request' },
        [{ service_request_id: id, service_notice: notice, account_id: null }],
        201,
      );
    },
  );
  return app;
}

/**
 * Errors anywhere under `/open311/v2` in the standard's shape, including those thrown before
 * this app's routes run (the cross-site check, see server/http/app.ts). Unexpected ones are
 * logged and never leak details.
 */
export function open311OnError(err: Error, c: Context, s: Pick<Services, 'log'>): Response {
  const f = formatOfPath(c.req.path);
  if (err instanceof Open311Error) return sendError(c, f, err.status, err.message, err.headers);
  if (err instanceof ApiError && err.code === 'cross_site')
    return sendError(c, f, 403, 'Requests from other sites are refused.');
  if (err instanceof HTTPException && err.status < 500)
    return sendError(c, f, err.status, err.message || 'Bad request.');
  s.log.error('open311 error', { path: c.req.path, error: String(err) });
  return sendError(c, f, 500, 'Something went wrong on the server.');
}
