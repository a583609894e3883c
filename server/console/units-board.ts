import * as Y from 'yjs';
import { isOpenStatus } from '../../shared/catalogue.js';
import type { UnitStatus } from '../../shared/console.js';
import type { AlertStatus } from '../../shared/types.js';
import { OPS_ROOM } from '../../sync/rooms.js';
import type { UnitInfo } from '../city/city.js';
import type { SyncServer } from '../sync/sync-server.js';
import { SERVER } from '../sync/origin.js';

/** How often the board is reconciled even without a change: a missed hook heals itself. */
const RECONCILE_MS = 30_000;

/** The crew's progress on a dispatch, in the order it advances. */
const CREW_STEPS: readonly UnitStatus[] = ['dispatched', 'accepted', 'en_route', 'on_scene'];

/**
 * The furthest of what the operators recorded on the alert and what the crew reported
 * (`unitStatus`, carried into `ops` by server/units); a crew that is `done` is free again.
 */
function crewStatus(alert: AlertStatus, crew: unknown): UnitStatus {
  if (crew === 'done') return 'available';
  const fromAlert: UnitStatus = alert === 'on_scene' ? 'on_scene' : 'dispatched';
  const i = CREW_STEPS.indexOf(crew as UnitStatus);
  return i > CREW_STEPS.indexOf(fromAlert) ? CREW_STEPS[i]! : fromAlert;
}

/**
 * The console's fields of `ops.units/<id>`: each patrol car's status and last position, for
 * the units board, the map and the dispatch picker's distances. The server alone writes
 * `units` (operators have no rule for it); server/units writes the shift summary fields of the
 * same records (check-ins, conversations, the point the crew is at), these are the rest:
 * - status from the open alerts assigned to the unit, advanced by the crew's own steps;
 * - position from the newest located record the crew logs (check-in, conversation, request).
 * Only changed fields are written: every write is an update in the room's log and a message to
 * every operator.
 */
export class UnitsBoard {
  private timer: NodeJS.Timeout | null = null;
  private pending = false;

  constructor(
    private readonly sync: SyncServer,
    private readonly units: readonly UnitInfo[],
  ) {}

  private get doc(): Y.Doc {
    // Asked for each time: an idle room is unloaded and reloaded from its log.
    return this.sync.room(OPS_ROOM).doc;
  }

  start(): void {
    const doc = this.doc;
    doc.transact(() => {
      const map = doc.getMap<Y.Map<unknown>>('units');
      for (const u of this.units) {
        let rec = map.get(u.id);
        if (!(rec instanceof Y.Map)) {
          rec = new Y.Map<unknown>();
          map.set(u.id, rec);
        }
        setChanged(rec, { id: u.id, label: u.label, quadrant: u.quadrant });
        for (const key of ['status', 'alertId', 'statusAt', 'lat', 'lng', 'positionAt'] as const)
          if (!rec.has(key)) rec.set(key, key === 'status' ? 'available' : null);
      }
    }, SERVER);
    this.reconcile();
    this.timer = setInterval(() => this.reconcile(), RECONCILE_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Reconciles once the current commit is durable: by then the alert projection (registered
   * before us in the same turn) has carried the transition into `ops`.
   */
  schedule(): void {
    if (this.pending) return;
    this.pending = true;
    this.sync.committer.afterCommit(() => {
      this.pending = false;
      this.reconcile();
    });
  }

  /** A located record of the crew: moves the unit if it is newer than what the board shows. */
  position(unitId: string, lat: number, lng: number, at: string): void {
    const rec = this.record(unitId);
    if (!rec) return;
    const shown = rec.get('positionAt');
    if (typeof shown === 'string' && shown >= at) return;
    rec.doc?.transact(() => setChanged(rec, { lat, lng, positionAt: at }), SERVER);
  }

  /** Status of every unit from the alerts assigned to it; idempotent. */
  reconcile(): void {
    const doc = this.doc;
    const assigned = new Map<string, { id: string; status: UnitStatus; at: string }>();
    doc.getMap('alerts').forEach((value) => {
      if (!(value instanceof Y.Map)) return;
      const unit = value.get('assignedUnit');
      const status = value.get('status') as AlertStatus | undefined;
      if (typeof unit !== 'string' || !isOpenStatus(status)) return;
      const at = String(value.get('statusAt') ?? '');
      const held = assigned.get(unit);
      const crew = crewStatus(status, value.get('unitStatus'));
      // A car on two open alerts shows the latest one it was sent to and has not finished.
      if (crew !== 'available' && (!held || held.at < at))
        assigned.set(unit, { id: String(value.get('id')), status: crew, at });
    });
    doc.transact(() => {
      for (const u of this.units) {
        const rec = this.record(u.id);
        const a = assigned.get(u.id);
        const fields = { status: a?.status ?? 'available', alertId: a?.id ?? null };
        if (!rec || (rec.get('status') === fields.status && rec.get('alertId') === fields.alertId))
          continue;
        setChanged(rec, { ...fields, statusAt: new Date().toISOString() });
      }
    }, SERVER);
  }

  private record(unitId: string): Y.Map<unknown> | null {
    const rec = this.doc.getMap('units').get(unitId);
    return rec instanceof Y.Map ? (rec as Y.Map<unknown>) : null;
  }
}

/** Writes only fields whose value differs (arrays by content): an unchanged set is an update. */
function setChanged(rec: Y.Map<unknown>, fields: object): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const same =
      typeof value === 'object' && value !== null
        ? JSON.stringify(rec.get(key)) === JSON.stringify(value)
        : rec.get(key) === value;
    if (!same) rec.set(key, value);
  }
}
