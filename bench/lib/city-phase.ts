import fs from 'node:fs';
import path from 'node:path';
import { createECDH, randomBytes } from 'node:crypto';
import { Fleet } from './fleet.js';
import type { Child } from './rpc.js';
import type { ClientStats, ProbeApi, RelayResult, SinkApi } from './api.js';
import { COMPILED_MAIN, ServerProc, benchRoot } from './server-proc.js';
import { seedCity, writeCityFile, type BenchCity } from './seed.js';
import { planCity, type CityPlan } from './plan.js';
import { pushFeature, sirenFeature } from './features.js';
import { freePort } from './ports.js';
import { sleep, round } from './stats.js';
import { attributePushes, type PushFigures } from './push-attribution.js';
import type { Options } from './args.js';
import type { AlertResults, ProbeConnected } from './probe-types.js';
import {
  METRICS_TOKEN,
  histogramsOf,
  metricsOf,
  metricsText,
  unlabelled,
  type HistogramFigures,
} from './server-metrics.js';

export interface CityRun {
  server: ServerProc;
  start(nodeArgs?: string[]): Promise<ServerProc>;
  fleet: Fleet;
  city: BenchCity;
  plan: CityPlan;
  /** null when offered; otherwise why not */
  push: string | null;
  sirens: string | null;
  pushMembers: Record<string, number>;
  subscriptions: number;
  probe: ProbeConnected;
  connections: number;
  connectAllS: number;
  rssIdleMb: number;
  rssAllMb: number;
  fdsAll: number;
  /** server CPU seconds per phase */
  cpu: Record<string, number>;
  metrics: Record<string, number>;
  /** The server's histograms as its /metrics showed them at the end of the alerts. */
  histograms?: Record<string, HistogramFigures>;
}

/**
 * Our server with the whole city: seeded, started, every client connected. The server's
 * first start on the empty directory seeds the demo city (staff, sirens, device tokens); the
 * bench's residents are added after it, then the server starts for real.
 */
export async function startCity(
  o: Options,
  probe: Child<ProbeApi>,
  pushSink: Child<SinkApi>,
  work: string,
  log: (s: string) => void,
): Promise<CityRun> {
  const dataDir = path.join(work, 'data');
  const port = await freePort();
  const sink = await pushSink.call('start', { dir: work });
  const env = {
    DEMO: '1',
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    PUSH_ENDPOINT_ALLOW: sink.origin,
    NODE_EXTRA_CA_CERTS: sink.certPath,
    METRICS_TOKEN,
    // The app this checkout built, also when the server runs from another (--server-root).
    CLIENT_DIR: path.join(benchRoot, 'dist', 'client'),
  };
  // Every start of the server is profiled with --cpu-prof, the restart's too.
  const prof = [
    ...(o.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', path.join(work, 'profiles')] : []),
    ...(o.traceGc ? ['--trace-gc'] : []),
  ];
  // The server as production runs it: compiled by `npm run build` (dist/server), without a
  // TypeScript loader; a --server-root checkout that was not built runs through tsx.
  const root = o.serverRoot ?? benchRoot;
  const compiled = fs.existsSync(path.join(root, COMPILED_MAIN));
  const start = (nodeArgs: string[] = prof) =>
    ServerProc.start({
      name: 'sac',
      root,
      script: compiled ? COMPILED_MAIN : 'server/main.ts',
      tsx: !compiled,
      port,
      env,
      nodeArgs,
      logFile: path.join(work, 'server.log'),
      healthPath: '/healthz',
    });
  writeCityFile(dataDir, o.areas);
  await (await start([])).stop();
  log(`seeding ${o.residents} residents`);
  const city = await seedCity(dataDir, o.residents, o.relayReaders + 1, o.areas);
  const server = await start();
  const cpu: Record<string, number> = {};
  await sleep(2000);
  const rssIdleMb = server.rssMb();
  const http = server.url;
  const base = http.replace('http', 'ws');
  const plan = planCity(o, city);
  const push = await pushFeature(http, city.residents[0]!.token);
  const sirens = await sirenFeature(base, dataDir);
  const fleet = Fleet.forSockets(plan.driverSpecs.length, 10);

  let c0 = server.cpuS();
  let subscriptions = 0;
  const pushMembers: Record<string, number> = {};
  if (push.ok) {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const keys = {
      p256dh: ecdh.getPublicKey().toString('base64url'),
      auth: randomBytes(16).toString('base64url'),
    };
    await pushSink.call('keys', { privateKey: ecdh.getPrivateKey('base64url'), auth: keys.auth });
    // Raisers hold no subscription: nobody is both reporter and recipient (see AlertRun).
    const raisers = new Set(plan.raisers.map((r) => r.id));
    const subscribers = city.residents.filter((r) => !raisers.has(r.id));
    log(`registering ${subscribers.length} push subscriptions`);
    const items = subscribers.map((r) => ({
      token: r.token,
      endpoint: `${sink.origin}/p/${r.idx}`,
    }));
    const s = await fleet.subscribe(http, items, keys);
    subscriptions = s.ok;
    if (s.failed) log(`  ${s.failed} subscriptions refused: ${s.firstError}`);
    for (const r of subscribers) pushMembers[r.areaId] = (pushMembers[r.areaId] ?? 0) + 1;
    cpu.subscribe = round(server.cpuS() - c0, 2)!;
  }

  log(`connecting ${plan.driverSpecs.length} light clients over ${fleet.drivers.length} drivers`);
  c0 = server.cpuS();
  const connected = await fleet.connect(base, plan.driverSpecs, 300_000, log);
  const probed = await probe.call('connectCity', {
    base,
    addresses: ['127.0.0.2', '127.0.0.6'],
    raisers: plan.raisers,
    opsTokens: city.operators.map((s) => s.token),
    areaObservers: plan.observers.map((r) => ({ token: r.token, areaId: r.areaId })),
    sirens: sirens.ok ? sirens.value : null,
    monitor: { path: `/sync/user:${city.residents[0]!.id}`, token: city.residents[0]!.token },
    timeoutMs: 120_000,
  });
  cpu.connect = round(server.cpuS() - c0, 2)!;
  const connections =
    connected.synced +
    probed.raisers +
    probed.ops +
    probed.areaObservers +
    (probed.sirens?.connected ?? 0);
  log(
    `connected ${connections} sockets in ${round(connected.ms / 1000)} s ` +
      `(light ${connected.synced}/${connected.total}, probe ${JSON.stringify(probed)})`,
  );
  await sleep(3000);
  return {
    server,
    start,
    fleet,
    city,
    plan,
    push: push.ok ? null : push.reason,
    sirens: sirens.ok ? null : sirens.reason,
    pushMembers,
    subscriptions,
    probe: probed,
    connections,
    connectAllS: round(connected.ms / 1000, 2)!,
    rssIdleMb,
    rssAllMb: server.rssMb(),
    fdsAll: server.fds(),
    cpu,
    metrics: await metricsOf(http),
  };
}

/**
 * The alerts, then the pushes: everything the probe observes, then the sink's arrivals once
 * every expected push came (or the settle time, counted from the last alert, ran out).
 */
export async function cityAlerts(
  c: CityRun,
  probe: Child<ProbeApi>,
  sink: Child<SinkApi>,
  settleMs: number,
): Promise<{ results: AlertResults; push: PushFigures | null }> {
  const c0 = c.server.cpuS();
  const before = await sink.call('count', null);
  const pushMembers = c.push === null ? c.pushMembers : null;
  const results = await probe.call(
    'runAlerts',
    { alerts: c.plan.alerts, settleMs, pushMembers },
    c.plan.alerts.at(-1)!.atMs + settleMs + 60_000,
  );
  let push: PushFigures | null = null;
  if (pushMembers) {
    // One push may cover several alerts (the server folds a burst), so "done" is every
    // alert covered, checked once arrivals pause, not a count of pushes.
    const lastSent = Math.max(...results.alerts.map((a) => a.sentWallMs));
    const areas = c.city.residents.map((r) => r.areaId);
    const deadline = lastSent + settleMs;
    let count = -1;
    for (;;) {
      const n = await sink.call('count', null);
      if (n === count || Date.now() >= deadline) {
        push = attributePushes(results.alerts, await sink.call('arrivals', { from: before }), areas); // prettier-ignore
        if (Date.now() >= deadline || results.alerts.every((a) => a.pushGot >= a.pushExpected))
          break;
        for (const a of results.alerts) {
          a.pushGot = 0;
          a.pushAll = null;
        }
      }
      count = n;
      await sleep(1000);
    }
  }
  c.cpu.alerts = round(c.server.cpuS() - c0, 2)!;
  // The end of the load: the server's own view of it, as a Prometheus scraper reads it.
  const text = await metricsText(c.server.url);
  Object.assign(c.metrics, prefixed('afterAlerts_', unlabelled(text)));
  c.histograms = histogramsOf(text);
  return { results, push };
}

/**
 * One relay round in `ops`: bench operators read, one writes notes on an alert record; every
 * note is checked by the write policy, applied, stored durably and fanned out.
 */
export async function ourRound(
  c: CityRun,
  probe: Child<ProbeApi>,
  recordId: string,
  writes: number,
): Promise<RelayResult> {
  const [writer, ...readers] = c.city.relayOps;
  const c0 = c.server.cpuS();
  const r = await probe.call('relay', {
    base: c.server.url.replace('http', 'ws'),
    readers: readers.map((x) => ({ path: '/sync/ops', token: x.token })),
    writer: { path: '/sync/ops', token: writer!.token },
    recordId,
    createRecord: false,
    writerUserId: writer!.id,
    writes,
    spacingMs: 50,
    addresses: ['127.0.0.3'],
    observers: 0,
  });
  c.cpu.relay = round((c.cpu.relay ?? 0) + c.server.cpuS() - c0, 2)!;
  return r;
}

/** SIGTERM, start again on the same data, and time until every client has resynced. */
export async function cityRestart(c: CityRun, probe: Child<ProbeApi>, log: (s: string) => void) {
  log('restart: SIGTERM, start again, wait for every client to resync');
  await c.fleet.expectRestart();
  await probe.call('expectRestart', null);
  const t0 = Date.now();
  await c.server.stop();
  const stoppedS = (Date.now() - t0) / 1000;
  c.server = await c.start();
  const serverUpS = (Date.now() - t0) / 1000;
  const [lights, probed] = await Promise.all([
    c.fleet.awaitResynced(180_000),
    probe.call('awaitResynced', { timeoutMs: 180_000 }, 210_000),
  ]);
  const at = lights.at !== null && probed.at !== null ? Math.max(lights.at, probed.at) : null;
  const reconnect = {
    allS: at === null ? null : round((at - t0) / 1000, 2),
    serverStopS: round(stoppedS, 2)!,
    serverUpS: round(serverUpS, 2)!,
    // the new process's CPU from its start until every client resynced (less loaded than time)
    serverCpuS: round(c.server.cpuS(), 2)!,
    resynced: lights.resynced + probed.resynced,
    live: lights.live + probed.live,
  };
  log(`reconnect: ${JSON.stringify(reconnect)}`);
  return reconnect;
}

/** Client CPU and memory, then every driver closed; the server keeps running. */
export async function cityFinish(c: CityRun, probe: Child<ProbeApi>): Promise<ClientStats[]> {
  const stats = [...(await c.fleet.stats()), await probe.call('stats', null)];
  await c.fleet.stop();
  return stats;
}

const prefixed = (p: string, r: Record<string, number>) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [p + k, v]));

export const cleanup = (dir: string) => fs.rmSync(dir, { recursive: true, force: true });
