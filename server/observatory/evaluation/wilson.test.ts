import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIN_ANSWERS, shareOf, wilsonInterval } from './wilson.js';

/**
 * Against R's `prop.test(x, n, correct = FALSE)$conf.int` (reference/evaluation.R, fixtures
 * with 15 significant digits) over n from 1 to 12 345 and x from 0 to n. Tolerance: 1e-9
 * absolute on both ends.
 */
const fixture = JSON.parse(
  readFileSync(new URL('../reference/fixtures/evaluation.json', import.meta.url), 'utf8'),
) as { wilson: { x: number; n: number; low: number; high: number }[] };

describe('Wilson score intervals against R prop.test', () => {
  it('has a grid with 0 and n', () => {
    expect(fixture.wilson.length).toBeGreaterThan(60);
    expect(fixture.wilson.some((r) => r.x === 0)).toBe(true);
    expect(fixture.wilson.some((r) => r.x === r.n && r.n > 100)).toBe(true);
  });
  for (const ref of fixture.wilson) {
    it(`${ref.x} of ${ref.n}`, () => {
      const ci = wilsonInterval(ref.x, ref.n)!;
      expect(Math.abs(ci.low - ref.low)).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(ci.high - ref.high)).toBeLessThanOrEqual(1e-9);
    });
  }

  it('has no interval without answers or with impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(3, 2)).toBeNull();
    expect(wilsonInterval(-1, 2)).toBeNull();
  });
});

describe('a share is shown only with enough answers', () => {
  it('withholds it below the minimum', () => {
    expect(MIN_ANSWERS).toBe(10);
    expect(shareOf(9, 9)).toEqual({ shown: false, x: 9, n: 9 });
    const ten = shareOf(5, 10);
    expect(ten).toMatchObject({ shown: true, x: 5, n: 10, share: 0.5 });
  });
});
