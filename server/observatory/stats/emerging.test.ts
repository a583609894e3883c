import { describe, expect, it } from 'vitest';
import { classifyCell, emergingCube, MIN_SLICES, sliceStates } from './emerging.js';

/** Hand-built series of bin states (+1 hot, −1 cold, 0 neither), 20 slices, oldest first. */
const N = 20;
const series = (fill: number, set: Record<number, number> = {}): number[] => {
  const s = new Array<number>(N).fill(fill);
  for (const [t, v] of Object.entries(set)) s[Number(t) < 0 ? N + Number(t) : Number(t)] = v;
  return s;
};
const noTrend = { z: 0.4, p: 0.69 };
const rising = { z: 3.1, p: 0.002 };
const falling = { z: -3.1, p: 0.002 };

describe('the eight categories from hand-built series', () => {
  const cases: [string, number[], { z: number; p: number }, string | null][] = [
    ['new hot: hot only in the final slice', series(0, { [-1]: 1 }), noTrend, 'hot new'],
    [
      'consecutive hot: a final run of 3, never hot before',
      series(0, { [-3]: 1, [-2]: 1, [-1]: 1 }),
      rising,
      'hot consecutive',
    ],
    ['intensifying hot: every slice hot, z rising', series(1), rising, 'hot intensifying'],
    [
      'persistent hot: 19 of 20 hot incl. the final, no trend',
      series(1, { 7: 0 }),
      noTrend,
      'hot persistent',
    ],
    ['persistent hot at exactly 90 %', series(1, { 3: 0, 9: 0 }), noTrend, 'hot persistent'],
    ['diminishing hot: every slice hot, z falling', series(1), falling, 'hot diminishing'],
    [
      'sporadic hot: on and off, hot at the end, never cold',
      series(0, { 2: 1, 5: 1, 11: 1, [-1]: 1 }),
      noTrend,
      'hot sporadic',
    ],
    [
      'sporadic hot: a final run after an earlier hot slice',
      series(0, { 4: 1, [-2]: 1, [-1]: 1 }),
      noTrend,
      'hot sporadic',
    ],
    [
      'oscillating hot: cold earlier, hot at the end',
      series(0, { 1: -1, 6: 1, [-1]: 1 }),
      noTrend,
      'hot oscillating',
    ],
    [
      'historical hot: hot in 90 %, not in the final slice',
      series(1, { 4: 0, [-1]: 0 }),
      falling,
      'hot historical',
    ],
    ['new cold', series(0, { [-1]: -1 }), noTrend, 'cold new'],
    ['consecutive cold', series(0, { [-2]: -1, [-1]: -1 }), noTrend, 'cold consecutive'],
    ['intensifying cold: every slice cold, z falling', series(-1), falling, 'cold intensifying'],
    ['persistent cold', series(-1, { 0: 0 }), noTrend, 'cold persistent'],
    ['diminishing cold: every slice cold, z rising', series(-1), rising, 'cold diminishing'],
    ['sporadic cold', series(0, { 3: -1, 9: -1, [-1]: -1 }), noTrend, 'cold sporadic'],
    [
      'oscillating cold: hot earlier, cold at the end',
      series(0, { 2: 1, 8: -1, [-1]: -1 }),
      noTrend,
      'cold oscillating',
    ],
    ['historical cold', series(-1, { [-1]: 0 }), noTrend, 'cold historical'],
    ['no pattern: never significant', series(0), noTrend, null],
    [
      'no pattern: hot on and off but not in the final slice',
      series(0, { 3: 1, 9: 1 }),
      rising,
      null,
    ],
    [
      'no pattern: hot in 85 % and not in the final slice',
      series(1, { 0: 0, 1: 0, [-1]: 0 }),
      noTrend,
      null,
    ],
  ];
  for (const [name, states, trend, expected] of cases) {
    it(name, () => {
      const got = classifyCell(states, trend);
      expect(got ? `${got.kind} ${got.pattern}` : null).toBe(expected);
    });
  }

  it('a hot spot in 85 % of the slices with a final run is not "most": sporadic', () => {
    expect(classifyCell(series(1, { 0: 0, 1: 0, 5: 0 }), noTrend)?.pattern).toBe('sporadic');
  });

  it('forms no pattern from fewer than MIN_SLICES slices', () => {
    expect(classifyCell(new Array<number>(MIN_SLICES - 1).fill(1), noTrend)).toBeNull();
  });
});

describe('the cube', () => {
  // a 9 × 9 grid, queen neighbours with the cell itself
  const side = 9;
  const neighbours = Array.from({ length: side * side }, (_, i) => {
    const r = Math.floor(i / side);
    const c = i % side;
    const out: number[] = [];
    for (let dr = -1; dr <= 1; dr++)
      for (let dc = -1; dc <= 1; dc++) {
        const rr = r + dr;
        const cc = c + dc;
        if (rr >= 0 && cc >= 0 && rr < side && cc < side) out.push(rr * side + cc);
      }
    return Int32Array.from(out);
  });
  const centre = 4 * side + 4;

  it('finds an intensifying hot spot where a block of cells concentrates week after week', () => {
    const slices = Array.from({ length: 16 }, (_, t) => {
      // a checkerboard of 0 and 2 around a block that grows: the block stands out more each week
      const counts = Float64Array.from({ length: side * side }, (_, i) => 2 * (i % 2));
      for (const j of neighbours[centre]!) counts[j] = 6 + t;
      return counts;
    });
    const cells = emergingCube(slices, neighbours);
    const middle = cells.find((c) => c.index === centre);
    expect(middle).toMatchObject({ kind: 'hot', pattern: 'intensifying', hotSlices: 16 });
    expect(middle!.trend.p).toBeLessThan(0.05);
    // the corners, far from the block, are never hot
    expect(cells.find((c) => c.index === 0)?.kind ?? 'none').not.toBe('hot');
  });

  it('reads a block that only scales as persistent (equal z-scores are ties, not noise)', () => {
    const slices = Array.from({ length: 16 }, (_, t) => {
      const counts = new Float64Array(side * side).fill(1);
      for (const j of neighbours[centre]!) counts[j] = 4 + t;
      return counts;
    });
    const middle = emergingCube(slices, neighbours).find((c) => c.index === centre);
    expect(middle).toMatchObject({ kind: 'hot', pattern: 'persistent', trend: { s: 0, p: 1 } });
  });

  it('finds nothing in a week without incidents (no variance: z = 0, p = 1)', () => {
    expect([...sliceStates(new Float64Array(10))]).toEqual(new Array(10).fill(0));
    const empty = Array.from({ length: 12 }, () => new Float64Array(side * side));
    expect(emergingCube(empty, neighbours)).toEqual([]);
  });

  it('applies BH within the slice: a z that is significant alone may not be after correction', () => {
    // one z of 2.2 (p ≈ 0.028) among 50 non-significant cells: BH q = 50 × 0.028 > 0.05
    const z = new Float64Array(50).fill(0.1);
    z[0] = 2.2;
    expect(sliceStates(z)[0]).toBe(0);
    z[0] = 4.5;
    expect(sliceStates(z)[0]).toBe(1);
  });
});
