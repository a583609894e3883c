import { describe, expect, it } from 'vitest';
import type { HotspotCell, HotspotResult, HourWeekResult } from '../../shared/observatory.js';
import { suppressCells, suppressHours, suppressTable } from './privacy.js';

const meta = {
  sources: ['alerts' as const],
  from: '2026-01-01',
  to: '2026-01-31',
  n: 40,
  method: 'hour_week_counts' as const,
  computedAt: '2026-02-01T00:00:00.000Z',
  suppressedBelow: 0,
};

const table = (cells: [number, number, number][]) => {
  const t = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const [w, h, v] of cells) t[w]![h] = v;
  return t;
};

describe('suppressTable', () => {
  it('hides every hour under the minimum, zeros included, and keeps the rest', () => {
    const t = suppressTable(
      table([
        [0, 3, 4],
        [0, 4, 5],
        [6, 23, 12],
      ]),
      5,
    );
    expect(t[0]![3]).toBeNull();
    expect(t[0]![4]).toBe(5);
    expect(t[6]![23]).toBe(12);
    expect(t[2]![2]).toBeNull();
  });
});

describe('suppressHours', () => {
  const r: HourWeekResult = {
    meta,
    counts: table([
      [0, 3, 4],
      [0, 4, 30],
      [1, 1, 6],
    ]),
    previous: { from: '2025-12-01', to: '2025-12-31', n: 9, counts: table([[2, 2, 9]]) },
    coverage: { planned: table([]).map((row) => row.map(() => true)), uncovered: 4, share: 0.1 },
  };
  const out = suppressHours(r, 5);

  it('counts only what it shows and says what it hid below', () => {
    expect(out.meta.n).toBe(36);
    expect(out.meta.suppressedBelow).toBe(5);
    expect(out.previous.n).toBe(9);
    expect(out.counts[0]![3]).toBeNull();
  });

  it('hides a coverage gap under the minimum too', () => {
    expect(out.coverage).toMatchObject({ uncovered: 0, share: 0 });
    expect(
      suppressHours({ ...r, coverage: { ...r.coverage, uncovered: 7 } }, 5).coverage,
    ).toMatchObject({ uncovered: 7, share: 0.1 });
  });
});

describe('suppressCells', () => {
  const cell = (id: string, count: number | null): HotspotCell => ({
    id,
    areaId: 'area-1',
    centre: { lat: -32.9, lng: -68.8 },
    bounds: [
      [-32.9007, -68.8008],
      [-32.8993, -68.7992],
    ],
    value: count ?? 0,
    count,
    z: 3.1,
    p: 0.001,
    q: 0.01,
    class: 'hot99',
    sources: ['alerts'],
  });
  const r: HotspotResult = {
    meta: { ...meta, method: 'gi_star_permutation_fdr' },
    layer: 'count',
    cellMetres: 150,
    studyCells: 3,
    permutations: 999,
    seed: 1,
    cells: [cell('c1-1', 4), cell('c1-2', 5), cell('c1-3', null), cell('c1-4', 11)],
  };

  it('leaves out cells under the minimum and sends squares with a count and class only', () => {
    const out = suppressCells(r, 5);
    expect(out.cells.map((c) => c.id)).toEqual(['c1-2', 'c1-4']);
    expect(out.meta).toMatchObject({ n: 16, suppressedBelow: 5 });
    for (const c of out.cells)
      expect(Object.keys(c).sort()).toEqual(['areaId', 'bounds', 'centre', 'class', 'count', 'id']);
  });
});
