import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Storage } from '../storage/storage.js';
import type { SyncServer } from '../sync/sync-server.js';
import type { City } from '../city/city.js';
import type { FanOut } from '../alerts/fan-out.js';
import { OPS_ROOM } from '../../sync/rooms.js';
import { SirenBoard } from '../sirens/board.js';
import { SirenHub, type SirenTimings } from '../sirens/hub.js';
import { EndpointAllowList } from './allow-list.js';
import { BatchWriter } from './batch-writer.js';
import { OutboxFanOut } from './fan-out.js';
import { OutboxWorker } from './outbox-worker.js';
import { loadOrCreateVapid } from './vapid.js';
import { SenderPool } from './sender-pool.js';
import { areaTopic } from './topic.js';
import type { AlertTiming } from '../metrics/alert-timing.js';

/**
 * Subscriptions whose session ended are skipped by every send already (the `live` queries);
 * deleting them is upkeep, kept off the start-up path: at city scale it took ~0.5 s while the
 * whole city was reconnecting (bench).
 */
const PURGE_FIRST_MS = 60_000;
const PURGE_EVERY_MS = 3_600_000;

/** Test hooks for `startServer`: trust a throw-away push service, or hold the sender. */
export interface PushOptions {
  /** A certificate the sender trusts: the test push service's (the bench uses NODE_EXTRA_CA_CERTS). */
  ca?: string;
  /** Commit outbox rows but send nothing (a crash between commit and send). */
  paused?: boolean;
  /** Shorter siren retry and offline delays, to keep tests short. */
  sirens?: Partial<SirenTimings>;
  /** The siren hub's clock: a test moves it on to see commands expire. */
  sirenNow?: () => number;
}

export interface PushService {
  publicKey: string;
  allow: EndpointAllowList;
  fanOut: FanOut;
  worker: OutboxWorker;
  sender: SenderPool;
  sirens: SirenHub;
  /** Starts sending (unless paused) and lists the sirens on the operators' board. */
  start(): void;
  close(): Promise<void>;
}

export interface PushDeps {
  config: Config;
  log: Logger;
  storage: Storage;
  sync: SyncServer;
  city: City;
  /** Times each alert's sirens and pushes (server/metrics/). */
  timing?: AlertTiming;
}

/**
 * The notification side, assembled: VAPID keys, the outbox fan-out the alert
 * projection writes through, the worker that drains it, and the siren hub it feeds.
 */
export function createPush(d: PushDeps, options: PushOptions = {}): PushService {
  const keys = loadOrCreateVapid(d.config.dataDir);
  const writer = new BatchWriter(d.storage, d.log);
  const board = new SirenBoard(() => d.sync.room(OPS_ROOM).doc, d.city.sirens);
  const sirens = new SirenHub({
    storage: d.storage,
    log: d.log,
    sirens: d.city.sirens,
    writer,
    board,
    timing: d.timing,
    ...(options.sirens ? { timings: options.sirens } : {}),
    ...(options.sirenNow ? { now: options.sirenNow } : {}),
  });
  const sender = new SenderPool(keys, d.log, {
    threads: d.config.PUSH_THREADS,
    ...(options.ca ? { ca: options.ca } : {}),
  });
  const worker = new OutboxWorker({
    storage: d.storage,
    log: d.log,
    transport: sender,
    sirens,
    writer,
    accepted: (rowId) => d.timing?.pushAccepted(rowId),
  });
  const fanOut = new OutboxFanOut({
    storage: d.storage,
    city: d.city,
    log: d.log,
    poke: () => worker.poke(),
    afterCommit: (fn) => d.sync.committer.afterCommit(fn, true),
    sirens,
    held: (rowId) => worker.holds(rowId),
    topic: (areaId) => areaTopic(keys, areaId),
    timing: d.timing,
  });
  let purge: NodeJS.Timeout | null = null;
  const schedulePurge = (ms: number) => {
    purge = setTimeout(() => {
      try {
        d.storage.push.purgeOrphans(new Date().toISOString());
      } catch (error) {
        d.log.error('purging ended subscriptions failed', { error: String(error) });
      }
      schedulePurge(PURGE_EVERY_MS);
    }, ms);
    purge.unref();
  };
  return {
    publicKey: keys.publicKey,
    allow: new EndpointAllowList(d.config.PUSH_ENDPOINT_ALLOW),
    fanOut,
    worker,
    sender,
    sirens,
    start() {
      schedulePurge(PURGE_FIRST_MS);
      board.init();
      if (!options.paused) worker.start();
    },
    async close() {
      if (purge) clearTimeout(purge);
      await worker.stop();
      sirens.close();
      board.close();
      await sender.close();
      writer.flush();
    },
  };
}
