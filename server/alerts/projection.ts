import * as Y from 'yjs';
import { alertType, isOpenStatus, NEAR_HOME_METRES } from '../../shared/catalogue.js';
import { areaForPoint, distanceMetres } from '../../shared/geo.js';
import type { AlertStatus, AlertTypeCode, AreaFeature, Fix } from '../../shared/types.js';
import { OPS_ROOM, areaRoom, unitRoom, userRoom } from '../../sync/rooms.js';
import type { RecordChange } from '../../sync/policy/index.js';
import type { AlertEventRow, AlertRow, Storage, UserRow } from '../storage/storage.js';
import type { SyncServer } from '../sync/sync-server.js';
import type { Room } from '../sync/room.js';
import { SERVER } from '../sync/origin.js';
import type { Logger } from '../log.js';
import type { FanOut } from './fan-out.js';
import { withoutHiddenControls } from '../../shared/text.js';
import { countsAgainstReporter, opsActor } from '../console/ops-record.js';
import { appendStep, ownRecord, projectAlert, shownInOps } from './in-rooms.js';
import { dispatchDetails } from './dispatch-record.js';
import type { DispatchReference } from '../../shared/dispatch.js';
import { overThreshold, raisedAt, reachesArea, thresholdSince, wouldReach } from './threshold.js';
import { releaseAlert, type ReleaseRefusal } from './release.js';
import type { AlertTiming } from '../metrics/alert-timing.js';

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
    // The socket's user was read when it connected; settings such as showName may have
    // changed since (PATCH /api/me), and neighbours must see the current choice.
    const reporter = this.d.storage.users.byId(writer.id) ?? writer;
    const f = change.fields;
    const type = f.type as AlertTypeCode;
    const location = (f.location as Fix | null) ?? null;
    const at = this.now();
    const info = alertType(type);
    // The monotonic start of the alert's path: the tick its write was accepted and applied.
    const seenAt = performance.now();
    let timed = false;

    this.d.sync.committer.job(() => {
      const place = location ?? reporter.home;
      const nearHome =
        !!location &&
        !!reporter.home &&
        distanceMetres(location, reporter.home) <= NEAR_HOME_METRES;
      const candidate: AlertRow = {
        id: change.id,
        reporterId: reporter.id,
        type,
        createdAt: String(f.createdAt),
        receivedAt: at,
        location,
        note: typeof f.note === 'string' ? withoutHiddenControls(f.note) : '',
        areaId: (place && areaForPoint(place, this.d.areas)) ?? reporter.areaId,
        status: 'received',
        statusAt: at,
        // What it would sound; `flagged` may hold it back (an operator can release it).
        sirenRequested: !!info.siren && nearHome,
        flagged: false,
        assignedUnit: null,
      };
      // Never refused for volume; past the threshold it reaches operators only (DESIGN §4),
      // and only an alert that would reach anyone else is marked (threshold.ts).
      const reach = wouldReach(candidate);
      if (reach.siren || reach.neighbours) {
        const since = thresholdSince(raisedAt(candidate));
        const earlier = this.d.storage.alerts.reporterSince(reporter.id, since);
        candidate.flagged = overThreshold(candidate, earlier);
      }
      let row: AlertRow = candidate;
      let events: AlertEventRow[];
      if (this.d.storage.alerts.insert(candidate)) {
        // Before the fan-out: its sirens and pushes are timed from the same start.
        this.d.timing?.received(change.id, seenAt);
        timed = true;
        const event: AlertEventRow = {
          alertId: change.id,
          status: 'received',
          at,
          by: reporter.id,
        };
        this.d.storage.alerts.addEvent(event);
        this.d.fanOut.onReceived(candidate, reporter);
        events = [event];
      } else {
        // A re-sent alert is stored once, and shown again wherever a crash took it back.
        const stored = this.d.storage.alerts.byId(change.id);
        if (stored?.reporterId !== reporter.id) return;
        row = stored;
        events = this.d.storage.alerts.events(stored.id);
      }
      // In the alert's own commit: its receipt and its copies in ops and the area are stored
      // with the row, and reach phones only once that commit is durable ("delivered" means
      // committed, DESIGN §5). A failure here must not cost the alert its row: it is logged,
      // and the start-up reconciliation shows the alert again.
      try {
        projectAlert(this.d.sync, row, reporter, events, this.isPublic(row));
        // Registered in the job, so it runs after this commit's relays: the record has been
        // sent to the sockets on ops by then.
        if (timed) this.d.sync.committer.afterCommit(() => this.d.timing?.shownToOperators(seenAt));
      } catch (error) {
        this.d.log.error('alert projection failed', { error: String(error) });
      }
    });
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
        this.dispatch(a);
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
      if (row) this.projectStatus(row, by);
    });
  }

  private projectStatus(a: AlertRow, by: UserRow): void {
    const ops = this.record(OPS_ROOM, a.id);
    ops?.doc?.transact(() => {
      if (ops.get('status') !== a.status) ops.set('status', a.status);
      ops.set('statusAt', a.statusAt);
      const timeline = ops.get('timeline');
      if (timeline instanceof Y.Array)
        timeline.push([{ status: a.status, at: a.statusAt, by: opsActor(a, by) }]);
    }, SERVER);

    const own = this.record(userRoom(a.reporterId), a.id);
    own?.doc?.transact(() => {
      own.set('status', a.status);
      own.set('statusAt', a.statusAt);
      if (a.assignedUnit) own.set('unitLabel', a.assignedUnit);
      appendStep(own, a.status, a.statusAt);
    }, SERVER);

    if (this.isPublic(a)) {
      const pub = this.record(areaRoom(a.areaId!), a.id);
      pub?.doc?.transact(() => {
        pub.set('status', a.status);
        pub.set('statusAt', a.statusAt);
      }, SERVER);
    }

    if (a.status === 'dispatched' && a.assignedUnit) this.dispatch(a);
    if (a.assignedUnit) this.d.units?.alertChanged(a);
  }

  /**
   * The assigned unit gets where to go (position, address or nearest known point, area) and
   * the note; the reporter's name and phone unless the alert is silent (dispatch-record.ts).
   */
  private dispatch(a: AlertRow): void {
    const doc = this.d.sync.room(unitRoom(a.assignedUnit!)).doc;
    const details = dispatchDetails(a, this.d.storage.users.byId(a.reporterId), {
      areas: this.d.areas,
      landmarks: this.d.landmarks ?? [],
    });
    doc.transact(() => {
      doc.getMap('dispatches').set(
        a.id,
        new Y.Map<unknown>(
          Object.entries({
            id: a.id,
            alertId: a.id,
            type: a.type,
            location: a.location,
            note: a.note,
            dispatchedAt: a.statusAt,
            status: 'dispatched',
            ...details,
          }),
        ),
      );
    }, SERVER);
  }

  private record(room: string, id: string): Y.Map<unknown> | null {
    const value = this.d.sync.room(room).doc.getMap('alerts').get(id);
    return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
  }
}
