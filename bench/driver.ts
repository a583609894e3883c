/**
 * A load-driver process: holds a slice of the city's light clients (bench/lib/light-client.ts)
 * and registers their push subscriptions. Forked by bench/run.ts; never run by hand.
 */
import { LightPool } from './lib/light-client.js';
import { serve, emit } from './lib/rpc.js';
import type { DriverApi } from './lib/api.js';
import { sleep, waitFor } from './lib/stats.js';

let pool: LightPool | null = null;

serve<DriverApi>({
  async connect({ base, specs, addresses, concurrency, timeoutMs }) {
    pool = new LightPool(base, addresses, concurrency);
    const p = pool;
    const started = performance.now();
    const progress = setInterval(() => emit('progress', { ...p.counters }), 1000);
    p.add(specs);
    await waitFor(() => p.counters.synced + p.counters.final >= p.counters.total, timeoutMs, 20);
    clearInterval(progress);
    return {
      total: p.counters.total,
      synced: p.counters.synced,
      final: p.counters.final,
      ms: performance.now() - started,
      lastCloseCode: p.lastCloseCode,
    };
  },

  async subscribe({ http, items, keys, concurrency }) {
    let ok = 0;
    let failed = 0;
    let firstError: string | null = null;
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const item = items[next++]!;
        try {
          const res = await fetch(`${http}/api/push/subscriptions`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${item.token}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify({ endpoint: item.endpoint, expirationTime: null, keys }),
          });
          if (res.ok) ok++;
          else {
            failed++;
            firstError ??= `${res.status} ${(await res.text()).slice(0, 200)}`;
          }
        } catch (error) {
          failed++;
          firstError ??= String(error);
          await sleep(50);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { ok, failed, firstError };
  },

  async expectRestart() {
    pool?.expectRestart();
    return null;
  },

  async awaitResynced({ timeoutMs }) {
    const p = pool!;
    const all = () => p.counters.resynced >= p.live;
    const done = await waitFor(all, timeoutMs, 10);
    return { resynced: p.counters.resynced, live: p.live, at: done ? Date.now() : null };
  },

  async stats() {
    const cpu = process.cpuUsage();
    return {
      cpuUserS: cpu.user / 1e6,
      cpuSystemS: cpu.system / 1e6,
      rssMb: process.memoryUsage().rss / 2 ** 20,
      counters: pool ? { ...pool.counters } : emptyCounters(),
    };
  },

  async close() {
    pool?.close();
    setTimeout(() => process.exit(0), 200).unref();
    return null;
  },
});

function emptyCounters() {
  return { total: 0, synced: 0, final: 0, resynced: 0, closes: 0, attempts: 0 };
}
