import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mannKendall } from './mann-kendall.js';
import { poissonInterval, rateRatio } from './poisson.js';

/**
 * Against R (server/observatory/reference/temporal.R; fixtures written with 15 significant
 * digits). Tolerances: Mann–Kendall S exactly, tau, z and p to 1e-9 relative (p also 1e-15
 * absolute near 1); the exact Poisson interval ends and rate ratios to 1e-6 relative.
 */
interface Fixture {
  mann_kendall: { name: string; y: number[]; s: number; tau: number; z: number; p: number }[];
  poisson_single: { x: number; low: number; high: number }[];
  poisson_ratio: {
    a: number;
    b: number;
    ta: number;
    tb: number;
    ratio: number | null;
    low: number | null;
    high: number | null;
  }[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../reference/fixtures/temporal.json', import.meta.url), 'utf8'),
) as Fixture;

function close(actual: number, expected: number, relative: number, absolute = 0): void {
  const tolerance = Math.max(absolute, relative * Math.abs(expected));
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

const orInfinity = (v: number | null): number => (v === null ? Infinity : v);

describe('Mann–Kendall against R cor.test(kendall, exact = FALSE)', () => {
  for (const ref of fixture.mann_kendall) {
    it(`${ref.name} (n = ${ref.y.length})`, () => {
      const mk = mannKendall(ref.y);
      expect(mk.s).toBe(ref.s);
      close(mk.tau, ref.tau, 1e-9);
      close(mk.z, ref.z, 1e-9);
      close(mk.p, ref.p, 1e-9, 1e-15);
    });
  }

  it('gives no trend for fewer than 3 values or a constant series', () => {
    for (const y of [[], [1], [1, 2], [3, 3, 3, 3]]) {
      expect(mannKendall(y)).toMatchObject({ s: 0, tau: 0, z: 0, p: 1 });
    }
  });
});

describe('exact Poisson intervals against R poisson.test', () => {
  for (const ref of fixture.poisson_single) {
    it(`x = ${ref.x}`, () => {
      const ci = poissonInterval(ref.x);
      close(ci.low, ref.low, 1e-6, 1e-12);
      close(ci.high, ref.high, 1e-6);
    });
  }

  for (const ref of fixture.poisson_ratio) {
    it(`rate ratio ${ref.a} in ${ref.ta} over ${ref.b} in ${ref.tb}`, () => {
      const rr = rateRatio(ref.a, ref.b, { ta: ref.ta, tb: ref.tb })!;
      for (const [mine, theirs] of [
        [rr.ratio, orInfinity(ref.ratio)],
        [rr.low, orInfinity(ref.low)],
        [rr.high, orInfinity(ref.high)],
      ] as const) {
        if (theirs === Infinity) expect(mine).toBe(Infinity);
        else close(mine, theirs, 1e-6, 1e-12);
      }
    });
  }

  it('has nothing to compare without counts', () => {
    expect(rateRatio(0, 0)).toBeNull();
  });
});
