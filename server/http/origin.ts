import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.js';
import { peerOfContext, peerOfRequest, trustedProxies, type Peer } from './client-address.js';
import { ApiError } from './errors.js';

type OriginConfig = Pick<Config, 'PUBLIC_URL' | 'TRUSTED_PROXIES'>;

/**
 * The one origin the app is served from: the configured public URL, else the request's own
 * host with the scheme the client used. Behind a proxy that rewrites Host, set PUBLIC_URL.
 */
export function ownOrigin(config: OriginConfig, host: string | undefined, peer: Peer): string {
  if (config.PUBLIC_URL) return new URL(config.PUBLIC_URL).origin;
  return `${peer.https ? 'https' : 'http'}://${(host ?? '').toLowerCase()}`;
}

/**
 * Whether a browser sent this request from another site. Browsers name the page's origin on
 * every state-changing request and every socket (`Origin`), or at least say where it came
 * from (`Sec-Fetch-Site`); a request with neither comes from a program (a siren, the bench,
 * a test, curl) that holds its own Bearer token and has no ambient cookie to abuse.
 */
export function isCrossSite(
  origin: string | undefined,
  secFetchSite: string | undefined,
  own: string,
): boolean {
  if (origin !== undefined) return origin.toLowerCase() !== own;
  return secFetchSite === 'cross-site' || secFetchSite === 'same-site';
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests from other sites (403 `cross_site`). Not hono's `csrf`:
 * that one looks only at form-encodable bodies (leaving the rest to CORS preflights) and
 * refuses a program's bodiless POST that carries no Origin; this rule is the same for every
 * method and body and for the socket upgrade (`refuseCrossSiteUpgrade`).
 */
export function sameOriginOnly(config: OriginConfig): MiddlewareHandler {
  const trusted = trustedProxies(config);
  return async (c, next) => {
    if (!SAFE.has(c.req.method)) {
      const own = ownOrigin(config, c.req.header('host'), peerOfContext(trusted, c));
      if (isCrossSite(c.req.header('origin'), c.req.header('sec-fetch-site'), own))
        throw new ApiError(403, 'cross_site', 'Requests from other sites are refused.');
    }
    await next();
  };
}

const trustedOnce = new WeakMap<OriginConfig, ReadonlySet<string>>();

/**
 * The same rule for WebSocket upgrades (a browser opens a socket to any site without asking,
 * cookie included). Answers 403 and closes the socket; returns whether it did.
 */
export function refuseCrossSiteUpgrade(
  config: OriginConfig,
  req: IncomingMessage,
  socket: Duplex,
): boolean {
  const header = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const origin = header('origin');
  const secFetchSite = header('sec-fetch-site');
  // A program's socket (a siren, a test) names no site: nothing to compare, no peer to read.
  // The whole city's sockets come at once after a restart, so the rest is done once per config.
  if (origin === undefined && secFetchSite === undefined) return false;
  const trusted = trustedOnce.get(config) ?? trustedProxies(config);
  trustedOnce.set(config, trusted);
  const own = ownOrigin(config, header('host'), peerOfRequest(trusted, req));
  if (!isCrossSite(origin, secFetchSite, own)) return false;
  // A reset by the peer must not become an unhandled 'error' event.
  socket.on('error', () => socket.destroy());
  socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  return true;
}
