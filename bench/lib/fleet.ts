import path from 'node:path';
import { Child } from './rpc.js';
import type {
  ClientStats,
  ConnectResult,
  DriverApi,
  ResyncResult,
  SubscribeResult,
} from './api.js';
import type { LightSpec, PoolCounters } from './light-client.js';

/** At most this many sockets per driver: the per-process open-file limit is 20,000. */
export const SOCKETS_PER_DRIVER = 5000;
const DRIVER = path.join(import.meta.dirname, '..', 'driver.ts');

/**
 * The driver processes, each with its own source addresses on loopback (one address has only
 * ~28k ephemeral ports, and a reconnect storm needs fresh ones).
 */
export class Fleet {
  readonly drivers: Child<DriverApi>[];
  private readonly progress = new Map<number, PoolCounters>();

  constructor(
    count: number,
    private readonly firstOctet: number,
  ) {
    this.drivers = Array.from({ length: count }, (_, i) => {
      const d = new Child<DriverApi>(`driver-${i}`, DRIVER);
      d.on('progress', (c) => this.progress.set(i, c as PoolCounters));
      return d;
    });
  }

  static forSockets(sockets: number, firstOctet: number, min = 2): Fleet {
    return new Fleet(Math.max(min, Math.ceil(sockets / SOCKETS_PER_DRIVER)), firstOctet);
  }

  addresses(i: number): string[] {
    const a = this.firstOctet + 2 * i;
    return [`127.0.0.${a}`, `127.0.0.${a + 1}`];
  }

  /** Connects `specs` spread evenly over the drivers; logs progress every 5 s. */
  async connect(
    base: string,
    specs: LightSpec[],
    timeoutMs: number,
    log: (s: string) => void,
  ): Promise<ConnectResult> {
    const n = this.drivers.length;
    const slices = this.drivers.map((_, i) => specs.filter((_s, k) => k % n === i));
    const ticker = setInterval(() => {
      const synced = [...this.progress.values()].reduce((s, c) => s + c.synced, 0);
      log(`  connecting: ${synced}/${specs.length} synced`);
    }, 5000);
    try {
      const results = await Promise.all(
        this.drivers.map((d, i) =>
          d.call(
            'connect',
            { base, specs: slices[i]!, addresses: this.addresses(i), concurrency: 128, timeoutMs },
            timeoutMs + 30_000,
          ),
        ),
      );
      return {
        total: sum(results, (r) => r.total),
        synced: sum(results, (r) => r.synced),
        final: sum(results, (r) => r.final),
        ms: Math.max(...results.map((r) => r.ms)),
        lastCloseCode: results.find((r) => r.lastCloseCode)?.lastCloseCode ?? 0,
      };
    } finally {
      clearInterval(ticker);
    }
  }

  async subscribe(
    http: string,
    items: { token: string; endpoint: string }[],
    keys: { p256dh: string; auth: string },
  ): Promise<SubscribeResult> {
    const n = this.drivers.length;
    const results = await Promise.all(
      this.drivers.map((d, i) =>
        d.call('subscribe', {
          http,
          items: items.filter((_s, k) => k % n === i),
          keys,
          concurrency: 8,
        }),
      ),
    );
    return {
      ok: sum(results, (r) => r.ok),
      failed: sum(results, (r) => r.failed),
      firstError: results.find((r) => r.firstError)?.firstError ?? null,
    };
  }

  async expectRestart(): Promise<void> {
    await Promise.all(this.drivers.map((d) => d.call('expectRestart', null)));
  }

  async awaitResynced(timeoutMs: number): Promise<ResyncResult> {
    const r = await Promise.all(
      this.drivers.map((d) => d.call('awaitResynced', { timeoutMs }, timeoutMs + 30_000)),
    );
    const all = r.every((x) => x.at !== null);
    return {
      resynced: sum(r, (x) => x.resynced),
      live: sum(r, (x) => x.live),
      at: all ? Math.max(...r.map((x) => x.at!)) : null,
    };
  }

  async stats(): Promise<ClientStats[]> {
    return Promise.all(this.drivers.map((d) => d.call('stats', null)));
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.drivers.map(async (d) => {
        await d.call('close', null, 10_000).catch(() => null);
        await d.stop();
      }),
    );
  }
}

export function sum<T>(items: T[], f: (t: T) => number): number {
  return items.reduce((s, t) => s + f(t), 0);
}
