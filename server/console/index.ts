import type { Fix } from '../../shared/types.js';
import type { RecordChange } from '../../sync/policy/index.js';
import type { City } from '../city/city.js';
import type { AlertRow, Storage, UserRow } from '../storage/storage.js';
import type { SyncServer } from '../sync/sync-server.js';
import type { Room } from '../sync/room.js';
import { OPS_ROOM } from '../../sync/rooms.js';
import { ConsoleActivity } from './activity.js';
import { scrubSilentReporters } from './ops-record.js';
import { UnitsBoard } from './units-board.js';
import { AcceptWatch } from './accept-watch.js';
import { CrewPresence } from './crew-presence.js';
import { handOver } from './redispatch.js';

export { consoleRoutes } from './routes.js';

export interface ConsoleDeps {
  storage: Storage;
  sync: SyncServer;
  city: City;
  /** How long a dispatch may wait for a crew's acceptance before the console is warned. */
  acceptMs?: number;
  /** The alert side: a stamped re-dispatch (server/alerts). */
  alerts?: {
    redispatch(
      id: string,
      unitId: string,
      by: UserRow,
      after: (a: AlertRow, from: string) => void,
    ): void;
  };
}

const DEFAULT_ACCEPT_MS = 60_000;

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
  readonly crew: CrewPresence;
  readonly accept: AcceptWatch;
  private readonly activity: ConsoleActivity;

  private readonly sync: SyncServer;

  constructor(private readonly d: ConsoleDeps) {
    this.sync = d.sync;
    this.units = new UnitsBoard(d.sync, d.city.units);
    this.crew = new CrewPresence(d.sync, d.city.units);
    this.accept = new AcceptWatch(d.sync, d.acceptMs ?? DEFAULT_ACCEPT_MS);
    this.activity = new ConsoleActivity(d.storage, d.sync);
  }

  start(): void {
    scrubSilentReporters(this.sync.room(OPS_ROOM).doc);
    this.units.start();
    this.crew.start();
    this.accept.start();
  }

  stop(): void {
    this.units.stop();
    this.crew.stop();
    this.accept.stop();
  }

  /** An operator sends a dispatched alert to another unit (checked by the route first). */
  redispatch(alertId: string, unitId: string, by: UserRow): void {
    this.d.alerts?.redispatch(alertId, unitId, by, (a, from) => {
      handOver(this.sync, a, from);
      this.changed();
    });
  }

  /** The board and the acceptance watch look again once the current commit is durable. */
  private changed(): void {
    this.units.schedule();
    this.accept.schedule();
  }

  onChanges(room: Room, writer: UserRow, changes: RecordChange[]): void {
    const ref = room.ref;
    for (const change of changes) {
      if (ref.kind === 'ops' && change.collection === 'alerts') {
        this.activity.onAlertChange(writer, change);
        if ('status' in change.fields) this.changed();
      } else if (ref.kind === 'user' && change.collection === 'alerts') {
        if ('cancelledAt' in change.fields) this.changed();
      } else if (ref.kind === 'unit') {
        if (change.collection === 'dispatches') this.changed();
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
