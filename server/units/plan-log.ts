import type * as Y from 'yjs';
import { isShiftPlan, type ShiftPlan } from '../../shared/plan.js';
import type { Storage } from '../storage/storage.js';
import type { Room } from '../sync/room.js';

/**
 * Every shift plan as issued or edited reaches the plan log (`storage.planLog`): the unit's
 * room prunes plans two days after they end, and the observatory's dosage and before / after
 * need them for as long as the programme runs. The `plan` map is observed rather than its
 * writers hooked: the server's generator, an operator's edit through the console's route and
 * one through the room all land there, whatever module wrote them.
 *
 * Upserts run as jobs of the sync committer, so a plan and its row are durable in the same
 * commit (a failed commit reloads the room, and the reload records its plans again). A key
 * deleted from the room (pruning) is not deleted from the log.
 */
export class PlanRecorder {
  private readonly watched = new WeakSet<Room>();

  constructor(
    private readonly d: {
      storage: Pick<Storage, 'planLog'>;
      committer: { job(fn: () => void): void };
    },
  ) {}

  /** Starts recording a unit room's plans; a room loaded again is a new room, watched anew. */
  watch(room: Room): void {
    if (room.ref.kind !== 'unit' || this.watched.has(room)) return;
    this.watched.add(room);
    const unitId = room.ref.id;
    const map = room.doc.getMap('plan');
    // What the room held when it loaded: plans written before the log existed, or by a
    // commit whose rows were lost with it, are recorded now (an upsert of the same plan is a no-op).
    this.record(valuesOf(map, [...map.keys()], unitId));
    map.observe((event) => {
      const keys: string[] = [];
      event.changes.keys.forEach((change, key) => {
        if (change.action !== 'delete') keys.push(key);
      });
      this.record(valuesOf(map, keys, unitId));
    });
  }

  private record(plans: ShiftPlan[]): void {
    if (!plans.length) return;
    this.d.committer.job(() => {
      for (const plan of plans) this.d.storage.planLog.upsert(plan);
    });
  }
}

/** The valid plans under these keys that belong to the room's own unit (odd entries skipped). */
function valuesOf(map: Y.Map<unknown>, keys: readonly string[], unitId: string): ShiftPlan[] {
  const out: ShiftPlan[] = [];
  for (const key of keys) {
    const v = map.get(key);
    // A copy: the room's value is the room's; the job runs after this turn.
    if (isShiftPlan(v) && v.unitId === unitId && v.key === key) out.push(structuredClone(v));
  }
  return out;
}
