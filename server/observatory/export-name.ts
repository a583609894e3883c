import type { FigureMeta, HotspotLayer } from '../../shared/observatory.js';
import type { Analysis } from './jobs.js';

/**
 * `sac-hotspots-count-2025-12-05-2026-12-04.csv`: the analysis, the layer for hot spots,
 * and the period, so that a folder of exports sorts and reads without opening them. Built
 * from validated values only (codes, ISO dates): safe in a header.
 */
export function exportName(
  analysis: Analysis,
  meta: FigureMeta,
  layer: HotspotLayer,
  ext: 'csv' | 'geojson',
): string {
  const what = analysis === 'hotspots' ? `hotspots-${layer}` : analysis;
  return `sac-${what}-${meta.from}-${meta.to}.${ext}`;
}
