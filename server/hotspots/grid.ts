import { bbox } from '../../shared/geo.js';
import type { AreaFeature, GeoPoint } from '../../shared/types.js';

/** Metres per degree of latitude on the sphere `shared/geo.ts` measures with. */
const METRES_PER_DEGREE = 111_195;

/** Micro-places: square cells of about this side, the scale of a block face or a corner. */
export const CELL_METRES = 150;

/**
 * A regular grid over the city's bounding box. Cells are equal steps of latitude and
 * longitude (square on the ground at the city's mean latitude); at city scale the error of
 * that flat approximation is a few centimetres per cell.
 */
export interface Grid {
  south: number;
  west: number;
  latStep: number;
  lngStep: number;
  rows: number;
  cols: number;
}

export interface CellRef {
  row: number;
  col: number;
}

export function gridFor(areas: readonly AreaFeature[], cellMetres = CELL_METRES): Grid {
  const box = bbox(areas.flatMap((a) => a.geometry.coordinates[0] ?? []));
  const midLat = (box.minLat + box.maxLat) / 2;
  const latStep = cellMetres / METRES_PER_DEGREE;
  const lngStep = cellMetres / (METRES_PER_DEGREE * Math.cos((midLat * Math.PI) / 180));
  return {
    south: box.minLat,
    west: box.minLng,
    latStep,
    lngStep,
    rows: Math.max(1, Math.ceil((box.maxLat - box.minLat) / latStep)),
    cols: Math.max(1, Math.ceil((box.maxLng - box.minLng) / lngStep)),
  };
}

/** The cell holding `p`, or null outside the grid (an alert raised beyond the city). */
export function cellOf(grid: Grid, p: GeoPoint): CellRef | null {
  const row = Math.floor((p.lat - grid.south) / grid.latStep);
  const col = Math.floor((p.lng - grid.west) / grid.lngStep);
  if (row < 0 || col < 0 || row >= grid.rows || col >= grid.cols) return null;
  return { row, col };
}

export function cellCentre(grid: Grid, c: CellRef): GeoPoint {
  return {
    lat: round6(grid.south + (c.row + 0.5) * grid.latStep),
    lng: round6(grid.west + (c.col + 0.5) * grid.lngStep),
  };
}

/** Stable while the city's outline is: `c<row>-<col>`, counted from the south-west corner. */
export function cellId(c: CellRef): string {
  return `c${c.row}-${c.col}`;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
