import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../config.js';
import { peerOfContext, trustedProxies } from './client-address.js';

type HeaderConfig = Pick<Config, 'TILES_URL' | 'PUBLIC_URL' | 'TRUSTED_PROXIES'>;

/**
 * The CSP source for the map's tiles: the configured URL's origin, with a `{s}` (or any
 * placeholder) subdomain widened to `*`, since Leaflet spreads tiles over a, b, c.
 */
export function tileSource(url: string): string | null {
  const match = /^(https?):\/\/([^/?#]+)/i.exec(url.trim());
  if (!match) return null;
  const host = match[2]!
    .split('.')
    .map((label) => (label.includes('{') ? '*' : label))
    .join('.');
  if (!/^[a-z0-9*.:[\]-]+$/i.test(host)) return null;
  return `${match[1]!.toLowerCase()}://${host.toLowerCase()}`;
}

/**
 * What a 304 carries (RFC 9110 §15.4.5): the validators and how the answer may be kept, and
 * the stored answer's own Content-Type (else the Node adapter would add text/plain).
 */
const KEPT_ON_304 = new Set([
  'cache-control',
  'content-location',
  'content-type',
  'date',
  'etag',
  'expires',
  'last-modified',
  'vary',
]);

/**
 * Headers that act only on a page (or, for the CSP, a worker): which scripts it may run,
 * framing, features, the window's opener, DNS prefetch, old IE and Flash switches.
 */
const PAGE_ONLY = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'permissions-policy',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

/**
 * An answer no browser makes a page or a worker of: a hashed script or stylesheet of the
 * client (the service worker, the one script run as a worker, is not under /assets/), a
 * raster image, a font. A script opened by hand shows as text (nosniff), an image as an
 * image; their page-only headers would be ~600 of the ~860 bytes of each, 25 KB of a
 * first visit's headers.
 */
function isSubresource(path: string, type: string): boolean {
  if (path.startsWith('/assets/') && /^(text\/javascript|text\/css)\b/.test(type)) return true;
  return /^(image\/(png|jpeg|webp|gif|avif|x-icon)|font\/)/.test(type);
}

/**
 * Headers on every response (page-only ones on pages, workers and data; none but the
 * validators on a 304). Scripts come only from our own files (no inline script, no
 * eval). Styles allow 'unsafe-inline': lit templates write `style="…"` attributes (colour
 * swatches, map legends) and the shell has one inline <style>; a style can restyle the page
 * but run nothing. Images and fetches: ourselves plus the tile server. No framing, no
 * referrer, geolocation for our own pages only. HSTS only when the client came over HTTPS
 * (directly, through a trusted proxy, or because PUBLIC_URL says so): over plain HTTP on a
 * local machine it would lock the browser out of that host.
 */
export function securityHeaders(config: HeaderConfig): MiddlewareHandler {
  const tiles = tileSource(config.TILES_URL);
  const withTiles = (...sources: string[]) => (tiles ? [...sources, tiles] : sources);
  const secure = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: withTiles("'self'", 'data:', 'blob:'),
      connectSrc: withTiles("'self'"),
      fontSrc: ["'self'"],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    permissionsPolicy: {
      geolocation: ['self'],
      camera: [],
      microphone: [],
      payment: [],
      usb: [],
    },
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    strictTransportSecurity: false,
  });
  const trusted = trustedProxies(config);
  const publicHttps = config.PUBLIC_URL?.startsWith('https:') ?? false;
  return async (c, next) => {
    await secure(c, next);
    // A 304 only refreshes what the browser stored with the full answer, which has these
    // headers already (RFC 9111 §4.3.4 keeps stored fields the 304 leaves out). Repeated,
    // they would be two thirds of every revalidation: ~700 bytes per open on a slow link.
    if (c.res.status === 304) {
      for (const name of [...c.res.headers.keys()])
        if (!KEPT_ON_304.has(name)) c.res.headers.delete(name);
      return;
    }
    if (isSubresource(c.req.path, c.res.headers.get('content-type') ?? ''))
      for (const name of PAGE_ONLY) c.res.headers.delete(name);
    if (publicHttps || peerOfContext(trusted, c).https)
      c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  };
}
