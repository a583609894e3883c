import type { ObservatoryFilter } from '../../../shared/observatory.js';
import { cityInstant, type PlanPoint, type ShiftPlan } from '../../../shared/plan.js';
import type { DosageStore } from '../../storage/dosage.js';
import type { PlanLogStore } from '../../storage/evaluation.js';
import { STAY_EXPIRES_HOURS, staysOf, type Stay } from '../evaluation/dosage.js';
import { RESIDUAL_WINDOW_MINUTES } from '../evaluation/residual.js';
import { dayNumber, isoDay } from '../local-time.js';

const HOUR = 3_600_000;

/** The filter's local days as instants: [from, to) from the first day's midnight to the day after the last's. */
export function periodOf(filter: Pick<ObservatoryFilter, 'from' | 'to'>): {
  from: number;
  to: number;
} {
  return {
    from: cityInstant(filter.from, 0).getTime(),
    to: cityInstant(isoDay(dayNumber(filter.to) + 1), 0).getTime(),
  };
}

/**
 * Check-ins are read this far around the period: a stay that began before it can still close
 * in it (a stay expires after `STAY_EXPIRES_HOURS`), a plan's last visit may be made a little
 * late, and a stay just before the period starts its half hour of "after" inside it.
 */
const MARGIN_MS = (STAY_EXPIRES_HOURS + 1) * HOUR + RESIDUAL_WINDOW_MINUTES * 60_000;

/**
 * The stays of these units around a period, from the check-ins in SQL. Each unit's check-ins
 * pair into stays by the phone's rules (`staysOf`); the officer who checked in is never read.
 */
export function staysAround(
  store: Pick<DosageStore, 'checkins'>,
  unitIds: readonly string[],
  period: { from: number; to: number },
): Stay[] {
  const rows = store.checkins(
    unitIds,
    new Date(period.from - MARGIN_MS).toISOString(),
    new Date(period.to + MARGIN_MS).toISOString(),
  );
  return staysOf(rows);
}

export interface PatrolData {
  /** plans whose shift starts in the period (restricted to the area's points when one is chosen) */
  plans: ShiftPlan[];
  /** every fixed point of those plans, once, by id */
  points: Map<string, PlanPoint>;
  /** stays around the period (at the area's points when one is chosen) */
  stays: Stay[];
  period: { from: number; to: number };
}

/**
 * Plans and stays for a filter. An area narrows the figure to the fixed points inside it
 * (a point's area is the one its cell's centre lies in): a unit whose quadrant spans several
 * areas counts only its visits there, and a stay at a point no plan of the period names has
 * no known area and is left out. Without an area, every plan and stay counts.
 */
export function patrolData(
  stores: { planLog: Pick<PlanLogStore, 'between'>; dosage: Pick<DosageStore, 'checkins'> },
  unitIds: readonly string[],
  filter: Pick<ObservatoryFilter, 'from' | 'to' | 'areaId'>,
): PatrolData {
  const period = periodOf(filter);
  const logged = stores.planLog.between(
    new Date(period.from).toISOString(),
    new Date(period.to).toISOString(),
  );
  const area = filter.areaId;
  const plans: ShiftPlan[] = [];
  for (const plan of logged) {
    if (!area) {
      plans.push(plan);
      continue;
    }
    const points = plan.points.filter((p) => p.areaId === area);
    if (!points.length) continue;
    const ids = new Set(points.map((p) => p.id));
    plans.push({ ...plan, points, visits: plan.visits.filter((v) => ids.has(v.point)) });
  }
  const points = new Map<string, PlanPoint>();
  for (const plan of plans) for (const p of plan.points) if (!points.has(p.id)) points.set(p.id, p);
  const all = staysAround(
    stores.dosage,
    [...new Set([...unitIds, ...plans.map((p) => p.unitId)])],
    period,
  );
  const stays = area ? all.filter((s) => points.has(s.point)) : all;
  return { plans, points, stays, period };
}
