import { twoSidedP } from './normal.js';

/** The Mann–Kendall trend test of a series against its order. */
export interface MannKendall {
  /** Σ over i < j of sign(yⱼ − yᵢ) */
  s: number;
  /** Kendall's tau-b of (order, y), the value R reports (ties only in y: S / √(T₀ (T₀ − T_y))) */
  tau: number;
  /** variance of S under no trend, with the correction for ties in y */
  varS: number;
  /** S / √var S, no continuity correction */
  z: number;
  /** two-sided normal p-value */
  p: number;
}

const NO_TREND: MannKendall = { s: 0, tau: 0, varS: 0, z: 0, p: 1 };

/**
 * Mann (1945), Kendall (1975): the numbers R gives for
 * `cor.test(seq_along(y), y, method = "kendall", exact = FALSE)`, i.e. the normal
 * approximation without continuity correction at every length, with
 *
 *   var S = (n(n−1)(2n+5) − Σₜ t(t−1)(2t+5)) / 18   (t: sizes of the groups of tied values)
 *
 * (R's general formula reduces to this because the order has no ties). Fewer than 3 values or a
 * constant series carry no evidence of a trend: S, tau and z are 0 and p is 1 (R would answer
 * NA or stop).
 */
export function mannKendall(y: ArrayLike<number>): MannKendall {
  const n = y.length;
  if (n < 3) return NO_TREND;
  let s = 0;
  for (let i = 0; i < n - 1; i++) {
    const yi = y[i]!;
    for (let j = i + 1; j < n; j++) {
      const d = y[j]! - yi;
      s += d > 0 ? 1 : d < 0 ? -1 : 0;
    }
  }
  const sorted = Array.from(y).sort((a, b) => a - b);
  let tieVar = 0;
  let tiePairs = 0;
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    const t = j - i;
    tieVar += t * (t - 1) * (2 * t + 5);
    tiePairs += (t * (t - 1)) / 2;
    i = j;
  }
  const pairs = (n * (n - 1)) / 2;
  const varS = (n * (n - 1) * (2 * n + 5) - tieVar) / 18;
  if (!(varS > 0) || tiePairs === pairs) return NO_TREND;
  const z = s / Math.sqrt(varS);
  return { s, tau: s / Math.sqrt(pairs * (pairs - tiePairs)), varS, z, p: twoSidedP(z) };
}
