import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Context } from 'hono';
import type { Config } from '../config.js';

/** Who sent a request, as far as the server can know it. */
export interface Peer {
  /** the client's address: the socket's peer, or what a trusted proxy says it saw */
  address: string;
  /** whether the client reached us over HTTPS (directly or through a trusted proxy) */
  https: boolean;
}

/** `::ffff:1.2.3.4` (IPv4 on a dual-stack socket) is 1.2.3.4: one key per address. */
const plain = (address: string): string => address.trim().replace(/^::ffff:(?=\d+\.)/, '');

/** The configured proxies, parsed once per server. */
export function trustedProxies(config: Pick<Config, 'TRUSTED_PROXIES'>): ReadonlySet<string> {
  return new Set(
    config.TRUSTED_PROXIES.split(',')
      .map((a) => plain(a))
      .filter(Boolean),
  );
}

/**
 * The client behind a request. X-Forwarded-For and X-Forwarded-Proto are read only when the
 * socket's peer is a configured proxy: anyone else can write them, and a throttle keyed on a
 * header the client chooses throttles nothing. Through a chain of trusted proxies the client
 * is the rightmost address no trusted proxy wrote.
 */
export function peerOf(
  trusted: ReadonlySet<string>,
  socket: { remoteAddress?: string | undefined; encrypted?: boolean },
  header: (name: string) => string | undefined,
): Peer {
  const remote = plain(socket.remoteAddress ?? '');
  const direct = { address: remote || 'unknown', https: socket.encrypted === true };
  if (!trusted.has(remote)) return direct;
  const hops = (header('x-forwarded-for') ?? '').split(',').map(plain).filter(Boolean);
  let address = remote;
  for (let i = hops.length - 1; i >= 0; i--) {
    address = hops[i]!;
    if (!trusted.has(address)) break;
  }
  const proto = header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return { address, https: proto ? proto === 'https' : direct.https };
}

/** The peer of an upgrade (or any raw Node request). */
export function peerOfRequest(trusted: ReadonlySet<string>, req: IncomingMessage): Peer {
  const value = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v.join(',') : v;
  };
  return peerOf(trusted, req.socket as TLSSocket, value);
}

/** The peer of a Hono request served by @hono/node-server. */
export function peerOfContext(trusted: ReadonlySet<string>, c: Context): Peer {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming) return { address: 'unknown', https: false };
  return peerOf(trusted, incoming.socket as TLSSocket, (name) => c.req.header(name));
}
