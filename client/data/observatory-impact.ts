import type {
  EvaluationRequest,
  EvaluationResult,
  Trial,
} from '../../shared/observatory-evaluation.js';
import { bbox } from '../../shared/geo.js';
import type { AreaFeature } from '../../shared/types.js';
import { call } from './api.js';

/** What the before / after view proposes: the first plan's day, the city's catchment ring. */
export interface EvaluationDefaults {
  interventionDate: string | null;
  ring: { inner: number; outer: number };
}

/** Before / after with displacement and the randomised plan mode (server/observatory/impact). */
export const impactApi = {
  defaults: () => call<EvaluationDefaults>('GET', '/observatory/evaluation/defaults'),
  evaluate: (req: EvaluationRequest) =>
    call<EvaluationResult>('POST', '/observatory/evaluation', req),
  trials: () =>
    call<{ trials: Trial[]; units: { id: string; label: string }[] }>('GET', '/observatory/trials'),
  /** analysts and admins only */
  startTrial: (seed?: number) =>
    call<Trial>('POST', '/observatory/trials', seed === undefined ? {} : { seed }),
  endTrial: (id: string) =>
    call<Trial>('POST', `/observatory/trials/${encodeURIComponent(id)}/end`, {}),
};

/** Metres per degree of latitude, as the server's grid (server/hotspots/grid.ts) measures. */
const METRES_PER_DEGREE = 111_195;

/** The city's grid as the server lays it (server/hotspots/grid.ts): 150 m cells from the south-west. */
function gridOf(areas: readonly AreaFeature[], cellMetres: number) {
  const box = bbox(areas.flatMap((a) => a.geometry.coordinates[0] ?? []));
  const midLat = (box.minLat + box.maxLat) / 2;
  return {
    south: box.minLat,
    west: box.minLng,
    latStep: cellMetres / METRES_PER_DEGREE,
    lngStep: cellMetres / (METRES_PER_DEGREE * Math.cos((midLat * Math.PI) / 180)),
  };
}

/**
 * The hot-spot grid's cell id holding a point, the same grid the server's analyses use. The
 * server checks every id it is sent, so a cell outside the study region is refused there.
 */
export function cellIdAt(
  areas: readonly AreaFeature[],
  p: { lat: number; lng: number },
  cellMetres = 150,
): string | null {
  if (areas.length === 0) return null;
  const g = gridOf(areas, cellMetres);
  const row = Math.floor((p.lat - g.south) / g.latStep);
  const col = Math.floor((p.lng - g.west) / g.lngStep);
  return row < 0 || col < 0 ? null : `c${row}-${col}`;
}

/** A cell's square, [[south, west], [north, east]], to draw a marked cell before any answer. */
export function cellBounds(
  areas: readonly AreaFeature[],
  id: string,
  cellMetres = 150,
): [[number, number], [number, number]] | null {
  const m = /^c(\d+)-(\d+)$/.exec(id);
  if (!m || areas.length === 0) return null;
  const g = gridOf(areas, cellMetres);
  const south = g.south + Number(m[1]) * g.latStep;
  const west = g.west + Number(m[2]) * g.lngStep;
  return [
    [south, west],
    [south + g.latStep, west + g.lngStep],
  ];
}
