import fs from 'node:fs';
import os from 'node:os';
import type { CityRun } from './city-phase.js';
import type { ClientStats, RelayResult } from './api.js';
import type { AlertResults } from './probe-types.js';
import type { PushFigures } from './push-attribution.js';
import type { ReferenceRun } from './reference-phase.js';
import { alertFigures, ratio } from './figures.js';
import { percentile, round, spread, summarize } from './stats.js';
import type { Results } from './report.js';

/** Writes the figures of each phase into the results, with a reason wherever one is missing. */
export function fillCity(r: Results, c: CityRun): void {
  r.connections = c.connections;
  r.connectAllS = c.connectAllS;
  r.serverRssIdleMb = round(c.rssIdleMb);
  r.serverRssMb = round(c.rssAllMb);
  r.rssPerConnectionKb = round(((c.rssAllMb - c.rssIdleMb) * 1024) / Math.max(1, c.connections));
  r.serverFdsAll = c.fdsAll;
  r.serverCpuS = c.cpu;
  r.serverMetrics = c.metrics;
  r.sirenUnits = c.probe.sirens?.connected ?? null;
  r.pushSubscriptions = c.subscriptions;
}

export function fillAlerts(
  r: Results,
  c: CityRun,
  a: AlertResults | null,
  push: PushFigures | null,
  settleMs: number,
): void {
  const accepted = a ? a.alerts.filter((x) => x.ops !== null || x.receipt !== null).length : 0;
  if (!a || accepted === 0) {
    const why = `the server accepted no alert (no receipt, nothing in ops within ${settleMs / 1000} s)`;
    r.notAvailable.alertToOpsP50Ms = why;
    r.notAvailable.alertToOpsP99Ms = why;
    r.notAvailable.alertToReceiptP99Ms = why;
    r.notAvailable.alertToSirenP99Ms = why;
    r.notAvailable.areaPushAllP99Ms = why;
    return;
  }
  const f = alertFigures(a, settleMs);
  r.alerts = {
    ...f,
    settleMs,
    durationMs: round(a.durationMs),
    pushArrivals: push?.arrivals ?? null,
    pushUnattributed: push?.unattributed ?? null,
    pushPerS: push?.perS ?? null,
    sirenCommands: a.sirenCommands,
    sirenUnattributed: a.sirenUnattributed,
    sirenRepeats: a.sirenRepeats,
  };
  r.alertsRtt = a.rtt;
  // Each p99 is the median of the phase's windows (figures.ts); the pooled p99 stays in
  // `alerts.byPhase.all`, comparable with the runs before rounds.
  r.alertToOpsP50Ms = f.byPhase.all.ops.p50;
  r.alertToOpsP99Ms = f.rounds.ops.median;
  r.alertToReceiptP99Ms = f.rounds.receipt.median;
  r.alertToAreaP99Ms = f.rounds.area.median;
  if (c.sirens) r.notAvailable.alertToSirenP99Ms = c.sirens;
  else r.alertToSirenP99Ms = f.rounds.siren.median;
  if (c.push) r.notAvailable.areaPushAllP99Ms = c.push;
  else r.areaPushAllP99Ms = f.rounds.pushAll.median;
  r.rounds = {
    ...(r.rounds as object | undefined),
    alertToOpsP99Ms: f.rounds.ops,
    alertToReceiptP99Ms: f.rounds.receipt,
    alertToSirenP99Ms: f.rounds.siren,
    areaPushAllP99Ms: f.rounds.pushAll,
  };
}

const pooled = (rounds: RelayResult[]) => ({
  ...summarize(rounds.flatMap((x) => x.latencies)),
  readers: rounds[0]?.readers ?? 0,
  writes: rounds.reduce((s, x) => s + x.writes, 0),
  missing: rounds.reduce((s, x) => s + x.missing, 0),
  roundP99: rounds.map((x) => round(percentile(x.latencies, 99))),
  roomKb: round((rounds.at(-1)?.roomBytes ?? 0) / 1024),
});

export function fillRelay(
  r: Results,
  ours: RelayResult[],
  ref: ReferenceRun | null,
  refs: RelayResult[],
): void {
  const error = ours.find((x) => x.error)?.error ?? refs.find((x) => x.error)?.error;
  if (ours.length) r.relay = pooled(ours);
  if (ref) {
    r.reference = {
      server: '@y/websocket-server 0.1.1',
      connections: ref.connections,
      rssIdleMb: ref.rssIdleMb,
      rssAllMb: ref.rssAllMb,
      rssPerConnectionKb: ref.rssPerConnectionKb,
      relay: pooled(refs),
    };
  }
  if (error) {
    r.notAvailable.refTransportRatio = `relay failed: ${error}`;
    return;
  }
  if (!ref || !ours.length) return;
  // Round i of ours beside round i of the reference, run next to it: the ratio of each pair,
  // then the median of the pairs; the pooled ratio (every latency of every round) beside it.
  const p = (x: RelayResult | undefined, q: number) => (x ? round(percentile(x.latencies, q)) : null); // prettier-ignore
  const pairs = ours.map((x, i) => ratio(p(x, 99), p(refs[i], 99)));
  const pooledP99 = (xs: RelayResult[]) => round(percentile(xs.flatMap((x) => x.latencies), 99)); // prettier-ignore
  const ratios = spread(pairs, 2);
  r.refTransportRatio = ratios.median;
  r.refTransportRatioPooled = ratio(pooledP99(ours), pooledP99(refs));
  r.rounds = {
    ...(r.rounds as object | undefined),
    refTransportRatio: ratios,
    relayP99Ms: { ours: spread(ours.map((x) => p(x, 99))), reference: spread(refs.map((x) => p(x, 99))) }, // prettier-ignore
    relayP50Ms: { ours: spread(ours.map((x) => p(x, 50))), reference: spread(refs.map((x) => p(x, 50))) }, // prettier-ignore
  };
}

export function fillClients(r: Results, clients: ClientStats[]): void {
  const cpu = clients.reduce((s, x) => s + x.cpuUserS + x.cpuSystemS, 0);
  r.clientCpuS = round(cpu, 2);
  r.clients = clients.map((x) => ({
    cpuS: round(x.cpuUserS + x.cpuSystemS, 2),
    rssMb: round(x.rssMb),
  }));
}

export function machine(): Record<string, string | number> {
  const limits = fs.readFileSync('/proc/self/limits', 'utf8');
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memGb: round(os.totalmem() / 2 ** 30)!,
    node: process.version,
    kernel: os.release(),
    openFiles: /Max open files\s+(\d+)/.exec(limits)?.[1] ?? 'unknown',
    loadAvg1mAtStart: round(os.loadavg()[0]!, 2)!,
  };
}
