import fs from 'node:fs/promises';
import { Gauge, type Registry } from 'prom-client';

/**
 * prom-client defaults whose collect walks every handle or file descriptor on the event
 * loop: `readdirSync('/proc/self/fd')` and `process._getActiveHandles()` /
 * `getActiveResourcesInfo()` build an entry per socket, ~20,000 of them with the whole city
 * connected (59 ms of one scrape in the bench's CPU profile, an operator's alert waiting
 * behind it). The per-type handle and resource series go (`sac_connections` counts the
 * sockets); the descriptor count stays, read without listing.
 */
export const COSTLY_DEFAULTS = [
  'process_open_fds',
  'nodejs_active_handles',
  'nodejs_active_handles_total',
  'nodejs_active_resources',
  'nodejs_active_resources_total',
];

/** Replaces the costly defaults in `registry` with what can be had cheaply. */
export function cheapProcessSeries(registry: Registry): void {
  for (const name of COSTLY_DEFAULTS) registry.removeSingleMetric(name);
  if (process.platform !== 'linux') return;
  new Gauge({
    name: 'process_open_fds',
    help: 'Number of open file descriptors.',
    registers: [registry],
    async collect() {
      const n = await openFds();
      if (n !== null) this.set(n);
    },
  });
}

/**
 * Linux (6.2 on) gives the number of open descriptors as the size of `/proc/self/fd`: one
 * stat, off the event loop. Older kernels say 0 there; then the folder is listed, still on
 * libuv's threads rather than the loop.
 */
export async function openFds(): Promise<number | null> {
  try {
    const { size } = await fs.stat('/proc/self/fd');
    if (size > 0) return size;
    // The listing's own descriptor is counted in it.
    return (await fs.readdir('/proc/self/fd')).length - 1;
  } catch {
    return null;
  }
}
