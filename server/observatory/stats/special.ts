/**
 * The special functions behind the exact Poisson and binomial intervals: log-gamma, the
 * regularised incomplete gamma and beta functions, and their quantiles. Accuracy: lgamma to
 * about 1e-15 relative; the incomplete functions to about 1e-13 relative for the integer
 * arguments the intervals use (counts up to 10⁶); quantiles by bisection to 1e-13 relative, so
 * an interval end agrees with R's qgamma/qbeta far inside the 1e-6 the tests allow.
 */
const EPS = 1e-16;
const TINY = 1e-300;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0: Stirling's series from 10 up, the recurrence Γ(x+1) = xΓ(x) below. */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  let shift = 0;
  while (x < 10) {
    shift += Math.log(x);
    x += 1;
  }
  const r = 1 / x;
  const r2 = r * r;
  const series =
    r *
    (1 / 12 +
      r2 *
        (-1 / 360 +
          r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 / 156))))));
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series - shift;
}

/** Regularised lower incomplete gamma P(a, x) and its complement Q(a, x) = 1 − P(a, x). */
export function gammaPQ(a: number, x: number): { p: number; q: number } {
  if (x <= 0) return { p: 0, q: 1 };
  const front = Math.exp(-x + a * Math.log(x) - logGamma(a));
  if (x < a + 1) {
    // P by its power series
    let term = 1 / a;
    let sum = term;
    for (let k = 1; k < 100_000; k++) {
      term *= x / (a + k);
      sum += term;
      if (term < sum * EPS) break;
    }
    const p = sum * front;
    return { p, q: 1 - p };
  }
  // Q by its continued fraction (modified Lentz)
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  const q = front * h;
  return { p: 1 - q, q };
}

/** Regularised incomplete beta I_x(a, b). */
export function betaI(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x),
  );
  // the continued fraction converges fast on this side of the mean; use the symmetry otherwise
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
  return 1 - (front * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 100_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/**
 * The x in [lo, hi] where an increasing `cdf` reaches `p`, by bisection. Below the median it
 * compares the lower tail with p, above it the upper tail with 1 − p, so a 97.5 % quantile is
 * found from a tail of 0.025 and keeps its digits.
 */
function bisect(
  tails: (x: number) => { lower: number; upper: number },
  p: number,
  lo: number,
  hi: number,
): number {
  const useUpper = p > 0.5;
  const target = useUpper ? 1 - p : p;
  for (let i = 0; i < 2000 && hi - lo > 1e-13 * Math.max(hi, 1e-300); i++) {
    const mid = (lo + hi) / 2;
    const t = tails(mid);
    const below = useUpper ? t.upper > target : t.lower < target;
    if (below) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The p quantile of a Gamma(shape a, rate 1), as R's `qgamma(p, a)`. */
export function gammaQuantile(p: number, a: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return Infinity;
  const tails = (x: number) => {
    const t = gammaPQ(a, x);
    return { lower: t.p, upper: t.q };
  };
  let hi = Math.max(1, 2 * a);
  while (tails(hi).lower < p) hi *= 2;
  return bisect(tails, p, 0, hi);
}

/** The p quantile of a Beta(a, b), as R's `qbeta(p, a, b)`. */
export function betaQuantile(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return bisect(
    // the upper tail from the mirrored function, not 1 − lower, to keep its digits
    (x) => ({ lower: betaI(x, a, b), upper: betaI(1 - x, b, a) }),
    p,
    0,
    1,
  );
}
