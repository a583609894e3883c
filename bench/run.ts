/**
 * `npm run bench`: the whole reference city against the real server on this machine.
 * See bench/README.md for what each figure means and how it is measured.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { options } from './lib/args.js';
import { Child } from './lib/rpc.js';
import type { ProbeApi, RelayResult, SinkApi } from './lib/api.js';
import { initialJs } from './lib/client-budget.js';
import {
  startReference,
  referenceRound,
  stopReference,
  type ReferenceRun,
} from './lib/reference-phase.js';
import {
  cityAlerts,
  cityFinish,
  cityRestart,
  cleanup,
  ourRound,
  startCity,
  type CityRun,
} from './lib/city-phase.js';
import { offlineReload } from './lib/browser.js';
import { fillAlerts, fillCity, fillClients, fillRelay, machine } from './lib/fill.js';
import { percentile, round, spread } from './lib/stats.js';
import { fsyncCost } from './lib/disk.js';
import { observatoryPhase } from './lib/observatory.js';
import { StealMeter } from './lib/steal.js';
import { table, write, type Results } from './lib/report.js';
import { benchRoot } from './lib/server-proc.js';
import { histogramLines } from './lib/server-metrics.js';
import { DEMO_PASSWORD } from '../shared/demo-city.js';
import { slowLinkStep } from './lib/slow-link/phase.js';
import { slowLinkLines } from './lib/slow-link/report.js';

const RELAY_ROUNDS = 8;
const o = options();
const settleMs = o.scale === 1 ? 180_000 : 60_000;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-bench-'));
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);
const why = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
// Bounded whatever happens: a stuck phase must not keep a shared machine busy.
setTimeout(() => {
  console.error('bench: 60-minute deadline passed, giving up');
  process.exit(2);
}, 60 * 60_000).unref();
process.on('SIGINT', () => process.exit(130));

const r: Results = {
  generatedAt: new Date().toISOString(),
  scale: o.scale,
  machine: machine(),
  residents: o.residents,
  areas: o.areas,
  alertToOpsP50Ms: null,
  alertToOpsP99Ms: null,
  alertToReceiptP99Ms: null,
  alertToSirenP99Ms: null,
  areaPushAllP99Ms: null,
  reconnectAllS: null,
  serverRssMb: null,
  rssPerConnectionKb: null,
  refTransportRatio: null,
  clientJsGzKb: null,
  offlineReloadInteractiveMs: null,
  observatoryMs: null,
  emergingMs: null,
  notAvailable: {},
};

log(`work dir ${work}; scale ${o.scale}: ${o.residents} residents in ${o.areas} areas`);
const steal = new StealMeter();
steal.start('run');
r.fsyncAtStart = fsyncCost(work);
try {
  const js = initialJs(path.join(benchRoot, 'dist', 'client'));
  r.clientJsGzKb = round(js.gzKb);
  r.clientJs = js.files;
} catch (e) {
  r.notAvailable.clientJsGzKb = `no build: ${why(e)}`;
}

if (o.slowLink.only) {
  steal.start('slowLink');
  r.slowLink = await slowLinkStep(o.slowLink, work, log);
  steal.close();
  if (steal.available) r.cpuSteal = steal.windows;
  write(path.resolve(benchRoot, o.out), r);
  console.log(slowLinkLines(r.slowLink as Parameters<typeof slowLinkLines>[0]).join('\n'));
  console.log(`\nwritten to ${o.out}`);
  if (!o.keep) cleanup(work);
  process.exit(0);
}

// First, on a quiet machine: the observatory's analyses over a demo year and a 10× year.
try {
  const obs = await observatoryPhase(work, log);
  r.observatory = obs;
  r.observatoryMs = obs.year10.hotspotsHoursMs;
  r.emergingMs = obs.year10.emergingMs;
} catch (e) {
  r.notAvailable.observatoryMs = r.notAvailable.emergingMs = `observatory failed: ${why(e)}`;
  log(`observatory failed: ${String(e)}`);
}
if (o.observatoryOnly) {
  console.log(JSON.stringify(r.observatory, null, 2));
  cleanup(work);
  process.exit(0);
}

const probe = new Child<ProbeApi>('probe', path.join(import.meta.dirname, 'probe.ts'));
const sink = new Child<SinkApi>('sink', path.join(import.meta.dirname, 'sink.ts'));
let city: CityRun | null = null;
try {
  steal.start('connect');
  city = await startCity(o, probe, sink, work, log);
  steal.stop('connect');
  fillCity(r, city);
  // A quiet spell with everyone connected: the server's own background work, nothing else.
  r.idleRtt = await probe.call('idle', { ms: 25_000 });
  r.serverRssSettledMb = round(city.server.rssMb());
  log(`alerts: ${city.plan.alerts.length} (steady 1/s, then a burst)`);
  steal.start('alerts');
  const alerts = await cityAlerts(city, probe, sink, settleMs).catch((e: unknown) => {
    log(`alerts failed: ${String(e)}`);
    return null;
  });
  steal.stop('alerts');
  fillAlerts(r, city, alerts?.results ?? null, alerts?.push ?? null, settleMs);
  if (city.histograms) {
    r.serverHistograms = city.histograms;
    log('server /metrics at the end of the alerts (its own histograms):');
    for (const line of histogramLines(city.histograms)) log(`  ${line}`);
  }
  const record = alerts?.results.alerts.find((a) => a.ops !== null)?.id ?? null;
  steal.start('relay');
  await relayComparison(city, record);
  steal.stop('relay');
  r.fsyncAfterAlerts = fsyncCost(work);
  steal.start('restart');
  // `--restarts n`: the median of n restarts, each a full resync of the city.
  const restarts: Awaited<ReturnType<typeof cityRestart>>[] = [];
  for (let i = 0; i < o.restarts; i++) restarts.push(await cityRestart(city, probe, log));
  steal.stop('restart');
  const reconnect = restarts.at(-1)!;
  r.reconnect = reconnect;
  if (o.restarts > 1) {
    r.restarts = restarts;
    const all = spread(
      restarts.map((x) => x.allS),
      2,
    );
    r.rounds = { ...(r.rounds as object | undefined), reconnectAllS: all };
    r.reconnectAllS = restarts.some((x) => x.allS === null) ? null : all.median;
  } else r.reconnectAllS = reconnect.allS;
  const missed = restarts.find((x) => x.allS === null);
  if (missed) r.notAvailable.reconnectAllS = `${missed.resynced}/${missed.live} resynced in 180 s`;
  fillClients(r, [...(await cityFinish(city, probe)), await sink.call('stats', null)]);
} catch (e) {
  log(`city phase failed: ${String(e)}`);
  for (const k of ['alertToOpsP99Ms', 'serverRssMb', 'reconnectAllS', 'refTransportRatio'] as const)
    if (r[k] === null) r.notAvailable[k] ??= `city phase failed: ${why(e)}`;
}

if (o.browser && city) {
  try {
    log('browser: offline reload with 4× CPU throttling');
    const b = await offlineReload(city.server.url, 'vecino1', DEMO_PASSWORD);
    r.offlineReloadInteractiveMs = round(b.ms, 0);
    r.offlineReload = b;
  } catch (e) {
    r.notAvailable.offlineReloadInteractiveMs = `browser run failed: ${why(e)}`;
    log(`browser failed: ${String(e)}`);
  }
} else
  r.notAvailable.offlineReloadInteractiveMs = o.browser ? 'no server' : 'skipped (--no-browser)';

await city?.server.stop();
// Last, with the city's processes gone: a resident behind an emulated mobile link.
if (o.slowLink.run) {
  steal.start('slowLink');
  r.slowLink = await slowLinkStep(o.slowLink, work, log);
  steal.stop('slowLink');
} else r.slowLink = '--no-slow-link';
steal.close();
if (steal.available) r.cpuSteal = steal.windows;
for (const child of [probe, sink]) {
  await child.call('close', null, 10_000).catch(() => null);
  await child.stop();
}
write(path.resolve(benchRoot, o.out), r);
console.log('\n' + table(r));
console.log(`\nwritten to ${o.out}`);
if (o.keep) console.log(`kept ${work}`);
else cleanup(work);
process.exit(0);

/**
 * Our `ops` fan-out against the reference's plain room, in alternating rounds while both
 * servers hold their city, so load from the machine's other users hits both alike.
 */
async function relayComparison(c: CityRun, recordId: string | null): Promise<void> {
  if (!recordId) {
    r.notAvailable.refTransportRatio = 'no alert record in ops to write notes on';
    return;
  }
  let ref: ReferenceRun | null = null;
  if (o.reference) {
    ref = await startReference(o, work, log).catch((e: unknown) => {
      r.notAvailable.refTransportRatio = `reference failed to start: ${why(e)}`;
      return null;
    });
  } else r.notAvailable.refTransportRatio = 'skipped (--no-reference)';
  const ours: RelayResult[] = [];
  const refs: RelayResult[] = [];
  const writes = Math.round(o.relayWrites / RELAY_ROUNDS);
  // The probe's operators sit in our `ops` room during our rounds; the reference's room gets as many.
  const observers = c.city.operators.length;
  log(
    `relay: ${RELAY_ROUNDS} rounds × ${writes} writes to ${o.relayReaders} readers${ref ? ', alternating with the reference' : ''}`,
  );
  try {
    for (let i = 0; i < RELAY_ROUNDS; i++) {
      steal.start(`relay ${i}`);
      if (ref && i % 2 === 0)
        refs.push(await referenceRound(probe, ref, o.relayReaders, writes, observers));
      ours.push(await ourRound(c, probe, recordId, writes));
      if (ref && i % 2 === 1)
        refs.push(await referenceRound(probe, ref, o.relayReaders, writes, observers));
      steal.stop(`relay ${i}`);
      const p99 = (x: RelayResult | undefined) => x && round(percentile(x.latencies, 99));
      const w = steal.windows[`relay ${i}`];
      log(`  round ${i}: p99 ours ${p99(ours[i])} / reference ${p99(refs[i]) ?? '-'} ms; steal ${w?.s ?? '?'} s, load ${w?.load1m ?? '?'}`); // prettier-ignore
    }
  } finally {
    if (ref) await stopReference(ref);
  }
  fillRelay(r, ours, ref, refs);
}
