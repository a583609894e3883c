import * as Y from 'yjs';
import { OPS_ROOM, areaRoom, unitRoom, userRoom } from '../../sync/rooms.js';
import type { AlertRow, UserRow } from '../storage/storage.js';
import { SERVER } from '../sync/origin.js';
import { opsActor } from '../console/ops-record.js';
import { appendStep } from './in-rooms.js';
import { dispatchDetails } from './dispatch-record.js';
import { reachesArea } from './threshold.js';
import type { ProjectionDeps } from './projection.js';

/** A stamped transition, durable in SQL, shown in every room that holds the alert. */
export function projectStatus(d: ProjectionDeps, a: AlertRow, by: UserRow): void {
  const ops = record(d, OPS_ROOM, a.id);
  ops?.doc?.transact(() => {
    if (ops.get('status') !== a.status) ops.set('status', a.status);
    ops.set('statusAt', a.statusAt);
    const timeline = ops.get('timeline');
    if (timeline instanceof Y.Array)
      timeline.push([{ status: a.status, at: a.statusAt, by: opsActor(a, by) }]);
  }, SERVER);

  const own = record(d, userRoom(a.reporterId), a.id);
  own?.doc?.transact(() => {
    own.set('status', a.status);
    own.set('statusAt', a.statusAt);
    if (a.assignedUnit) own.set('unitLabel', a.assignedUnit);
    appendStep(own, a.status, a.statusAt);
  }, SERVER);

  if (reachesArea(a)) {
    const pub = record(d, areaRoom(a.areaId!), a.id);
    pub?.doc?.transact(() => {
      pub.set('status', a.status);
      pub.set('statusAt', a.statusAt);
    }, SERVER);
  }

  if (a.status === 'dispatched' && a.assignedUnit) dispatchToUnit(d, a);
  if (a.assignedUnit) d.units?.alertChanged(a);
}

/**
 * The assigned unit gets where to go (position, address or nearest known point, area) and
 * the note; the reporter's name and phone unless the alert is silent (dispatch-record.ts).
 */
export function dispatchToUnit(d: ProjectionDeps, a: AlertRow): void {
  const doc = d.sync.room(unitRoom(a.assignedUnit!)).doc;
  const details = dispatchDetails(a, d.storage.users.byId(a.reporterId), {
    areas: d.areas,
    landmarks: d.landmarks ?? [],
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

function record(d: ProjectionDeps, room: string, id: string): Y.Map<unknown> | null {
  const value = d.sync.room(room).doc.getMap('alerts').get(id);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}
