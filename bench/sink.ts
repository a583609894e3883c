/**
 * The push sink process: a local HTTPS push service (bench/lib/push-sink.ts) kept apart from
 * the probe, so tens of thousands of deliveries during a burst do not delay the probe's own
 * observations. Arrival times are wall-clock (performance.timeOrigin + now), comparable with
 * the probe's on one machine.
 */
import { serve } from './lib/rpc.js';
import type { SinkApi } from './lib/api.js';
import { PushSink } from './lib/push-sink.js';

const sink = new PushSink();
const arrivals: [number, number][] = [];
sink.onPush = (idx, at) => arrivals.push([idx, performance.timeOrigin + at]);

serve<SinkApi>({
  start: ({ dir }) => sink.start(dir),
  async count() {
    return arrivals.length;
  },
  async arrivals() {
    return arrivals;
  },
  async stats() {
    const cpu = process.cpuUsage();
    return {
      cpuUserS: cpu.user / 1e6,
      cpuSystemS: cpu.system / 1e6,
      rssMb: process.memoryUsage().rss / 2 ** 20,
      counters: {
        total: arrivals.length,
        synced: 0,
        final: 0,
        resynced: 0,
        closes: 0,
        attempts: 0,
      },
    };
  },
  async close() {
    sink.close();
    setTimeout(() => process.exit(0), 200).unref();
    return null;
  },
});
