/**
 * Sockets per user and per source address. The process has 20,000 file descriptors for the
 * whole city, and one resident opened 1,500 sockets: a few accounts could starve everyone.
 * Per user the cap is modest (a phone holds two rooms, a console one); per address it is
 * high, because many phones share one carrier address (DESIGN §4: limits are per user).
 */
export interface SocketLimits {
  perUser: number;
  perAddress: number;
  /**
   * Reverse proxies whose `X-Forwarded-For` names the client (TRUSTED_PROXIES): behind one,
   * every socket comes from the proxy and one cap would hold the whole city. The same rule
   * as the sign-in throttle's (server/http/client-address.ts); anyone else's header is ignored.
   */
  trustedProxies: ReadonlySet<string>;
}

/** The defaults of SYNC_SOCKETS_PER_USER and SYNC_SOCKETS_PER_ADDRESS (server/config.ts). */
export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  perUser: 20,
  perAddress: 5000,
  trustedProxies: new Set(),
};

export class SocketCaps {
  private readonly users = new Map<string, number>();
  private readonly addresses = new Map<string, number>();

  constructor(readonly limits: SocketLimits) {}

  /** Takes a slot for a new socket, or says which cap refuses it. Give it back with `release`. */
  take(userId: string, address: string): 'user' | 'address' | null {
    const user = this.users.get(userId) ?? 0;
    if (user >= this.limits.perUser) return 'user';
    const addr = this.addresses.get(address) ?? 0;
    if (addr >= this.limits.perAddress) return 'address';
    this.users.set(userId, user + 1);
    this.addresses.set(address, addr + 1);
    return null;
  }

  release(userId: string, address: string): void {
    decrement(this.users, userId);
    decrement(this.addresses, address);
  }
}

function decrement(map: Map<string, number>, key: string): void {
  const n = (map.get(key) ?? 0) - 1;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}
