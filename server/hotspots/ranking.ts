import type { GeoPoint } from '../../shared/types.js';
import { cellCentre, cellId, cellOf, type CellRef, type Grid } from './grid.js';

/** An incident with the weight the caller gave it (type, hour of day, day of week). */
export interface WeightedPoint {
  location: GeoPoint;
  weight: number;
}

export interface RankedCell extends CellRef {
  id: string;
  centre: GeoPoint;
  /** incidents in the cell */
  count: number;
  /** their summed weights */
  weight: number;
  /** Getis-Ord Gi* z-score: how far the cell and its 8 neighbours exceed the city's mean */
  gi: number;
  /** 1 = hottest */
  rank: number;
}

/** z ≥ 1.96: a hot spot at the 95 % level (two-sided), the usual reading of Gi*. */
export const GI_SIGNIFICANT = 1.96;

/**
 * Ranks the grid's cells that hold incidents. Hotness is Getis-Ord Gi* (Getis & Ord 1992,
 * Ord & Getis 1995) of the weighted counts with queen contiguity (the cell and its 8
 * neighbours, weight 1), over every cell of the grid, empty ones included: a cell ranks high
 * when it and its surroundings hold much more than the city's mean, so one isolated incident
 * does not outrank a persistent cluster. Ties (and a city with no variance) fall back to the
 * cell's own weight, then to its id, so the order is total and reproducible.
 */
export function rankCells(grid: Grid, incidents: readonly WeightedPoint[]): RankedCell[] {
  const n = grid.rows * grid.cols;
  const x = new Float64Array(n);
  const counts = new Uint32Array(n);
  for (const i of incidents) {
    const c = cellOf(grid, i.location);
    if (!c || !(i.weight > 0)) continue;
    x[c.row * grid.cols + c.col]! += i.weight;
    counts[c.row * grid.cols + c.col]! += 1;
  }
  let sum = 0;
  let sumSq = 0;
  for (const v of x) {
    sum += v;
    sumSq += v * v;
  }
  const mean = sum / n;
  const s = Math.sqrt(Math.max(0, sumSq / n - mean * mean));

  const cells: RankedCell[] = [];
  for (let row = 0; row < grid.rows; row++) {
    for (let col = 0; col < grid.cols; col++) {
      const idx = row * grid.cols + col;
      if (counts[idx] === 0) continue;
      let local = 0;
      let w = 0; // Σ w_ij; with binary weights Σ w_ij² is the same number
      for (let dr = -1; dr <= 1; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          const r = row + dr;
          const c = col + dc;
          if (r < 0 || c < 0 || r >= grid.rows || c >= grid.cols) continue;
          local += x[r * grid.cols + c]!;
          w++;
        }
      }
      const denominator = s * Math.sqrt((n * w - w * w) / (n - 1));
      const gi = denominator > 0 ? (local - mean * w) / denominator : 0;
      const ref = { row, col };
      cells.push({
        ...ref,
        id: cellId(ref),
        centre: cellCentre(grid, ref),
        count: counts[idx]!,
        weight: round3(x[idx]!),
        gi: round3(gi),
        rank: 0,
      });
    }
  }
  cells.sort((a, b) => b.gi - a.gi || b.weight - a.weight || a.id.localeCompare(b.id));
  cells.forEach((c, i) => (c.rank = i + 1));
  return cells;
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
