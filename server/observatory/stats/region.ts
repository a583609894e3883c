import { areaForPoint } from '../../../shared/geo.js';
import type { CellShape } from '../../../shared/observatory.js';
import type { AreaFeature, GeoPoint } from '../../../shared/types.js';
import { cellCentre, cellId, cellOf, gridFor, type Grid } from '../../hotspots/grid.js';

/**
 * The study region: the hot-spot grid masked to the city's outline. A cell belongs to it when
 * its centroid lies inside one of the city's areas; cells outside (fields, the mountain, the
 * next municipality) are not part of what is compared, so they neither dilute the city's mean
 * nor count as a neighbour.
 */
export interface StudyRegion {
  grid: Grid;
  /** the region's cells, in row-major order of the grid */
  cells: CellShape[];
  /** grid index (row × cols + col) → region index, −1 outside the region */
  index: Int32Array;
  /**
   * Queen contiguity with the cell itself included (Gi*): for region cell i, the region
   * indices of i and of its up to 8 neighbours that are in the region. Binary weights.
   */
  neighbours: Int32Array[];
}

export function studyRegion(areas: readonly AreaFeature[], grid = gridFor(areas)): StudyRegion {
  const index = new Int32Array(grid.rows * grid.cols).fill(-1);
  const cells: CellShape[] = [];
  for (let row = 0; row < grid.rows; row++) {
    for (let col = 0; col < grid.cols; col++) {
      const ref = { row, col };
      const centre = cellCentre(grid, ref);
      const areaId = areaForPoint(centre, areas as AreaFeature[]);
      if (!areaId) continue;
      index[row * grid.cols + col] = cells.length;
      const south = grid.south + row * grid.latStep;
      const west = grid.west + col * grid.lngStep;
      cells.push({
        id: cellId(ref),
        areaId,
        centre,
        bounds: [
          [round6(south), round6(west)],
          [round6(south + grid.latStep), round6(west + grid.lngStep)],
        ],
      });
    }
  }
  const neighbours = cells.map((_, i) => {
    const [row, col] = rowCol(cells[i]!.id);
    const out: number[] = [];
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        const r = row + dr;
        const c = col + dc;
        if (r < 0 || c < 0 || r >= grid.rows || c >= grid.cols) continue;
        const j = index[r * grid.cols + c]!;
        if (j >= 0) out.push(j);
      }
    }
    return Int32Array.from(out);
  });
  return { grid, cells, index, neighbours };
}

/** The region index of the cell holding `p`, or −1 outside the region. */
export function regionCellOf(region: StudyRegion, p: GeoPoint): number {
  const c = cellOf(region.grid, p);
  return c ? region.index[c.row * region.grid.cols + c.col]! : -1;
}

function rowCol(id: string): [number, number] {
  const [row, col] = id.slice(1).split('-').map(Number);
  return [row!, col!];
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
