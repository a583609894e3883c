import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { isOpenStatus } from '../../shared/catalogue.js';
import type { AlertStatus } from '../../shared/types.js';
import {
  isShiftPlan,
  nextShift,
  shiftAt,
  type ShiftPlan,
  type ShiftWindow,
} from '../../shared/plan.js';
import { unitRoom } from '../../sync/rooms.js';
import type { City } from '../city/city.js';
import type { Logger } from '../log.js';
import type { Storage } from '../storage/storage.js';
import type { SyncServer } from '../sync/sync-server.js';
import { SERVER } from '../sync/origin.js';
import { hotspotsFor } from '../hotspots/index.js';
import { generatePlans } from './generator.js';
import { planTrial, type PlanTrial } from './trial.js';

export interface PlanServiceDeps {
  storage: Storage;
  sync: SyncServer;
  city: City;
  log: Logger;
  now?: () => Date;
}

/** Plans are made ahead for the running shift and the next one; checked this often. */
const CHECK_EVERY_MS = 10 * 60_000;
/** Entries of shifts that ended longer ago than this leave the room (SQL keeps the log). */
const KEEP_ENDED_MS = 2 * 86_400_000;
/** Check-ins, conversations and finished dispatches older than this leave the room too. */
const KEEP_RECORDS_MS = 3 * 86_400_000;
/** Record collections pruned, and the field holding each record's time. */
const PRUNED: readonly [collection: string, time: string][] = [
  ['checkins', 'at'],
  ['conversations', 'at'],
  ['dispatches', 'dispatchedAt'],
];

/**
 * Keeps every unit's room holding its plan for the running and the next shift.
 * A plan is generated once per shift and never overwritten by the server: an operator's
 * edit stands. Old entries are pruned so the room stays small (DESIGN §7).
 */
export class PlanService {
  private timer: NodeJS.Timeout | null = null;
  /** Per process: the rotation cannot be recomputed by someone who has the code. */
  private readonly salt = randomBytes(16).toString('hex');

  constructor(private readonly d: PlanServiceDeps) {}

  private now(): Date {
    return this.d.now?.() ?? new Date();
  }

  start(): void {
    this.ensure();
    this.timer = setInterval(() => this.ensure(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Generates what is missing; returns the keys of the shifts it wrote plans for. A randomised
   * trial (trial.ts) governs every shift starting after it was started, until it ends: a
   * generated plan of a shift not yet begun that disagrees with it (made before the trial
   * started, or during one that has since ended) is made again; an operator's edit stands.
   */
  ensure(now = this.now()): string[] {
    const current = shiftAt(now);
    const written: string[] = [];
    const running = this.d.storage.trials.active();
    for (const shift of [current, nextShift(current)]) {
      const trial = running && shift.start.toISOString() >= running.startedAt ? running : null;
      const stale = (p: ShiftPlan | null) =>
        !p ||
        (p.source === 'generated' &&
          shift.start.getTime() > now.getTime() &&
          (p.trialId ?? null) !== (trial?.id ?? null));
      const missing = this.d.city.units.filter((u) => stale(this.planOf(u.id, shift.key)));
      if (missing.length === 0) continue;
      try {
        const plans = this.generate(shift, trial ? planTrial(trial) : undefined, now);
        for (const plan of plans) {
          if (missing.some((u) => u.id === plan.unitId)) this.write(plan.unitId, plan);
        }
        written.push(shift.key);
      } catch (error) {
        this.d.log.error('plan generation failed', { shift: shift.key, error: String(error) });
      }
    }
    this.prune(now);
    return written;
  }

  private generate(shift: ShiftWindow, trial: PlanTrial | undefined, now: Date): ShiftPlan[] {
    return generatePlans({
      shift,
      units: this.d.city.units,
      areas: this.d.city.areas,
      cells: hotspotsFor(this.d.storage.patrol, this.d.city.areas, shift),
      salt: this.salt,
      programmeHours: this.d.city.observatory.programmeHours,
      ...(trial ? { trial } : {}),
      now,
    });
  }

  /** The plans in a unit's room, by shift start. */
  plans(unitId: string): ShiftPlan[] {
    const out: ShiftPlan[] = [];
    this.d.sync
      .room(unitRoom(unitId))
      .doc.getMap('plan')
      .forEach((v) => isShiftPlan(v) && out.push(v));
    return out.sort((a, b) => a.start.localeCompare(b.start));
  }

  planOf(unitId: string, key: string): ShiftPlan | null {
    const v = this.d.sync.room(unitRoom(unitId)).doc.getMap('plan').get(key);
    return isShiftPlan(v) ? v : null;
  }

  /** Writes a plan entry into the unit's room, as the server. */
  write(unitId: string, plan: ShiftPlan): void {
    const doc = this.d.sync.room(unitRoom(unitId)).doc;
    doc.transact(() => doc.getMap('plan').set(plan.key, plan), SERVER);
  }

  /** Hot spots for a shift, for the operators' view of a plan. */
  hotspots(shift: ShiftWindow) {
    return hotspotsFor(this.d.storage.patrol, this.d.city.areas, shift);
  }

  private prune(now: Date): void {
    for (const unit of this.d.city.units) {
      const doc = this.d.sync.room(unitRoom(unit.id)).doc;
      const plan = doc.getMap('plan');
      const old: string[] = [];
      plan.forEach((v, key) => {
        if (isShiftPlan(v) && Date.parse(v.end) < now.getTime() - KEEP_ENDED_MS) old.push(key);
      });
      if (old.length) doc.transact(() => old.forEach((k) => plan.delete(k)), SERVER);
      this.pruneRecords(doc, now);
    }
  }

  /**
   * Rooms stay small (DESIGN §7): old records leave the unit's room once SQL has them (the
   * server only holds what it has projected). Requests stay: operators may still answer them.
   * A dispatch leaves only when done or its alert is closed.
   */
  private pruneRecords(doc: Y.Doc, now: Date): void {
    const before = new Date(now.getTime() - KEEP_RECORDS_MS).toISOString();
    const old: [Y.Map<unknown>, string][] = [];
    for (const [collection, field] of PRUNED) {
      const map = doc.getMap(collection);
      map.forEach((v, key) => {
        if (!(v instanceof Y.Map)) return;
        const at = v.get(field);
        const alert = v.get('alertStatus');
        const finished =
          collection !== 'dispatches' ||
          v.get('status') === 'done' ||
          (typeof alert === 'string' && !isOpenStatus(alert as AlertStatus));
        if (typeof at === 'string' && at < before && finished) old.push([map, key]);
      });
    }
    if (old.length) doc.transact(() => old.forEach(([map, key]) => map.delete(key)), SERVER);
  }
}
