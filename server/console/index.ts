import type { Fix } from '../../shared/types.js';
import type { RecordChange } from '../../sync/policy/index.js';
import type { City } from '../city/city.js';
import type { Storage, UserRow } from '../storage/storage.js';
import type { SyncServer } from '../sync/sync-server.js';
import type { Room } from '../sync/room.js';
import { OPS_ROOM } from '../../sync/rooms.js';
import { ConsoleActivity } from './activity.js';
import { scrubSilentReporters } from './ops-record.js';
import { UnitsBoard } from './units-board.js';

export { consoleRoutes } from './routes.js';

export interface ConsoleDeps {
  storage: Storage;
  sync: SyncServer;
  city: City;
}

/** The unit-room records whose location tells where the crew is. */
const LOCATED: Readonly<Record<string, string>> = {
  checkins: 'at',
  conversations: 'at',
  requests: 'createdAt',
};

/**
 * The operator console's server side: the units board in `ops`, and SQL and audit
 * records of what operators write on alerts. `onChanges` is called after the alert
 * projection for every accepted update.
 */
export class OperatorConsole {
  readonly units: UnitsBoard;
  private readonly activity: ConsoleActivity;

  private readonly sync: SyncServer;

  constructor(d: ConsoleDeps) {
    this.sync = d.sync;
    this.units = new UnitsBoard(d.sync, d.city.units);
    this.activity = new ConsoleActivity(d.storage, d.sync);
  }

  start(): void {
    scrubSilentReporters(this.sync.room(OPS_ROOM).doc);
    this.units.start();
  }

  stop(): void {
    this.units.stop();
  }

  onChanges(room: Room, writer: UserRow, changes: RecordChange[]): void {
    const ref = room.ref;
    for (const change of changes) {
      if (ref.kind === 'ops' && change.collection === 'alerts') {
        this.activity.onAlertChange(writer, change);
        if ('status' in change.fields) this.units.schedule();
      } else if (ref.kind === 'user' && change.collection === 'alerts') {
        if ('cancelledAt' in change.fields) this.units.schedule();
      } else if (ref.kind === 'unit') {
        if (change.collection === 'dispatches') this.units.schedule();
        const atField = Object.hasOwn(LOCATED, change.collection)
          ? LOCATED[change.collection]!
          : null;
        const fix = change.fields.location as Fix | null | undefined;
        const at = atField ? change.fields[atField] : undefined;
        if (!change.created || !fix || typeof at !== 'string') continue;
        // A phone's clock may run ahead; a position from "the future" must not pin the board.
        const now = new Date().toISOString();
        this.units.position(ref.id, fix.lat, fix.lng, at > now ? now : at);
      }
    }
  }
}
