import { distanceMetres } from '../../../shared/geo.js';
import type { GeoPoint } from '../../../shared/types.js';
import { rateRatio, type RateRatio } from '../stats/poisson.js';
import type { Stay } from './dosage.js';

/**
 * The local residual-deterrence curve (Sherman 1990; Koper 1995): are incidents near a fixed
 * point rarer in the half hour after a crew leaves it than at the point's other times?
 *
 * Per visited point, time in the period is split into disjoint exposures: the crew present
 * (its stays merged across units), each 5-minute bin of the 30 minutes after a stay ends (cut
 * short where the next stay there begins or the period ends), and the rest ("other times").
 * An incident within the radius of the point falls in exactly one of them. Counts and hours
 * are summed over the points, so a rate is incidents per hour of exposure at a point; an
 * incident near two points counts at each (each point's exposure is its own). Each bin's rate
 * is compared with the other times by the exact conditional Poisson rate ratio (as R's
 * `poisson.test(c(a, b), T = c(ta, tb))`).
 *
 * Read the curve's shape, not one ratio: "other times" include hours the programme never
 * patrols, and crews are sent to points in their busiest hours, so the bins sit in hot hours
 * and the baseline does not; a rate after visits below the baseline is evidence of residual
 * deterrence only if it rises back towards it across the bins.
 */
export const RESIDUAL_BIN_MINUTES = 5;
export const RESIDUAL_WINDOW_MINUTES = 30;
/** Incidents this close to a point count for it: the distance beyond which a check-in is flagged. */
export const RESIDUAL_RADIUS_METRES = 150;

export interface RateCell {
  incidents: number;
  hours: number;
  /** incidents per hour; null without exposure */
  rate: number | null;
}

export interface ResidualBin extends RateCell {
  /** minutes after the stay ended, [fromMinute, toMinute) */
  fromMinute: number;
  toMinute: number;
  /** against the other times; null when either has no exposure or neither has incidents */
  ratio: RateRatio | null;
}

export interface ResidualCurve {
  radiusMetres: number;
  /**
   * points with a closed stay in the period (or ending in the half hour before it): the others
   * have no "after"
   */
  points: number;
  /** their stays, overlapping stays of several units at one point merged into one */
  stays: number;
  during: RateCell;
  bins: ResidualBin[];
  other: RateCell;
}

const MIN = 60_000;
const HOUR = 3_600_000;
const BINS = RESIDUAL_WINDOW_MINUTES / RESIDUAL_BIN_MINUTES;

export function residualCurve(input: {
  points: readonly (GeoPoint & { id: string })[];
  stays: readonly Stay[];
  incidents: readonly (GeoPoint & { at: number })[];
  /** the period, epoch ms, [from, to) */
  from: number;
  to: number;
  radiusMetres?: number;
}): ResidualCurve {
  const radius = input.radiusMetres ?? RESIDUAL_RADIUS_METRES;
  const { from, to } = input;
  const during = { incidents: 0, ms: 0 };
  const bins = Array.from({ length: BINS }, () => ({ incidents: 0, ms: 0 }));
  const other = { incidents: 0, ms: 0 };
  let points = 0;
  let stays = 0;
  const windowMs = RESIDUAL_WINDOW_MINUTES * MIN;
  // the part of [a, b) inside the period
  const inPeriod = (a: number, b: number) => Math.max(0, Math.min(b, to) - Math.max(a, from));
  for (const point of input.points) {
    // unclipped, so a stay that ended just before the period still starts its half hour
    const visits = merge(
      input.stays
        .filter((s) => s.point === point.id && s.to !== null && s.to > s.from)
        .filter((s) => s.to! > from - windowMs && s.from < to)
        .map((s) => [s.from, s.to!] as [number, number]),
    );
    if (!visits.length) continue;
    points++;
    stays += visits.length;
    let exposed = 0;
    visits.forEach(([start, end], i) => {
      const present = inPeriod(start, end);
      during.ms += present;
      exposed += present;
      const stop = visits[i + 1]?.[0] ?? Infinity;
      for (let k = 0; k < BINS; k++) {
        const a = Math.min(stop, end + k * RESIDUAL_BIN_MINUTES * MIN);
        const b = Math.min(stop, end + (k + 1) * RESIDUAL_BIN_MINUTES * MIN);
        const ms = inPeriod(a, b);
        bins[k]!.ms += ms;
        exposed += ms;
      }
    });
    other.ms += to - from - exposed;
    for (const inc of input.incidents) {
      if (inc.at < from || inc.at >= to || distanceMetres(point, inc) > radius) continue;
      const where = classify(visits, inc.at);
      if (where === 'during') during.incidents++;
      else if (where === 'other') other.incidents++;
      else bins[where]!.incidents++;
    }
  }
  const cell = (c: { incidents: number; ms: number }): RateCell => ({
    incidents: c.incidents,
    hours: c.ms / HOUR,
    rate: c.ms > 0 ? c.incidents / (c.ms / HOUR) : null,
  });
  const base = cell(other);
  return {
    radiusMetres: radius,
    points,
    stays,
    during: cell(during),
    bins: bins.map((b, k) => {
      const c = cell(b);
      const ratio =
        c.hours > 0 && base.hours > 0
          ? rateRatio(c.incidents, base.incidents, { ta: c.hours, tb: base.hours })
          : null;
      return {
        ...c,
        fromMinute: k * RESIDUAL_BIN_MINUTES,
        toMinute: (k + 1) * RESIDUAL_BIN_MINUTES,
        ratio,
      };
    }),
    other: base,
  };
}

/** Sorted, overlapping or touching intervals joined (two units at one point are one presence). */
function merge(intervals: [number, number][]): [number, number][] {
  const sorted = intervals.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Where an instant falls: during a stay, in bin k after one, or at other times. */
function classify(visits: readonly [number, number][], t: number): 'during' | 'other' | number {
  // the last stay starting at or before t
  let lo = 0;
  let hi = visits.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (visits[mid]![0] <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return 'other';
  const [, end] = visits[found]!;
  if (t < end) return 'during';
  const next = visits[found + 1]?.[0] ?? Infinity;
  const since = t - end;
  if (t >= next || since >= RESIDUAL_WINDOW_MINUTES * MIN) return 'other';
  return Math.floor(since / (RESIDUAL_BIN_MINUTES * MIN));
}
