import { describe, expect, it } from 'vitest';
import { demoAreas } from '../../shared/demo-city.js';
import { shiftWindow } from '../../shared/plan.js';
import { cellCentre, cellOf, gridFor, type Grid } from './grid.js';
import { GI_SIGNIFICANT, rankCells } from './ranking.js';
import { TYPE_WEIGHTS, weigherFor } from './weights.js';
import { hotspotsFor } from './index.js';

const areas = demoAreas();
const grid = gridFor(areas);

/** `n` incidents of `weight` at the centre of cell (row, col), nudged inside it. */
function at(g: Grid, row: number, col: number, n: number, weight = 1) {
  const c = cellCentre(g, { row, col });
  return Array.from({ length: n }, (_, i) => ({
    location: { lat: c.lat + (i % 3) * 1e-5, lng: c.lng - (i % 2) * 1e-5 },
    weight,
  }));
}

describe('the hot-spot grid', () => {
  it('covers the demo city with cells of about 150 m', () => {
    // 7 km × 5 km: 47 columns and 34 rows of 150 m.
    expect(grid.cols).toBe(47);
    expect(grid.rows).toBe(34);
    const c = cellCentre(grid, { row: 10, col: 20 });
    expect(cellOf(grid, c)).toEqual({ row: 10, col: 20 });
    expect(cellOf(grid, { lat: 0, lng: 0 })).toBeNull();
  });
});

describe('rankCells (Getis-Ord Gi*)', () => {
  it('ranks a persistent cluster above a single busier cell standing alone', () => {
    const cluster = [
      ...at(grid, 5, 5, 6),
      ...at(grid, 5, 6, 5),
      ...at(grid, 6, 5, 5),
      ...at(grid, 6, 6, 4),
    ];
    const lonely = at(grid, 25, 40, 8);
    const ranked = rankCells(grid, [...cluster, ...lonely]);
    expect(ranked[0]!.id).toBe('c5-5');
    expect(ranked[0]!.gi).toBeGreaterThan(GI_SIGNIFICANT);
    const lone = ranked.find((c) => c.id === 'c25-40')!;
    expect(lone.count).toBe(8);
    expect(lone.rank).toBeGreaterThan(4);
    expect(ranked.map((c) => c.rank)).toEqual(ranked.map((_, i) => i + 1));
  });

  it('returns only cells with incidents, weighs them and ignores points outside the city', () => {
    const ranked = rankCells(grid, [
      ...at(grid, 1, 1, 2, 3),
      ...at(grid, 30, 30, 1, 0.25),
      { location: { lat: 10, lng: 10 }, weight: 5 },
    ]);
    expect(ranked.map((c) => [c.id, c.count, c.weight])).toEqual([
      ['c1-1', 2, 6],
      ['c30-30', 1, 0.25],
    ]);
  });

  it('matches the textbook Gi* for one cell in a small grid', () => {
    const small: Grid = { ...grid, rows: 3, cols: 3 };
    // x = 9 in the middle cell, 0 elsewhere: n = 9, mean = 1, S² = 81/9 − 1 = 8;
    // middle: Σw = 9 → (9 − 9) / … = 0; corner: Σw = 4, local = 9 →
    // (9 − 4) / (√8 · √((9·4 − 16) / 8)) = 5 / (√8 · √2.5) = 1.118.
    const ranked = rankCells(small, at(small, 1, 1, 9));
    expect(ranked).toHaveLength(1);
    expect(ranked[0]!.gi).toBe(0);
    const corner = rankCells(small, [...at(small, 1, 1, 9), ...at(small, 0, 0, 1, 1e-9)]);
    expect(corner.find((c) => c.id === 'c0-0')!.gi).toBeCloseTo(1.118, 2);
  });

  it('returns nothing when there were no incidents', () => {
    expect(rankCells(grid, [])).toEqual([]);
  });
});

describe('incident weights for a shift', () => {
  const night = shiftWindow('2025-03-07', 'night'); // Friday 22:00 → Saturday 06:00
  const morning = shiftWindow('2025-03-04', 'morning'); // Tuesday 06:00 → 14:00

  it('weighs by type, hour of the shift and kind of day', () => {
    const robberySat4am = new Date('2025-03-01T07:00:00Z'); // Saturday 04:00 in Mendoza
    expect(weigherFor(night)('general', robberySat4am)).toBe(TYPE_WEIGHTS.general);
    expect(weigherFor(morning)('general', robberySat4am)).toBeCloseTo(3 * 0.3 * 0.6);
    expect(weigherFor(night)('medical', robberySat4am)).toBe(TYPE_WEIGHTS.medical);
    expect(TYPE_WEIGHTS.general).toBeGreaterThan(TYPE_WEIGHTS.medical);
  });

  it('reads only the 90 days before the shift', () => {
    const seen: string[] = [];
    const ranked = hotspotsFor(
      {
        incidentsSince: (since) => {
          seen.push(since);
          const c = cellCentre(grid, { row: 3, col: 4 });
          return [
            { type: 'general', status: 'resolved', receivedAt: '2025-03-01T07:00:00.000Z', ...c },
            { type: 'general', status: 'resolved', receivedAt: '2025-03-08T02:00:00.000Z', ...c }, // during the shift
          ];
        },
      },
      areas,
      night,
    );
    expect(seen).toEqual([new Date(night.start.getTime() - 90 * 86_400_000).toISOString()]);
    expect(ranked).toHaveLength(1);
    expect(ranked[0]).toMatchObject({ id: 'c3-4', count: 1, weight: 3 });
  });
});
