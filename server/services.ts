import type { Config } from './config.js';
import type { Logger } from './log.js';
import type { Storage } from './storage/storage.js';
import type { SyncServer } from './sync/sync-server.js';
import type { City } from './city/city.js';
import type { PushService } from './push/index.js';
import type { ReleaseRefusal } from './alerts/release.js';
import type { UserRow } from './storage/storage.js';
import type { ObservatoryService } from './observatory/service.js';
import type { ServerMetrics } from './metrics/registry.js';

/** Everything a route needs, built once at start-up and passed down (no module state). */
export interface Services {
  config: Config;
  log: Logger;
  storage: Storage;
  sync: SyncServer;
  city: City;
  /** Web Push and the siren hub (DESIGN §6). */
  push: PushService;
  /** Operators' actions on alerts that go through the alert projection. */
  alerts: { release(id: string, by: UserRow): ReleaseRefusal | null };
  /** Sends a dispatched alert to another unit (server/console/redispatch.ts). */
  dispatcher: { redispatch(alertId: string, unitId: string, by: UserRow): void };
  /** The observatory's analyses, on their own thread and cached (server/observatory/). */
  observatory: ObservatoryService;
  /** The Prometheus registry of this server (server/metrics/). */
  metrics: ServerMetrics;
}
