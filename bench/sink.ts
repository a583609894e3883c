/**
 * The push sink process: a local HTTPS push service (bench/lib/push-sink.ts) kept apart from
 * the probe, so tens of thousands of deliveries during a burst do not delay the probe's own
 * observations. Arrival times are wall-clock (performance.timeOrigin + now), comparable with
 * the probe's on one machine.
 */
import { createECDH, type ECDH } from 'node:crypto';
import { serve } from './lib/rpc.js';
import type { SinkApi } from './lib/api.js';
import { PushSink } from './lib/push-sink.js';
import { decrypt } from '../server/push/testing/push-sink.js';

const sink = new PushSink();
const arrivals: [number, number][] = [];
/** Encrypted bodies, decrypted only when the arrivals are asked for (not while timing). */
const bodies: (Buffer | string | null)[] = [];
let keys: { ecdh: ECDH; auth: Buffer } | null = null;
sink.onPush = (idx, at, body) => {
  arrivals.push([idx, performance.timeOrigin + at]);
  bodies.push(body);
};

/**
 * The `tag` of a push: the newest alert it covers. The server folds alerts raised while a
 * member's push waits into that push, so one arrival can stand for several alerts.
 */
function tagOf(i: number): string | null {
  const b = bodies[i];
  if (typeof b === 'string' || b === null || b === undefined) return b ?? null;
  let tag: string | null = null;
  try {
    if (keys) tag = (JSON.parse(decrypt(b, keys.ecdh, keys.auth).toString('utf8')) as { tag: string }).tag; // prettier-ignore
  } catch {
    tag = null;
  }
  bodies[i] = tag;
  return tag;
}

serve<SinkApi>({
  start: ({ dir }) => sink.start(dir),
  async count() {
    return arrivals.length;
  },
  async keys({ privateKey, auth }) {
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(privateKey, 'base64url'));
    keys = { ecdh, auth: Buffer.from(auth, 'base64url') };
    return null;
  },
  async arrivals({ from }) {
    return arrivals.slice(from).map(([idx, at], i) => [idx, at, tagOf(from + i)]);
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
