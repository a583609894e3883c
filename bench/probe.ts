/**
 * The probe process: everything the bench times lives here, on one clock — the residents who
 * raise alerts, an operator watching `ops`, one area watcher per area, the siren units, the
 * push sink and the relay writer and readers. Forked by bench/run.ts.
 */
import { serve } from './lib/rpc.js';
import type { ProbeApi } from './lib/api.js';
import { DocClient } from './lib/doc-client.js';
import { SirenClient } from './lib/sirens.js';
import { AlertRun } from './lib/alert-run.js';
import { runRelay } from './lib/relay.js';
import { sleep, waitFor } from './lib/stats.js';
import { RttMonitor } from './lib/rtt-monitor.js';
import type { CityConnect, ResidentRef } from './lib/probe-types.js';

let city: {
  arg: CityConnect;
  raisers: { ref: ResidentRef; client: DocClient }[];
  ops: DocClient[];
  areas: Map<string, DocClient>;
  sirens: SirenClient[] | null;
} | null = null;
let run: AlertRun | null = null;
const monitor = new RttMonitor();

const docs = (): DocClient[] =>
  city ? [...city.raisers.map((r) => r.client), ...city.ops, ...city.areas.values()] : [];
const live = () => docs().filter((d) => !d.final).length + (city?.sirens?.length ?? 0);
const resynced = () =>
  docs().filter((d) => !d.final && d.wentDown && d.synced).length +
  (city?.sirens?.filter((s) => s.wentDown && s.connected).length ?? 0);

serve<ProbeApi>({
  async connectCity(arg) {
    const started = performance.now();
    const url = (room: string) => `${arg.base}/sync/${room}`;
    const raisers = arg.raisers.map((ref) => ({
      ref,
      client: new DocClient(url(`user:${ref.id}`), ref.token, arg.addresses),
    }));
    const ops = arg.opsTokens.map((t) => new DocClient(url('ops'), t, arg.addresses));
    const areas = new Map(
      arg.areaObservers.map((o) => [
        o.areaId,
        new DocClient(url(`area:${o.areaId}`), o.token, arg.addresses),
      ]),
    );
    const sirens =
      arg.sirens?.map(
        (ref) =>
          new SirenClient(ref, `${arg.base}/devices/ws`, arg.addresses, (s, cmd, at) =>
            run?.onSiren(s, cmd, at),
          ),
      ) ?? null;
    city = { arg, raisers, ops, areas, sirens };
    monitor.start(arg.base + arg.monitor.path, arg.monitor.token, arg.addresses[0]!);
    const all = docs();
    await waitFor(
      () =>
        all.every((d) => d.synced || d.final) &&
        (sirens ?? []).every((s) => s.connected || s.closeCode !== null),
      arg.timeoutMs,
    );
    return {
      raisers: raisers.filter((r) => r.client.synced).length,
      ops: ops.filter((d) => d.synced).length,
      areaObservers: [...areas.values()].filter((d) => d.synced).length,
      sirens: sirens && {
        connected: sirens.filter((s) => s.connected).length,
        total: sirens.length,
        closeCode: sirens.find((s) => !s.connected)?.closeCode ?? null,
      },
      ms: performance.now() - started,
    };
  },

  async runAlerts(plan) {
    if (!city) throw new Error('connectCity first');
    run = new AlertRun({
      raisers: city.raisers,
      ops: city.ops[0]!,
      areas: city.areas,
      sirens: city.sirens,
    });
    const from = performance.now();
    const results = await run.run(plan);
    return { ...results, rtt: monitor.window(from, performance.now()) };
  },

  async idle({ ms }) {
    const from = performance.now();
    await sleep(ms);
    return monitor.window(from, performance.now());
  },

  relay: (arg) => runRelay(arg),

  async expectRestart() {
    for (const d of docs()) d.wentDown = false;
    for (const s of city?.sirens ?? []) s.wentDown = false;
    return null;
  },

  async awaitResynced({ timeoutMs }) {
    const done = await waitFor(() => resynced() >= live(), timeoutMs, 10);
    return { resynced: resynced(), live: live(), at: done ? Date.now() : null };
  },

  async stats() {
    const cpu = process.cpuUsage();
    return {
      cpuUserS: cpu.user / 1e6,
      cpuSystemS: cpu.system / 1e6,
      rssMb: process.memoryUsage().rss / 2 ** 20,
      counters: {
        total: live(),
        synced: 0,
        final: 0,
        resynced: resynced(),
        closes: 0,
        attempts: 0,
      },
    };
  },

  async close() {
    monitor.stop();
    for (const d of docs()) d.close();
    for (const s of city?.sirens ?? []) s.close();
    setTimeout(() => process.exit(0), 200).unref();
    return null;
  },
});
