import type { CellShape, HotspotLayer } from '../../shared/observatory.js';
import type { AnalysisResults } from './jobs.js';
import { exportName } from './export-name.js';

/** RFC 7946 Polygon of a cell: [lng, lat], exterior ring counter-clockwise, closed. */
export function cellPolygon(c: CellShape): { type: 'Polygon'; coordinates: number[][][] } {
  const [[s, w], [n, e]] = c.bounds;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}

/**
 * A layer as a GeoJSON FeatureCollection (RFC 7946): one Polygon per cell with the cell's
 * figures as properties, and the figure's `meta` (source, period, n, method) as a foreign
 * member of the collection, which GIS tools keep and ignore.
 */
export function geojsonFor<A extends 'hotspots' | 'emerging'>(
  analysis: A,
  result: AnalysisResults[A],
  layer: HotspotLayer,
): { name: string; text: string } {
  const base = (c: CellShape) => ({ id: c.id, areaId: c.areaId, centre: c.centre });
  const features =
    analysis === 'hotspots'
      ? (result as AnalysisResults['hotspots']).cells.map((c) => ({
          type: 'Feature' as const,
          id: c.id,
          geometry: cellPolygon(c),
          properties: {
            ...base(c),
            value: c.value,
            count: c.count,
            z: c.z,
            p: c.p,
            q: c.q,
            class: c.class,
            sources: c.sources,
          },
        }))
      : (result as AnalysisResults['emerging']).cells.map((c) => ({
          type: 'Feature' as const,
          id: c.id,
          geometry: cellPolygon(c),
          properties: {
            ...base(c),
            kind: c.kind,
            pattern: c.pattern,
            trend: c.trend,
            hotSlices: c.hotSlices,
            coldSlices: c.coldSlices,
          },
        }));
  const { cells: _cells, ...about } = result;
  const collection = { type: 'FeatureCollection', ...about, features };
  return {
    name: exportName(analysis, result.meta, layer, 'geojson'),
    text: JSON.stringify(collection),
  };
}
