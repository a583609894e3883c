import type { Interval } from '../stats/poisson.js';

/**
 * A share of answers is shown only when at least this many people answered: below it the
 * Wilson interval spans most of [0, 1] and a single answer moves the share by 10 points or more.
 */
export const MIN_ANSWERS = 10;

/** qnorm(0.975): the two-sided 95 % normal quantile, to double precision. */
export const Z_95 = 1.959963984540054;

/**
 * The Wilson (1927) score interval for a proportion x / n, as R's
 * `prop.test(x, n, correct = FALSE)$conf.int`:
 *
 *   (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n)
 *
 * Unlike p̂ ± z·√(p̂(1 − p̂)/n) it never leaves [0, 1] and is not zero-width at 0 or n answers,
 * which is what a place with few, unanimous answers has. R clamps the ends to [0, 1]; so does
 * this (they only leave it by rounding). With no answers there is no share: null.
 */
export function wilsonInterval(x: number, n: number, z = Z_95): Interval | null {
  if (!(n > 0) || x < 0 || x > n) return null;
  const p = x / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const scale = 1 + z2 / n;
  return {
    low: x === 0 ? 0 : Math.max(0, (centre - half) / scale),
    high: x === n ? 1 : Math.min(1, (centre + half) / scale),
  };
}

/** A share with its interval, or the reason it is not shown. */
export type Share =
  | { shown: true; x: number; n: number; share: number; low: number; high: number }
  | { shown: false; x: number; n: number };

/** x of n with its 95 % Wilson interval, withheld below `MIN_ANSWERS` answers. */
export function shareOf(x: number, n: number, min = MIN_ANSWERS): Share {
  const ci = n >= min ? wilsonInterval(x, n) : null;
  return ci ? { shown: true, x, n, share: x / n, ...ci } : { shown: false, x, n };
}
