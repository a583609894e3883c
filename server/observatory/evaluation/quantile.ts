/**
 * Sample quantiles as R's `quantile(x, p, type = 7)` (its default, Hyndman & Fan's definition
 * 7): sort, h = (n − 1)·p, and interpolate linearly between the order statistics around h.
 * The median is the usual one (the mean of the middle two for even n); the 90th percentile
 * of 10 values lies nine tenths of the way from the 9th to the 10th. Chosen because it is
 * what R, NumPy and spreadsheets give by default, so an analyst can reproduce every figure.
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** A copy sorted ascending (numbers, not strings). */
export const ascending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

/** How many values, their median and 90th percentile (type 7). */
export interface Spread {
  n: number;
  median: number | null;
  p90: number | null;
}

export function spread(values: readonly number[]): Spread {
  const s = ascending(values);
  return { n: s.length, median: quantile(s, 0.5), p90: quantile(s, 0.9) };
}
