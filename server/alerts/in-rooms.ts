import * as Y from 'yjs';
import { roundLocation } from '../../shared/geo.js';
import type { AlertStatus } from '../../shared/types.js';
import { OPS_ROOM, areaRoom, userRoom } from '../../sync/rooms.js';
import type { AlertEventRow, AlertRow, UserRow } from '../storage/storage.js';
import type { SyncServer } from '../sync/sync-server.js';
import { SERVER } from '../sync/origin.js';
import { addWorkspace, opsActor, opsIdentity } from '../console/ops-record.js';
import { wouldReach } from './threshold.js';

/**
 * An alert as each room shows it, written from its SQL row and events. Idempotent: it writes
 * only what a room lacks, so the same call receipts a new alert, re-projects a resent one and,
 * at start-up, repairs one whose room writes a crash took back (a transition's are stored in the
 * commit after its own). Each room's timeline is a prefix of the events (they are appended
 * in order), so the missing steps are the events past its length.
 */
export function projectAlert(
  sync: SyncServer,
  a: AlertRow,
  reporter: UserRow,
  events: readonly AlertEventRow[],
  isPublic: boolean,
): void {
  const own = record(sync, userRoom(reporter.id), a.id);
  own?.doc?.transact(() => {
    if (typeof own.get('receivedAt') !== 'string') own.set('receivedAt', a.receivedAt);
    setIfChanged(own, 'status', a.status);
    setIfChanged(own, 'statusAt', a.statusAt);
    if (a.assignedUnit) setIfChanged(own, 'unitLabel', a.assignedUnit);
    setThreshold(own, a);
    addMissing(own, events, (e) => ({ status: e.status, at: e.at }));
  }, SERVER);

  const ops = sync.room(OPS_ROOM).doc;
  ops.transact(() => {
    const existing = ops.getMap('alerts').get(a.id);
    if (existing instanceof Y.Map) {
      setIfChanged(existing, 'status', a.status);
      setIfChanged(existing, 'statusAt', a.statusAt);
      setThreshold(existing, a);
      if (a.releasedBy) setIfChanged(existing, 'releasedBy', a.releasedBy);
      addMissing(existing, events, (e) => opsStep(a, e));
      return;
    }
    const rec = new Y.Map<unknown>(
      Object.entries({
        id: a.id,
        type: a.type,
        createdAt: a.createdAt,
        receivedAt: a.receivedAt,
        location: a.location,
        note: a.note,
        status: a.status,
        statusAt: a.statusAt,
        // A silent alert's reporter stays out of the room, id included (console/ops-record.ts).
        ...opsIdentity(reporter, a.type),
        areaId: a.areaId,
        sirenRequested: a.sirenRequested,
        flagged: a.flagged,
        // Set before the map joins the doc: reading a new map first (setThreshold) warns.
        ...(a.flagged ? { heldBack: wouldReach(a) } : {}),
        ...(a.flagged && a.releasedAt ? { releasedAt: a.releasedAt } : {}),
      }),
    );
    if (a.releasedBy) rec.set('releasedBy', a.releasedBy);
    rec.set('timeline', Y.Array.from(events.map((e) => opsStep(a, e))));
    addWorkspace(rec);
    ops.getMap('alerts').set(a.id, rec);
  }, SERVER);

  if (!isPublic) return;
  const area = sync.room(areaRoom(a.areaId!)).doc;
  area.transact(() => {
    const existing = area.getMap('alerts').get(a.id);
    if (existing instanceof Y.Map) {
      setIfChanged(existing, 'status', a.status);
      setIfChanged(existing, 'statusAt', a.statusAt);
      return;
    }
    const fields: Record<string, unknown> = {
      id: a.id,
      type: a.type,
      createdAt: a.createdAt,
      receivedAt: a.receivedAt,
      status: a.status,
      statusAt: a.statusAt,
      areaId: a.areaId,
      location: a.location ? roundLocation(a.location) : null,
    };
    if (reporter.showName) fields.reporterName = displayName(reporter.name);
    area.getMap('alerts').set(a.id, new Y.Map(Object.entries(fields)));
  }, SERVER);
}

/**
 * True when `ops` shows the alert with every step: its room writes were durable. Every room
 * write of one projection is made in the same turn, so they are stored in the same commit as
 * the `ops` one; the other rooms need no look.
 */
export function shownInOps(sync: SyncServer, a: AlertRow, events: readonly AlertEventRow[]) {
  const rec = record(sync, OPS_ROOM, a.id);
  const timeline = rec?.get('timeline');
  return (
    !!rec &&
    rec.get('status') === a.status &&
    timeline instanceof Y.Array &&
    timeline.length >= events.length
  );
}

/** The resident's own record of an alert, in her room: absent for one that never came in it. */
export function ownRecord(sync: SyncServer, a: AlertRow): Y.Map<unknown> | null {
  return record(sync, userRoom(a.reporterId), a.id);
}

/**
 * One step of the `ops` timeline: who moved the alert, and when. A silent alert's own steps
 * name no one (`opsActor`): her id would lead any operator to her.
 */
const opsStep = (a: AlertRow, e: AlertEventRow) => ({
  status: e.status,
  at: e.at,
  by: opsActor(a, { id: e.by }),
});

function record(sync: SyncServer, room: string, id: string): Y.Map<unknown> | null {
  const value = sync.room(room).doc.getMap('alerts').get(id);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}

/**
 * What the per-resident threshold held back (`heldBack`: siren, neighbours), said on the
 * alert for the operator and, in plain words, for the resident; `releasedAt` once an
 * operator let it through. Absent on every alert the threshold did not touch.
 */
function setThreshold(rec: Y.Map<unknown>, a: AlertRow): void {
  if (!a.flagged) return;
  if (!rec.has('heldBack')) rec.set('heldBack', wouldReach(a));
  if (a.releasedAt) setIfChanged(rec, 'releasedAt', a.releasedAt);
}

function setIfChanged(rec: Y.Map<unknown>, key: string, value: unknown): void {
  if (rec.get(key) !== value) rec.set(key, value);
}

function addMissing(
  rec: Y.Map<unknown>,
  events: readonly AlertEventRow[],
  step: (e: AlertEventRow) => unknown,
): void {
  let timeline = rec.get('timeline');
  if (!(timeline instanceof Y.Array)) rec.set('timeline', (timeline = new Y.Array<unknown>()));
  const steps = timeline as Y.Array<unknown>;
  if (steps.length < events.length) steps.push(events.slice(steps.length).map(step));
}

/**
 * The resident's own timeline: `{status, at}` per step, written by the server only
 * (the user-room policy gives the owner no rule for it). Unlike the ops timeline it names no
 * actor: which operator took the alert is not the resident's to know.
 */
export function appendStep(own: Y.Map<unknown>, status: AlertStatus, at: string): void {
  let timeline = own.get('timeline');
  if (!(timeline instanceof Y.Array)) own.set('timeline', (timeline = new Y.Array<unknown>()));
  (timeline as Y.Array<unknown>).push([{ status, at }]);
}

/** First name and initial: what neighbours may see (DESIGN §2). */
export function displayName(name: string): string {
  const [first = '', last = ''] = name.trim().split(/\s+/);
  return last ? `${first} ${last[0]}.` : first;
}
