import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { cheapProcessSeries } from './process-cheap.js';

/** The monitor's sampling interval; each sample it records includes it, so it is taken off. */
const RESOLUTION_MS = 10;

let shared: Registry | null = null;

/**
 * The process's own series, one registry per process: prom-client's defaults (`process_*`,
 * `nodejs_*`, unprefixed as every Node dashboard expects them) and the event loop's delay.
 * Memory, CPU and the event loop belong to the process, not to one server in it; several
 * test servers in one process share these, and the monitors and GC observer the defaults
 * start are started once, not once per server (they cannot be stopped). The defaults that
 * list every socket at each scrape are replaced by cheap ones (`process-cheap.ts`).
 */
export function processRegistry(): Registry {
  if (shared) return shared;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  cheapProcessSeries(registry);
  const delay = new Histogram({
    name: 'sac_event_loop_delay_seconds',
    help: 'Worst event-loop delay in each second (perf_hooks.monitorEventLoopDelay, 10 ms resolution).',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  // The worst of each second, not every 10 ms sample: one observation a second costs nothing,
  // and "how many seconds had the loop stuck for over 100 ms" is what an alert path feels.
  // The monitor samples in C++ at its resolution; a block of any length shows in its max.
  const monitor = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  monitor.enable();
  setInterval(() => {
    if (monitor.count === 0) return;
    delay.observe(Math.max(0, monitor.max / 1e6 - RESOLUTION_MS) / 1000);
    monitor.reset();
  }, 1000).unref();
  shared = registry;
  return registry;
}
