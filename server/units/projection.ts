import * as Y from 'yjs';
import { alertType } from '../../shared/catalogue.js';
import { areaForPoint, distanceMetres } from '../../shared/geo.js';
import { isShiftPlan, shiftAt, type PlanPoint, type ShiftPlan } from '../../shared/plan.js';
import type { AreaFeature, Fix } from '../../shared/types.js';
import { OPS_ROOM, unitRoom, userRoom } from '../../sync/rooms.js';
import type { RecordChange } from '../../sync/policy/index.js';
import type { AlertRow, Storage, UserRow } from '../storage/storage.js';
import type { CheckinRow, ConversationRow } from '../storage/patrol.js';
import type { SyncServer } from '../sync/sync-server.js';
import type { Room } from '../sync/room.js';
import { SERVER } from '../sync/origin.js';
import type { UnitInfo } from '../city/city.js';
import { furthest, stepRank, stepsOf, type DispatchStep } from './steps.js';

export interface UnitProjectionDeps {
  storage: Storage;
  sync: SyncServer;
  units: readonly UnitInfo[];
  areas: AreaFeature[];
  /** The alert side: a unit on scene moves its alert to `on_scene`, the officer as actor. */
  alerts: { unitOnScene(alertId: string, unitId: string, by: UserRow): void };
  /** The reporter's push once a crew accepted (server/push; in the step's commit). */
  fanOut?: { onAccepted?(alert: AlertRow): void };
  now?: () => Date;
}

/**
 * What officers log in `unit:<id>`, projected into the system of record and to the
 * operators: check-ins and conversations become SQL rows (ids are the phone's UUIDs, so a
 * record re-sent after a shift without signal is stored once), each dispatch step is stamped
 * in SQL and carried to the alert in `ops` and to the resident, and `ops.units/<id>` keeps a
 * summary of the unit for the monitoring centre. Requests officers file for neighbours are the
 * request module's (server/requests), which also watches unit rooms.
 */
export class UnitProjection {
  constructor(private readonly d: UnitProjectionDeps) {}

  private now(): string {
    return (this.d.now?.() ?? new Date()).toISOString();
  }

  onChanges(room: Room, writer: UserRow, changes: RecordChange[]): void {
    if (room.ref.kind !== 'unit' || writer.role !== 'officer') return;
    const unitId = room.ref.id;
    let logged = false;
    for (const change of changes) {
      if (change.collection === 'checkins' && change.created) {
        this.checkin(room, unitId, writer, change.fields);
        logged = true;
      } else if (change.collection === 'conversations' && change.created) {
        this.conversation(unitId, writer, change.fields);
        logged = true;
      } else if (change.collection === 'dispatches' && 'status' in change.fields) {
        this.dispatchStep(room, unitId, writer, change);
      }
    }
    if (logged) this.d.sync.committer.afterCommit(() => this.summarise(unitId));
  }

  private checkin(room: Room, unitId: string, by: UserRow, f: Record<string, unknown>): void {
    const at = String(f.at);
    const location = (f.location as Fix | null) ?? null;
    const found = findPoint(plansIn(room.doc), String(f.point), at);
    const row: CheckinRow = {
      id: String(f.id),
      unitId,
      officerId: by.id,
      point: String(f.point),
      kind: f.kind === 'out' ? 'out' : 'in',
      at,
      receivedAt: this.now(),
      location,
      distanceM: location && found ? Math.round(distanceMetres(location, found.point)) : null,
      planKey: found?.plan.key ?? null,
    };
    this.d.sync.committer.job(() => void this.d.storage.patrol.addCheckin(row));
  }

  private conversation(unitId: string, by: UserRow, f: Record<string, unknown>): void {
    const location = (f.location as Fix | null) ?? null;
    const row: ConversationRow = {
      id: String(f.id),
      unitId,
      officerId: by.id,
      at: String(f.at),
      receivedAt: this.now(),
      location,
      areaId: location ? areaForPoint(location, this.d.areas) : null,
      answers: { ...(f.answers as Record<string, string>) },
      note: typeof f.note === 'string' ? f.note : '',
    };
    this.d.sync.committer.job(() => void this.d.storage.patrol.addConversation(row));
  }

  /**
   * A crew's step on a dispatch. Every step is kept in SQL once (the first report wins); the
   * room keeps the furthest: a phone that was offline may bring a step the other phone of the
   * car has passed already, and the write policy lets it in rather than cost that phone its
   * shift's records (a refusal resets the phone's copy of the room), so it is put right here.
   */
  private dispatchStep(room: Room, unitId: string, by: UserRow, change: RecordChange): void {
    const alertId = change.id;
    const receivedAt = this.now();
    const steps = stepsOf(change.fields, receivedAt);
    let reached: DispatchStep = 'dispatched';
    let enRouteAt: string | null = null;
    let alert: AlertRow | undefined;
    this.d.sync.committer.job(() => {
      for (const s of steps) {
        this.d.storage.patrol.addDispatchEvent({ alertId, unitId, ...s, by: by.id, receivedAt });
      }
      const events = this.d.storage.patrol.dispatchEvents(alertId);
      reached = furthest(events.map((e) => e.status));
      enRouteAt = events.find((e) => e.status === 'en_route' && e.unitId === unitId)?.at ?? null;
      alert = this.d.storage.alerts.byId(alertId);
      const taken = stepRank(reached) >= stepRank('accepted');
      if (taken && alert?.status === 'dispatched' && alert.assignedUnit === unitId)
        this.d.fanOut?.onAccepted?.(alert);
    });
    this.d.sync.committer.afterCommit(() => {
      const rec = room.doc.getMap('dispatches').get(alertId);
      if (rec instanceof Y.Map && stepRank(rec.get('status')) < stepRank(reached)) {
        room.doc.transact(() => rec.set('status', reached), SERVER);
      }
      if (!alert || alert.assignedUnit !== unitId) return;
      // The crew's clock may run ahead: a step is never shown later than it reached us.
      const setOff: string | null =
        enRouteAt === null ? null : enRouteAt < receivedAt ? enRouteAt : receivedAt;
      this.carryStep(alert, reached, receivedAt, setOff);
      if (stepRank(reached) >= stepRank('on_scene')) {
        this.d.alerts.unitOnScene(alertId, unitId, by);
      }
    });
  }

  /**
   * The operators see each step on the alert; the resident too, unless the alert is silent.
   * `enRouteAt`: when the crew set off, kept once known (the resident's timeline shows it
   * between "dispatched" and "on scene"; `unitStatusAt` moves on with every step).
   */
  private carryStep(a: AlertRow, step: DispatchStep, at: string, enRouteAt: string | null): void {
    const rooms = [OPS_ROOM];
    // A silent alert leaves no trace on the resident's phone beyond its status (DESIGN §2).
    if (!alertType(a.type).silent) rooms.push(userRoom(a.reporterId));
    for (const name of rooms) {
      const rec = this.d.sync.room(name).doc.getMap('alerts').get(a.id);
      if (!(rec instanceof Y.Map)) continue;
      const newStep = rec.get('unitStatus') !== step;
      const setOff = enRouteAt !== null && rec.get('enRouteAt') === undefined;
      // Only a crew's acceptance makes a unit "on its way" for the resident and the console.
      const taken = step !== 'dispatched' && rec.get('acceptedAt') === undefined;
      if (!newStep && !setOff && !taken) continue;
      rec.doc?.transact(() => {
        if (newStep) {
          rec.set('unitStatus', step);
          rec.set('unitStatusAt', at);
        }
        if (setOff) rec.set('enRouteAt', enRouteAt);
        if (taken) rec.set('acceptedAt', at);
      }, SERVER);
    }
  }

  /**
   * An alert's status reached its unit's room: the crew sees when the centre closes it, and
   * the shift log shows at what time (`alertStatusAt`).
   * Called by the alert projection after every transition of an alert with a unit.
   */
  alertChanged(a: AlertRow): void {
    if (!a.assignedUnit || a.status === 'dispatched') return;
    const rec = this.d.sync.room(unitRoom(a.assignedUnit)).doc.getMap('dispatches').get(a.id);
    if (!(rec instanceof Y.Map) || rec.get('alertStatus') === a.status) return;
    rec.doc?.transact(() => {
      rec.set('alertStatus', a.status);
      rec.set('alertStatusAt', a.statusAt);
    }, SERVER);
  }

  /** `ops.units/<id>`: where the crew is and what it logged this shift, for the centre. */
  private summarise(unitId: string): void {
    const unit = this.d.units.find((u) => u.id === unitId);
    const shift = shiftAt(this.d.now?.() ?? new Date());
    const since = shift.start.toISOString();
    const checkins = this.d.storage.patrol.checkins(unitId, since);
    const conversations = this.d.storage.patrol.conversations(unitId, since);
    const last = checkins.at(-1);
    const ops = this.d.sync.room(OPS_ROOM).doc;
    ops.transact(() => {
      const units = ops.getMap('units');
      let rec = units.get(unitId);
      if (!(rec instanceof Y.Map)) units.set(unitId, (rec = new Y.Map<unknown>()));
      const map = rec as Y.Map<unknown>;
      const set = (k: string, v: unknown) => {
        if (JSON.stringify(map.get(k)) !== JSON.stringify(v)) map.set(k, v);
      };
      set('id', unitId);
      set('label', unit?.label ?? unitId);
      set('shift', shift.key);
      set('checkins', checkins.length);
      set('conversations', conversations.length);
      set('atPoint', last && last.kind === 'in' ? last.point : null);
      set(
        'lastCheckin',
        last
          ? {
              point: last.point,
              kind: last.kind,
              at: last.at,
              by: last.officerId,
              distanceM: last.distanceM,
            }
          : null,
      );
      set('updatedAt', this.now());
    }, SERVER);
  }
}

/** The plan entries of a unit room (operators may have edited them; odd ones are skipped). */
export function plansIn(doc: Y.Doc): ShiftPlan[] {
  const out: ShiftPlan[] = [];
  doc.getMap('plan').forEach((v) => {
    if (isShiftPlan(v)) out.push(v);
  });
  return out;
}

/** The point a check-in names, preferably in the plan whose shift covers the check-in. */
function findPoint(
  plans: readonly ShiftPlan[],
  pointId: string,
  at: string,
): { plan: ShiftPlan; point: PlanPoint } | null {
  const t = Date.parse(at);
  const ordered = [...plans].sort(
    (a, b) =>
      Number(Date.parse(b.start) <= t && t < Date.parse(b.end)) -
      Number(Date.parse(a.start) <= t && t < Date.parse(a.end)),
  );
  for (const plan of ordered) {
    const point = plan.points.find((p) => p.id === pointId);
    if (point) return { plan, point };
  }
  return null;
}
