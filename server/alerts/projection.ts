import { isOpenStatus } from '../../shared/catalogue.js';
import type { AlertStatus, AreaFeature } from '../../shared/types.js';
import { unitRoom } from '../../sync/rooms.js';
import type { RecordChange } from '../../sync/policy/index.js';
import type { AlertRow, Storage, UserRow } from '../storage/storage.js';
import type { SyncServer } from '../sync/sync-server.js';
import type { Room } from '../sync/room.js';
import type { Logger } from '../log.js';
import type { FanOut } from './fan-out.js';
import { countsAgainstReporter } from '../console/ops-record.js';
import { ownRecord, projectAlert, shownInOps } from './in-rooms.js';
import type { DispatchReference } from '../../shared/dispatch.js';
import { reachesArea } from './threshold.js';
import { releaseAlert, type ReleaseRefusal } from './release.js';
import type { AlertTiming } from '../metrics/alert-timing.js';
import { receiveAlert } from './received.js';
import { dispatchToUnit, projectStatus } from './status-rooms.js';

export { displayName } from './in-rooms.js';

/** Closed alerts stay in `ops` and area rooms this long (DESIGN §7): checked at start-up. */
const SHOWN_AFTER_CLOSE_MS = 24 * 3_600_000;

export interface ProjectionDeps {
  storage: Storage;
  sync: SyncServer;
  areas: AreaFeature[];
  log: Logger;
  fanOut: FanOut;
  now?: () => Date;
  /** Patrol units (server/units): told of each transition of an alert with a unit. */
  units?: { alertChanged(alert: AlertRow): void };
  /** The city's known points (its sirens): a dispatch names the nearest one. */
  landmarks?: readonly DispatchReference[];
  /** Times each alert's path (server/metrics/); ids stay there, never in a metric. */
  timing?: AlertTiming;
}

/**
 * The server side of an alert's life (DESIGN §4–§6): a resident's new alert is committed to
 * SQL, receipted in the resident's room, copied to `ops` and, unless silent or over the
 * resident's threshold, projected to the area. Every later transition is stamped and
 * carried to each room that holds the alert.
 */
export class AlertProjection {
  constructor(private readonly d: ProjectionDeps) {}

  private now(): string {
    return (this.d.now?.() ?? new Date()).toISOString();
  }

  onChanges(room: Room, writer: UserRow, changes: RecordChange[]): void {
    for (const change of changes) {
      if (change.collection !== 'alerts') continue;
      if (room.ref.kind === 'user') {
        if (change.created) this.received(writer, change);
        if (typeof change.fields.cancelledAt === 'string') this.cancelled(writer, change.id);
      } else if (room.ref.kind === 'ops' && typeof change.fields.status === 'string') {
        this.transition(
          change.id,
          change.fields.status as AlertStatus,
          writer,
          typeof change.fields.assignedUnit === 'string' ? change.fields.assignedUnit : undefined,
        );
      }
    }
  }

  private received(writer: UserRow, change: RecordChange): void {
    receiveAlert(this.d, writer, change, this.now());
  }

  /**
   * Shows every alert SQL has that is open or closed within the last day in each room, writing
   * what a crash took back: a transition's room writes are stored in the commit after its own,
   * and a projection that threw left the row without its copies. Run at start-up, before the
   * server listens. An alert its reporter's room never held (seeded history) is skipped.
   */
  reconcile(): number {
    const since = new Date(Date.parse(this.now()) - SHOWN_AFTER_CLOSE_MS).toISOString();
    let repaired = 0;
    for (const a of this.d.storage.alerts.openOrSince(since)) {
      const events = this.d.storage.alerts.events(a.id);
      if (shownInOps(this.d.sync, a, events) || !ownRecord(this.d.sync, a)) continue;
      const reporter = this.d.storage.users.byId(a.reporterId);
      if (!reporter) continue;
      projectAlert(this.d.sync, a, reporter, events, this.isPublic(a));
      const unit = a.status === 'dispatched' ? a.assignedUnit : null;
      if (unit && !this.d.sync.room(unitRoom(unit)).doc.getMap('dispatches').has(a.id))
        dispatchToUnit(this.d, a);
      repaired++;
    }
    if (repaired) this.d.log.warn('alerts shown again after a crash', { alerts: repaired });
    return repaired;
  }

  /** Silent alerts and alerts held back by the threshold never reach an area room. */
  private isPublic(a: AlertRow): boolean {
    return reachesArea(a);
  }

  /**
   * An operator lets a held-back alert reach its area: sirens and neighbours' pushes go out
   * as they would have, audited. Null when it was scheduled; otherwise why not.
   */
  release(id: string, by: UserRow): ReleaseRefusal | null {
    return releaseAlert(this.d, id, by);
  }

  private cancelled(reporter: UserRow, alertId: string): void {
    this.transition(alertId, 'cancelled', reporter);
  }

  /**
   * The dispatched unit reports it is on scene (server/units): the same stamped
   * transition an operator's would be, with the officer as actor, only from `dispatched` and
   * only for the unit the alert was dispatched to. Closing stays the operator's call.
   */
  unitOnScene(id: string, unitId: string, officer: UserRow): void {
    this.transition(id, 'on_scene', officer, undefined, (a) => {
      return a.status === 'dispatched' && a.assignedUnit === unitId;
    });
  }

  /**
   * An operator sends a dispatched alert to another unit (the first did not accept, or cannot
   * go): the same stamped `dispatched` transition, with the new unit, only while the alert is
   * still `dispatched` to a different one. `after` runs once it is shown in the rooms, with
   * the unit it was taken from.
   */
  redispatch(id: string, unitId: string, by: UserRow, after: (a: AlertRow, from: string) => void) {
    let from: string | null = null;
    this.transition(id, 'dispatched', by, unitId, (a) => {
      if (a.status !== 'dispatched' || !a.assignedUnit || a.assignedUnit === unitId) return false;
      from = a.assignedUnit;
      return true;
    });
    // Registered after the transition's own: runs once the rooms show the new unit.
    this.d.sync.committer.afterCommit(() => {
      const row = from ? this.d.storage.alerts.byId(id) : undefined;
      if (row && from) after(row, from);
    });
  }

  /**
   * Stamps a transition the write policy already allowed, in SQL first and then in every
   * room that shows the alert.
   */
  private transition(
    id: string,
    status: AlertStatus,
    by: UserRow,
    unit?: string,
    only?: (current: AlertRow) => boolean,
  ): void {
    const at = this.now();
    let row: AlertRow | undefined;
    this.d.sync.committer.job(() => {
      const current = this.d.storage.alerts.byId(id);
      if (!current || !isOpenStatus(current.status)) return;
      if (only && !only(current)) return;
      this.d.storage.alerts.setStatus(id, status, at, unit);
      this.d.storage.alerts.addEvent({ alertId: id, status, at, by: by.id });
      if (status === 'false_alarm' && countsAgainstReporter(current))
        this.d.storage.users.incrementFalseAlarms(current.reporterId);
      if (by.role === 'operator' || by.role === 'admin') {
        this.d.storage.audit.add({
          at,
          actorId: by.id,
          action: `alert.${status}`,
          subject: id,
          detail: unit ?? '',
        });
      }
      row = { ...current, status, statusAt: at, assignedUnit: unit ?? current.assignedUnit };
      this.d.fanOut.onStatus(row);
    });
    this.d.sync.committer.afterCommit(() => {
      if (row) projectStatus(this.d, row, by);
    });
  }
}
