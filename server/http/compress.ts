import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { chooseCoding, etagMatches, type Coding } from './negotiate.js';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Below this, the coding's own overhead and the CPU outweigh the bytes saved. */
export const COMPRESS_MIN_BYTES = 1024;

/**
 * Compresses off the event loop (zlib's thread pool). Per request, brotli at quality 4: on the
 * city's JSON it is gzip -6's size for the same CPU; past 1 MB (the admin's list of every
 * household) quality 1 gives the same size for a fifth of the CPU. `fixed` answers, made
 * once, take brotli's top quality.
 */
export function encode(
  bytes: Uint8Array,
  coding: Exclude<Coding, 'identity'>,
  fixed = false,
): Promise<Buffer> {
  if (coding === 'gzip') return gzip(bytes, { level: fixed ? 9 : 6 });
  const quality = fixed ? zlib.constants.BROTLI_MAX_QUALITY : bytes.byteLength > 1 << 20 ? 1 : 4;
  return brotli(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
    },
  });
}

const CODINGS: readonly Coding[] = ['br', 'gzip', 'identity'];

/**
 * Whether an API answer may be compressed without opening it to BREACH (a secret guessed
 * from compressed sizes when the attacker's text sits beside it). Only GET answers without a
 * query string: the session cookie is SameSite=Lax, so another site can make a signed-in
 * browser GET an API URL by navigation, and the query string is the text it would choose.
 * Answers that carry a secret (sign-in, registration, reset tokens, API keys, Set-Cookie)
 * are answers to POSTs, which other sites cannot make (origin.ts), and are never compressed.
 */
function mayCompress(c: Context): boolean {
  if (c.req.method !== 'GET' || c.req.url.includes('?')) return false;
  if (c.req.path.startsWith('/api/auth/')) return false;
  const res = c.res;
  const h = res.headers;
  return (
    res.status === 200 &&
    res.body !== null &&
    (h.get('content-type') ?? '').startsWith('application/json') &&
    !h.has('content-encoding') &&
    !h.has('set-cookie') &&
    // A route with its own validator (the API description) keeps its representation whole.
    !h.has('etag') &&
    !/no-transform/i.test(h.get('cache-control') ?? '')
  );
}

/**
 * Compresses JSON answers of the API by Accept-Encoding. JSON only: exports stream CSV and
 * GeoJSON (their filters are in the query string, and an analyst's desk link has room), a
 * photo is already compressed, a sync reply is binary Yjs.
 */
export function compressJson(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!mayCompress(c)) return;
    const coding = chooseCoding(c.req.header('accept-encoding'), CODINGS);
    const bytes = new Uint8Array(await c.res.arrayBuffer());
    const headers = new Headers(c.res.headers);
    headers.append('Vary', 'Accept-Encoding');
    let body: Uint8Array<ArrayBuffer> = bytes;
    if (coding !== 'identity' && bytes.byteLength >= COMPRESS_MIN_BYTES) {
      body = new Uint8Array(await encode(bytes, coding));
      headers.set('Content-Encoding', coding);
    }
    headers.set('Content-Length', String(body.byteLength));
    c.res = new Response(body, { status: c.res.status, headers });
  };
}

/**
 * An answer fixed at start (the city's public description): serialised, tagged and
 * compressed once, then every request is a lookup. `no-cache`: a phone keeps it and asks
 * each time whether it changed; the usual answer is a 304 of a few hundred bytes.
 */
export function fixedJson(value: unknown): (c: Context) => Promise<Response> {
  const identity = new TextEncoder().encode(JSON.stringify(value));
  const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 22);
  const etag = (coding: Coding) => (coding === 'identity' ? `"${hash}"` : `"${hash}.${coding}"`);
  let coded: Promise<Record<Coding, Uint8Array<ArrayBuffer>>> | null = null;
  const forms = () =>
    (coded ??= Promise.all([encode(identity, 'br', true), encode(identity, 'gzip', true)]).then(
      ([br, gz]) => ({ br: new Uint8Array(br), gzip: new Uint8Array(gz), identity }),
    ));
  return async (c) => {
    const coding =
      identity.byteLength >= COMPRESS_MIN_BYTES
        ? chooseCoding(c.req.header('accept-encoding'), CODINGS)
        : 'identity';
    const headers = new Headers({
      'Cache-Control': 'no-cache',
      'Content-Type': 'application/json',
      ETag: etag(coding),
      Vary: 'Accept-Encoding',
    });
    const ifNoneMatch = c.req.header('if-none-match');
    if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, etag(coding)))
      return new Response(null, { status: 304, headers });
    const body = (await forms())[coding];
    if (coding !== 'identity') headers.set('Content-Encoding', coding);
    headers.set('Content-Length', String(body.byteLength));
    return new Response(c.req.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
