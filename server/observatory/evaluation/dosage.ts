import { pointStays, type ShiftId, type ShiftPlan } from '../../../shared/plan.js';
import type { Interval } from '../stats/poisson.js';
import { ascending, quantile } from './quantile.js';
import { wilsonInterval } from './wilson.js';

export * from './residual.js';

/**
 * Patrol dosage from check-ins: how long crews stayed at fixed points, and whether the plan's
 * visits were made. The stays are paired exactly as the officer's phone and the console pair
 * them (`pointStays`, shared/plan.ts: per unit, the first `in` at a point opens the stay, the
 * first `out` there closes it, an `out` with nothing open is ignored).
 */

/** A check-in row as stored (`checkins`). */
export interface CheckinRecord {
  id: string;
  unitId: string;
  point: string;
  kind: 'in' | 'out';
  /** the phone's time */
  at: string;
}

/** One unit's stay at one point, in epoch ms; `to` null when no check-out ever closed it. */
export interface Stay {
  unitId: string;
  point: string;
  from: number;
  to: number | null;
}

export function staysOf(checkins: readonly CheckinRecord[]): Stay[] {
  const byUnit = new Map<string, CheckinRecord[]>();
  for (const c of checkins) {
    const list = byUnit.get(c.unitId);
    if (list) list.push(c);
    else byUnit.set(c.unitId, [c]);
  }
  const out: Stay[] = [];
  for (const [unitId, rows] of byUnit) {
    for (const s of pointStays(rows)) {
      out.push({
        unitId,
        point: s.point,
        from: Date.parse(s.from),
        to: s.to === null ? null : Date.parse(s.to),
      });
    }
  }
  return out.sort((a, b) => a.from - b.from || a.unitId.localeCompare(b.unitId));
}

/**
 * The band hot-spot research recommends for a stop (Koper 1995: about 10 to 16 minutes; the
 * programme plans 14), both ends included, measured to the second: 16 min 1 s is outside.
 */
export const DWELL_BAND_MINUTES = { min: 10, max: 16 } as const;

/** Histogram bins of the dwell distribution: 2 minutes wide up to 30, then "30 or more". */
const BIN_MINUTES = 2;
const LAST_BIN_FROM = 30;

export interface DwellSummary {
  /** closed stays (with a check-out): the distribution is theirs */
  stays: number;
  /** stays never closed by a check-out: their length is unknown, so they are left out */
  unclosed: number;
  median: number | null;
  p10: number | null;
  p90: number | null;
  /** below the band, in it, above it */
  short: number;
  inBand: number;
  long: number;
  /** inBand / stays with its 95 % Wilson interval */
  share: number | null;
  interval: Interval | null;
  /** minutes [from, to); the last bin's `to` is null (30 minutes or more) */
  histogram: { from: number; to: number | null; count: number }[];
}

export function dwellSummary(stays: readonly Stay[]): DwellSummary {
  const minutes = ascending(
    stays.filter((s) => s.to !== null).map((s) => (s.to! - s.from) / 60_000),
  );
  const { min, max } = DWELL_BAND_MINUTES;
  const inBand = minutes.filter((m) => m >= min && m <= max).length;
  const short = minutes.filter((m) => m < min).length;
  const histogram: DwellSummary['histogram'] = [];
  for (let from = 0; from < LAST_BIN_FROM; from += BIN_MINUTES)
    histogram.push({ from, to: from + BIN_MINUTES, count: 0 });
  histogram.push({ from: LAST_BIN_FROM, to: null, count: 0 });
  for (const m of minutes)
    histogram[Math.min(Math.floor(m / BIN_MINUTES), histogram.length - 1)]!.count++;
  return {
    stays: minutes.length,
    unclosed: stays.length - minutes.length,
    median: quantile(minutes, 0.5),
    p10: quantile(minutes, 0.1),
    p90: quantile(minutes, 0.9),
    short,
    inBand,
    long: minutes.length - inBand - short,
    share: minutes.length ? inBand / minutes.length : null,
    interval: wilsonInterval(inBand, minutes.length),
    histogram,
  };
}

/**
 * A planned visit was made when a stay of the plan's unit at the visit's point overlaps the
 * visit's time, give or take this much: the same slack the phone and console allow
 * (`stayFor`, shared/plan.ts), since a crew that arrives 15 minutes early, or is held up by a
 * call, still made the visit. A stay never closed by a check-out counts as the instant of its
 * check-in (the phone treats it as still running, which history cannot).
 */
export const DONE_SLACK_MINUTES = 20;

export interface VisitCount {
  planned: number;
  done: number;
  /** done / planned; null when nothing was planned */
  share: number | null;
}

export interface PlanRow extends VisitCount {
  unitId: string;
  /** `<local date>.<shift>` */
  planKey: string;
  date: string;
  shift: ShiftId;
}

export interface PlannedVersusDone {
  plans: PlanRow[];
  byUnit: (VisitCount & { unitId: string })[];
  byShift: (VisitCount & { shift: ShiftId })[];
  total: VisitCount;
  /** stays during a unit's planned shift that served none of its visits (unplanned stops) */
  unplannedStays: number;
}

export function visitDone(
  visit: { point: string; start: string; end: string },
  unitId: string,
  stays: readonly Stay[],
): Stay | undefined {
  const slack = DONE_SLACK_MINUTES * 60_000;
  const from = Date.parse(visit.start) - slack;
  const to = Date.parse(visit.end) + slack;
  return stays.find(
    (s) =>
      s.unitId === unitId && s.point === visit.point && s.from <= to && (s.to ?? s.from) >= from,
  );
}

export function plannedVersusDone(
  plans: readonly ShiftPlan[],
  stays: readonly Stay[],
): PlannedVersusDone {
  const used = new Set<Stay>();
  const rows: PlanRow[] = [];
  for (const plan of plans) {
    let done = 0;
    for (const v of plan.visits) {
      const stay = visitDone(v, plan.unitId, stays);
      if (stay) {
        done++;
        used.add(stay);
      }
    }
    rows.push({
      unitId: plan.unitId,
      planKey: plan.key,
      date: plan.key.split('.')[0] ?? '',
      shift: plan.shift,
      ...count(plan.visits.length, done),
    });
  }
  rows.sort((a, b) => a.planKey.localeCompare(b.planKey) || a.unitId.localeCompare(b.unitId));
  const sumBy = <K extends string>(key: (r: PlanRow) => K) => {
    const m = new Map<K, { planned: number; done: number }>();
    for (const r of rows) {
      const t = m.get(key(r)) ?? { planned: 0, done: 0 };
      t.planned += r.planned;
      t.done += r.done;
      m.set(key(r), t);
    }
    return [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  };
  const planned = rows.reduce((s, r) => s + r.planned, 0);
  const done = rows.reduce((s, r) => s + r.done, 0);
  const duringPlan = (s: Stay) =>
    plans.some(
      (p) => p.unitId === s.unitId && Date.parse(p.start) <= s.from && s.from < Date.parse(p.end),
    );
  return {
    plans: rows,
    byUnit: sumBy((r) => r.unitId).map(([unitId, t]) => ({ unitId, ...count(t.planned, t.done) })),
    byShift: sumBy((r) => r.shift).map(([shift, t]) => ({ shift, ...count(t.planned, t.done) })),
    total: count(planned, done),
    unplannedStays: stays.filter((s) => !used.has(s) && duringPlan(s)).length,
  };
}

const count = (planned: number, done: number): VisitCount => ({
  planned,
  done,
  share: planned ? done / planned : null,
});
