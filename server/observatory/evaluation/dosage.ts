import type { ShiftId, ShiftPlan } from '../../../shared/plan.js';
import type { Interval } from '../stats/poisson.js';
import { ascending, quantile } from './quantile.js';
import { wilsonInterval } from './wilson.js';

export * from './residual.js';

/**
 * Patrol dosage from check-ins: how long crews stayed at fixed points, and whether the plan's
 * visits were made.
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

/**
 * A stay left open longer than a shift was never closed: the crew forgot to check out.
 * Without this a forgotten check-out on Monday would swallow every check-in at that point
 * until the next check-out, days later, as one stay.
 */
export const STAY_EXPIRES_HOURS = 8;

/**
 * Pairs check-ins into stays with the phone's and console's rules (`pointStays`,
 * shared/plan.ts): per unit, in the phones' time order, the first `in` at a point opens a stay
 * (the second officer's `in` is the same stay), the first `out` there closes it, an `out` with
 * nothing open is ignored. One rule more for history: a stay open longer than
 * `STAY_EXPIRES_HOURS` is left unclosed and the event that finds it starts afresh.
 */
export function staysOf(checkins: readonly CheckinRecord[]): Stay[] {
  const expires = STAY_EXPIRES_HOURS * 3_600_000;
  const sorted = checkins
    .map((c) => ({ ...c, t: Date.parse(c.at) }))
    .filter((c) => Number.isFinite(c.t))
    .sort((a, b) => a.t - b.t || byCode(a.id, b.id));
  const open = new Map<string, Stay>();
  const out: Stay[] = [];
  for (const c of sorted) {
    const key = `${c.unitId}\u0000${c.point}`;
    let stay = open.get(key);
    if (stay && c.t - stay.from > expires) {
      open.delete(key);
      stay = undefined;
    }
    if (c.kind === 'in') {
      if (!stay) {
        stay = { unitId: c.unitId, point: c.point, from: c.t, to: null };
        open.set(key, stay);
        out.push(stay);
      }
    } else if (stay) {
      stay.to = c.t;
      open.delete(key);
    }
  }
  return out.sort((a, b) => a.from - b.from || byCode(a.unitId, b.unitId));
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

/** Stays by unit and point, each list sorted by start (a unit's stays at one point never overlap). */
export type StayIndex = Map<string, Stay[]>;

const indexKey = (unitId: string, point: string) => `${unitId}\u0000${point}`;

export function indexStays(stays: readonly Stay[]): StayIndex {
  const index: StayIndex = new Map();
  for (const s of stays) {
    const key = indexKey(s.unitId, s.point);
    const list = index.get(key);
    if (list) list.push(s);
    else index.set(key, [s]);
  }
  for (const list of index.values()) list.sort((a, b) => a.from - b.from);
  return index;
}

/** The stay that made the visit, if any (see `DONE_SLACK_MINUTES`). */
export function visitDone(
  visit: { point: string; start: string; end: string },
  unitId: string,
  index: StayIndex,
): Stay | undefined {
  const list = index.get(indexKey(unitId, visit.point));
  if (!list) return undefined;
  const slack = DONE_SLACK_MINUTES * 60_000;
  const from = Date.parse(visit.start) - slack;
  const to = Date.parse(visit.end) + slack;
  // The last stay starting by `to`: the stays do not overlap, so if it ended before `from`,
  // every earlier one did too.
  const i = lastAtOrBefore(list, to, (s) => s.from);
  const stay = i < 0 ? undefined : list[i]!;
  return stay && (stay.to ?? stay.from) >= from ? stay : undefined;
}

/** The index of the last item whose key is ≤ t in a list sorted by key; −1 when none is. */
function lastAtOrBefore<T>(list: readonly T[], t: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]!) <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export function plannedVersusDone(
  plans: readonly ShiftPlan[],
  stays: readonly Stay[],
): PlannedVersusDone {
  const index = indexStays(stays);
  const used = new Set<Stay>();
  const rows: PlanRow[] = [];
  for (const plan of plans) {
    let done = 0;
    for (const v of plan.visits) {
      const stay = visitDone(v, plan.unitId, index);
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
  rows.sort((a, b) => byCode(a.planKey, b.planKey) || byCode(a.unitId, b.unitId));
  const sumBy = <K extends string>(key: (r: PlanRow) => K) => {
    const m = new Map<K, { planned: number; done: number }>();
    for (const r of rows) {
      const t = m.get(key(r)) ?? { planned: 0, done: 0 };
      t.planned += r.planned;
      t.done += r.done;
      m.set(key(r), t);
    }
    return [...m.entries()].sort(([a], [b]) => byCode(a, b));
  };
  const planned = rows.reduce((s, r) => s + r.planned, 0);
  const done = rows.reduce((s, r) => s + r.done, 0);
  // each unit's shifts, sorted by start: a stay is "during a plan" if one of them holds it
  const shifts = new Map<string, [number, number][]>();
  for (const p of plans) {
    const list = shifts.get(p.unitId) ?? [];
    list.push([Date.parse(p.start), Date.parse(p.end)]);
    shifts.set(p.unitId, list);
  }
  for (const list of shifts.values()) list.sort((a, b) => a[0] - b[0]);
  const duringPlan = (s: Stay) => {
    const list = shifts.get(s.unitId) ?? [];
    const i = lastAtOrBefore(list, s.from, (w) => w[0]);
    return i >= 0 && s.from < list[i]![1];
  };
  return {
    plans: rows,
    byUnit: sumBy((r) => r.unitId).map(([unitId, t]) => ({ unitId, ...count(t.planned, t.done) })),
    byShift: sumBy((r) => r.shift).map(([shift, t]) => ({ shift, ...count(t.planned, t.done) })),
    total: count(planned, done),
    unplannedStays: stays.filter((s) => !used.has(s) && duringPlan(s)).length,
  };
}

/** Ids and keys in code-unit order: `localeCompare` costs a collation per call (a year's rows). */
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const count = (planned: number, done: number): VisitCount => ({
  planned,
  done,
  share: planned ? done / planned : null,
});
