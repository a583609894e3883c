import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ascending, quantile, spread } from './quantile.js';

/**
 * The quantile behind every median and 90th percentile, against R's `quantile(type = 7)`
 * (reference/evaluation.R, 15 significant digits), to 1e-9 relative.
 */
const fixture = JSON.parse(
  readFileSync(new URL('../reference/fixtures/evaluation.json', import.meta.url), 'utf8'),
) as { quantiles: { values: number[]; p50: number; p90: number; p10: number }[] };

describe('quantiles against R quantile(type = 7)', () => {
  for (const [i, ref] of fixture.quantiles.entries()) {
    it(`vector ${i} (n = ${ref.values.length})`, () => {
      const s = ascending(ref.values);
      for (const [p, want] of [
        [0.5, ref.p50],
        [0.9, ref.p90],
        [0.1, ref.p10],
      ] as const) {
        const got = quantile(s, p)!;
        expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
      }
    });
  }
  it('has none for no values', () => {
    expect(spread([])).toEqual({ n: 0, median: null, p90: null });
  });
});
