import { pointInPolygon } from '../../../shared/geo.js';
import type { CellShape } from '../../../shared/observatory.js';
import type { AreaFeature, GeoPoint } from '../../../shared/types.js';
import {
  cellCentre,
  cellId,
  cellOf,
  gridFor,
  type CellRef,
  type Grid,
} from '../../hotspots/grid.js';

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
  const areaOf: (string | null)[] = [];
  for (let row = 0; row < grid.rows; row++) {
    for (let col = 0; col < grid.cols; col++) {
      areaOf.push(areaHolding(cellCentre(grid, { row, col }), areas));
    }
  }
  return regionFromMask(grid, areaOf);
}

/**
 * The region of the grid cells a mask keeps: `areaOf[row × cols + col]` names the area a cell
 * belongs to, or is null for a cell outside the study region. `studyRegion` masks by the
 * city's areas; the reference tests mask by hand-drawn grids.
 */
export function regionFromMask(grid: Grid, areaOf: readonly (string | null)[]): StudyRegion {
  if (areaOf.length !== grid.rows * grid.cols) {
    throw new RangeError(`mask has ${areaOf.length} cells, the grid ${grid.rows * grid.cols}`);
  }
  const index = new Int32Array(grid.rows * grid.cols).fill(-1);
  const cells: CellShape[] = [];
  const refs: CellRef[] = [];
  for (let row = 0; row < grid.rows; row++) {
    for (let col = 0; col < grid.cols; col++) {
      const ref = { row, col };
      const areaId = areaOf[row * grid.cols + col];
      if (!areaId) continue;
      index[row * grid.cols + col] = cells.length;
      refs.push(ref);
      const south = grid.south + row * grid.latStep;
      const west = grid.west + col * grid.lngStep;
      cells.push({
        id: cellId(ref),
        areaId,
        centre: cellCentre(grid, ref),
        bounds: [
          [round6(south), round6(west)],
          [round6(south + grid.latStep), round6(west + grid.lngStep)],
        ],
      });
    }
  }
  const neighbours = refs.map(({ row, col }) => {
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

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * The area whose polygon holds `p`, strictly: unlike `areaForPoint`, no nearest-area fallback,
 * which would pull cells beyond the city's edge (up to 2 km out) into the study region.
 */
function areaHolding(p: GeoPoint, areas: readonly AreaFeature[]): string | null {
  for (const area of areas) {
    const [outer, ...holes] = area.geometry.coordinates;
    if (!outer || !pointInPolygon(p, outer)) continue;
    if (!holes.some((hole) => pointInPolygon(p, hole))) return area.properties.id;
  }
  return null;
}

/**
 * A sub-region: the cells `keep` marks, with neighbour lists restricted to them. `members[k]`
 * is the region index of sub-region cell k. A layer that cannot be formed in some cells (a
 * rate without enough households) is compared over the cells where it can, so the left-out
 * cells neither pull the mean nor stand as neighbours.
 */
export function restrictNeighbours(
  neighbours: readonly Int32Array[],
  keep: ArrayLike<boolean>,
): { members: Int32Array; neighbours: Int32Array[] } {
  const position = new Int32Array(neighbours.length).fill(-1);
  const members: number[] = [];
  for (let i = 0; i < neighbours.length; i++) {
    if (keep[i]) {
      position[i] = members.length;
      members.push(i);
    }
  }
  return {
    members: Int32Array.from(members),
    neighbours: members.map((i) => {
      const out: number[] = [];
      for (const j of neighbours[i]!) if (position[j]! >= 0) out.push(position[j]!);
      return Int32Array.from(out);
    }),
  };
}
