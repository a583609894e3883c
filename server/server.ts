import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import type { Config } from './config.js';
import { createLogger } from './log.js';
import { openSqlite, type SqliteOptions } from './storage/sqlite/index.js';
import { SyncServer } from './sync/sync-server.js';
import { errorText, upgradePath } from './sync/upgrade.js';
import { loadCity } from './city/city.js';
import { seedDemo } from './demo/seed.js';
import { AlertProjection } from './alerts/projection.js';
import { RequestProjection } from './requests/index.js';
import { PlanRecorder, UnitProjection } from './units/index.js';
import { PlanService } from './plans/index.js';
import { createPush, type PushOptions } from './push/index.js';
import { OperatorConsole } from './console/index.js';
import { seedDemoDevices } from './sirens/demo-devices.js';
import { createApp } from './http/app.js';
import { refuseCrossSiteUpgrade } from './http/origin.js';
import { trustedProxies } from './http/client-address.js';
import type { Services } from './services.js';
import { createObservatory } from './observatory/index.js';
import { createMetrics } from './metrics/registry.js';

const LISTEN_BACKLOG = 4096;

export interface Running {
  url: string;
  port: number;
  services: Services;
  seeded: boolean;
  close(): Promise<void>;
}

/** Builds and starts the whole system; used by `main.ts` and by integration tests (port 0). */
export async function startServer(
  config: Config,
  options: {
    push?: PushOptions;
    /** the observatory's clock (`computedAt`, default periods); tests fix it */
    now?: () => Date;
    /** the log's sync and its failure (default: fsync; exit); tests watch or fail them */
    storage?: Pick<SqliteOptions, 'syncFile' | 'onSyncFailed'>;
  } = {},
): Promise<Running> {
  const log = createLogger(config.LOG_LEVEL);
  const city = loadCity(config);
  const storage = openSqlite(config.dataDir, {
    checkpointEveryMs: config.SQLITE_CHECKPOINT_MS || null,
    syncOffLoop: config.SQLITE_COMMIT_SYNC === 'threadpool',
    onCheckpointFailed: (error) =>
      log.error('WAL checkpoint thread failed; commits checkpoint again', { error }),
    // What the disk holds is no longer known, and a later sync may succeed without the pages
    // this one lost: only a restart (SQLite's recovery reads the disk) makes a receipt true
    // again. Phones keep what was not receipted and send it again on reconnecting.
    onSyncFailed: (error) => {
      log.error('the log could not be synced to disk; exiting so that the restart recovers', {
        error,
      });
      process.exit(1);
    },
    ...options.storage,
  });
  const seeded = config.DEMO
    ? await seedDemo(storage, city, { evaluation: config.DEMO_EVALUATION })
    : false;
  if (config.DEMO) seedDemoDevices(storage, city.sirens, config.dataDir);
  const sync = new SyncServer(
    storage,
    log,
    config.ROOM_IDLE_MS,
    {},
    {
      perUser: config.SYNC_SOCKETS_PER_USER,
      perAddress: config.SYNC_SOCKETS_PER_ADDRESS,
      trustedProxies: trustedProxies(config),
    },
  );
  // Read at each scrape, which comes only once the server listens.
  const metrics = createMetrics(() => ({
    connections: () => sync.connections,
    roomsLoaded: () => sync.rooms.size,
    updatesRefused: () => sync.refused,
    commits: () => sync.committer.commits,
    lastCommitMs: () => sync.committer.lastCommitMs,
    alerts: () => storage.alerts.count(),
    push: () => push.worker.stats,
    sirenCommands: () => push.sirens.stats,
  }));
  sync.committer.onCommitted = metrics.commit;
  const push = createPush(
    { config, log, storage, sync, city, timing: metrics.alerts },
    options.push,
  );
  const services: Services = {
    config,
    log,
    storage,
    sync,
    city,
    push,
    // The projection is declared below; routes call this only once the server listens.
    alerts: { release: (id, by) => projection.release(id, by) },
    // The console is built below, once the alert projection it hands re-dispatches to is.
    dispatcher: { redispatch: (...args) => operatorConsole.redispatch(...args) },
    observatory: createObservatory({ config, storage, city, now: options.now }),
    metrics,
  };
  // Officers' records in unit rooms; an officer on scene moves the alert through
  // the alert projection (declared next; called only once updates flow).
  const units = new UnitProjection({
    storage,
    sync,
    units: city.units,
    areas: city.areas,
    alerts: { unitOnScene: (id, unitId, by) => projection.unitOnScene(id, unitId, by) },
    fanOut: push.fanOut,
  });
  const projection = new AlertProjection({
    storage,
    sync,
    areas: city.areas,
    log,
    fanOut: push.fanOut,
    units,
    landmarks: city.sirens,
    timing: metrics.alerts,
  });
  const planLog = new PlanRecorder({ storage, committer: sync.committer });
  const requests = new RequestProjection({ storage, sync, areas: city.areas });
  // Before anyone connects: what a crash took back between a record's commit and its room
  // writes is shown again (stored in the first commit, sent to no one before it).
  projection.reconcile();
  requests.reconcile();
  const operatorConsole = new OperatorConsole({
    storage,
    sync,
    city,
    acceptMs: config.DISPATCH_ACCEPT_SECONDS * 1000,
    alerts: projection,
  });
  sync.hooks = {
    onChanges: (room, writer, changes) => {
      projection.onChanges(room, writer, changes);
      requests.onChanges(room, writer, changes);
      units.onChanges(room, writer, changes);
      // Last: the console's units board reads what the projections above carried into ops.
      operatorConsole.onChanges(room, writer, changes);
    },
    onRoomLoaded: (room) => planLog.watch(room),
  };
  // Rooms loaded before the hook was set (the projections' reconciling) are watched too.
  for (const room of sync.rooms.values()) planLog.watch(room);
  push.start();
  operatorConsole.start();
  const plans = new PlanService({ storage, sync, city, log });
  plans.start();

  const app = createApp(services);
  const server = createAdaptorServer({ fetch: app.fetch, hostname: config.HOST }) as Server;
  // After a restart the whole city reconnects at once; with Node's default backlog (511) the
  // kernel dropped SYNs and each dropped client waited a TCP retransmission (1 s, then 3 s)
  // before trying again (bench: ~54k drops). The kernel caps this at net.core.somaxconn.
  await new Promise<void>((resolve, reject) => {
    // A port in use is the operator's to fix: main.ts prints the error and exits.
    server.once('error', reject);
    server.listen({ port: config.PORT, host: config.HOST, backlog: LISTEN_BACKLOG }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('upgrade', (req, socket, head) => {
    // Nothing a request holds may throw out of this listener: the process would die with it.
    try {
      if (refuseCrossSiteUpgrade(config, req, socket)) return;
      const pathname = upgradePath(req.url);
      if (pathname?.startsWith('/sync/')) {
        sync.handleUpgrade(req, socket, head, pathname.slice('/sync/'.length));
      } else if (pathname === '/devices/ws') {
        push.sirens.handleUpgrade(req, socket, head);
      } else {
        socket.destroy();
      }
    } catch (error) {
      log.error('upgrade failed', { error: errorText(error) });
      socket.destroy();
    }
  });

  const port = (server.address() as AddressInfo).port;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  // Closing twice (a second SIGTERM, a test's cleanup) waits for the same shutdown.
  let closing: Promise<void> | null = null;
  const close = async () => {
    const started = performance.now();
    const ms = (since: number) => Math.round(performance.now() - since);
    await push.close();
    const pushMs = ms(started);
    operatorConsole.stop();
    plans.close();
    await services.observatory.close();
    const syncStarted = performance.now();
    await sync.close();
    const syncMs = ms(syncStarted);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await storage.close();
    log.info('shut down', { ms: ms(started), pushMs, syncMs });
  };
  return {
    url: `http://${host}:${port}`,
    port,
    services,
    seeded,
    close: () => (closing ??= close()),
  };
}
