import type { DataSource, TrendPoint, TrendResult } from '../../../shared/observatory.js';
import type { ObservatoryInput } from '../input.js';
import { poissonInterval, rateRatio } from '../stats/poisson.js';
import { dayToIso, mondayOf, monthStart } from './days.js';
import { figureMeta, inPeriod } from './meta.js';

/** A week a year earlier: 52 weeks, so a Monday stays a Monday. */
const WEEKS_OF_A_YEAR = 364;

/**
 * Trends of the period and area: counts per local week (from Monday) and per month (from the
 * 1st), each with its exact Poisson 95 % interval, and the change of the whole period against a
 * year earlier as a rate ratio with its exact interval (`stats/poisson.ts`).
 *
 * - Part buckets: the first and last week or month may reach outside the period; they count
 *   only the period's days (a bucket whose `start` is before `meta.from`, or that ends after
 *   `meta.to`, is partial), so the buckets add up to `meta.n`. Their `lastYear` counts the same
 *   days a year earlier, so the two stay comparable.
 * - `lastYear` of a week: the same days 52 weeks (364 days) earlier, which keeps the weekdays;
 *   of a month: the same days of that month a year earlier (29 February falls back to the
 *   28th). Null when those days start before the records do (`input.dataFromDay`).
 * - `change`: the same calendar dates a year earlier (1–31 March 2025 for 1–31 March 2026): what
 *   an analyst means by "the same period last year", and a whole year's period then never
 *   overlaps its comparison (364 days would). The two spans differ by a day when one holds
 *   29 February; the ratio compares rates per day. Nulls when the records do not reach back, or
 *   when the period is longer than a year (its comparison would overlap it). With no incidents a
 *   year earlier the ratio and its upper end are unbounded and sent as null, the lower end kept;
 *   with none in either, all three are null.
 */
export function analyseTrends(input: ObservatoryInput): TrendResult {
  const { fromDay, toDay } = input;
  const counted = inPeriod(input, true);
  const count = dayCounter(input, fromDay - 400, toDay);
  const known = (start: number): boolean => start >= input.dataFromDay;
  const point = (start: number, s: number, e: number, ls: number, le: number): TrendPoint => {
    const n = count(s, e);
    const ci = poissonInterval(n);
    return {
      start: dayToIso(start),
      count: n,
      low: ci.low,
      high: ci.high,
      lastYear: known(ls) ? count(ls, le) : null,
    };
  };

  const weekly: TrendPoint[] = [];
  for (let w = mondayOf(fromDay); w <= toDay; w += 7) {
    const s = Math.max(w, fromDay);
    const e = Math.min(w + 6, toDay);
    weekly.push(point(w, s, e, s - WEEKS_OF_A_YEAR, e - WEEKS_OF_A_YEAR));
  }

  const monthly: TrendPoint[] = [];
  for (let m = monthStart(fromDay); m <= toDay; m = monthStart(m, 1)) {
    const s = Math.max(m, fromDay);
    const e = Math.min(monthStart(m, 1) - 1, toDay);
    const before = monthStart(m, -12);
    const beforeEnd = monthStart(m, -11) - 1;
    monthly.push(
      point(m, s, e, Math.min(before + s - m, beforeEnd), Math.min(before + e - m, beforeEnd)),
    );
  }

  const lastFrom = yearEarlier(fromDay);
  const lastTo = yearEarlier(toDay);
  const current = counted.length;
  const none = { current, lastYear: null, ratio: null, low: null, high: null };
  if (!known(lastFrom) || lastTo >= fromDay) {
    return { meta: figureMeta(input, 'poisson_exact', counted), weekly, monthly, change: none };
  }
  // A source first recorded after the comparison's first day (officers' records begin with the
  // fixed-point programme) would read as a rise that is only new record-keeping: the change
  // compares the sources recorded a year earlier, and names the ones it leaves out.
  const excluded = laterSources(input, lastFrom);
  const compared = excluded.length
    ? {
        ...input,
        incidents: input.incidents.filter((i) => !excluded.some((x) => x.source === i.source)),
      }
    : input;
  const comparedCurrent = excluded.length ? inPeriod(compared, true).length : current;
  const lastYear = (excluded.length ? dayCounter(compared, lastFrom, lastTo) : count)(
    lastFrom,
    lastTo,
  );
  const rr = rateRatio(comparedCurrent, lastYear, {
    ta: toDay - fromDay + 1,
    tb: lastTo - lastFrom + 1,
  });
  const finite = (x: number | undefined): number | null =>
    x !== undefined && Number.isFinite(x) ? x : null;
  return {
    meta: figureMeta(input, 'poisson_exact', counted),
    weekly,
    monthly,
    change: {
      current: comparedCurrent,
      lastYear,
      ratio: finite(rr?.ratio),
      low: finite(rr?.low),
      high: finite(rr?.high),
      ...(excluded.length ? { excluded } : {}),
    },
  };
}

/**
 * Sources whose first record (any area) falls after `day` while another source was already
 * recorded by then, with that first local date. A source alone is never left out: its quiet
 * start is what the records say, not a change in record-keeping.
 */
function laterSources(
  input: ObservatoryInput,
  day: number,
): { source: DataSource; since: string }[] {
  const first = new Map<DataSource, number>();
  for (const i of input.incidents) {
    const f = first.get(i.source);
    if (f === undefined || i.day < f) first.set(i.source, i.day);
  }
  if (![...first.values()].some((d) => d <= day)) return [];
  return [...first]
    .filter(([, d]) => d > day)
    .map(([source, d]) => ({ source, since: dayToIso(d) }))
    .sort((a, b) => a.source.localeCompare(b.source));
}

/** Counts of the area's incidents over any span of days in [lo, hi], from prefix sums. */
function dayCounter(
  input: ObservatoryInput,
  lo: number,
  hi: number,
): (from: number, to: number) => number {
  const area = input.filter.areaId;
  const prefix = new Int32Array(hi - lo + 2);
  for (const i of input.incidents) {
    if (i.day < lo || i.day > hi || (area && i.areaId !== area)) continue;
    prefix[i.day - lo + 1]! += 1;
  }
  for (let k = 1; k < prefix.length; k++) prefix[k]! += prefix[k - 1]!;
  return (from, to) => {
    const a = Math.max(from, lo);
    const b = Math.min(to, hi);
    return b < a ? 0 : prefix[b - lo + 1]! - prefix[a - lo]!;
  };
}

/** The same calendar date a year earlier; 29 February becomes the 28th. */
function yearEarlier(day: number): number {
  const d = new Date(day * 86_400_000);
  const first = Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), 1) / 86_400_000;
  const monthLength = monthStart(first, 1) - first;
  return first + Math.min(d.getUTCDate(), monthLength) - 1;
}
