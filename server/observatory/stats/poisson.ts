import { betaQuantile, gammaQuantile } from './special.js';

/** An estimate with its two-sided confidence interval. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * The exact (Garwood 1936) interval for the mean of a Poisson count x, as R's
 * `poisson.test(x)$conf.int`: [qgamma(α/2, x), qgamma(1 − α/2, x + 1)], with 0 as the lower end
 * when x = 0. Central, so each tail holds at most α/2.
 */
export function poissonInterval(x: number, level = 0.95): Interval {
  const alpha = 1 - level;
  return {
    low: x === 0 ? 0 : gammaQuantile(alpha / 2, x),
    high: gammaQuantile(1 - alpha / 2, x + 1),
  };
}

export interface RateRatio extends Interval {
  /** a / b; Infinity when b = 0 */
  ratio: number;
}

/**
 * The rate ratio of two Poisson counts (a over time ta, against b over time tb), with the exact
 * interval R gives for `poisson.test(c(a, b), T = c(ta, tb))`: conditional on the total
 * n = a + b, a is binomial with π = r·ta / (r·ta + tb), so the Clopper–Pearson interval
 * [π_L, π_U] for a out of n maps to r ∈ [π_L / (1 − π_L), π_U / (1 − π_U)] · tb / ta. With b = 0
 * the ratio and the upper end are Infinity; with no counts at all there is nothing to compare
 * and the answer is null (R stops there).
 */
export function rateRatio(
  a: number,
  b: number,
  exposure: { ta: number; tb: number } = { ta: 1, tb: 1 },
  level = 0.95,
): RateRatio | null {
  const n = a + b;
  const scale = exposure.tb / exposure.ta;
  if (n === 0) return null;
  const alpha = 1 - level;
  const pLow = a === 0 ? 0 : betaQuantile(alpha / 2, a, n - a + 1);
  const pHigh = a === n ? 1 : betaQuantile(1 - alpha / 2, a + 1, n - a);
  return {
    ratio: b === 0 ? Infinity : (a / b) * scale,
    low: (pLow / (1 - pLow)) * scale,
    high: pHigh === 1 ? Infinity : (pHigh / (1 - pHigh)) * scale,
  };
}
