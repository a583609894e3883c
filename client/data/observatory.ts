import type {
  EmergingResult,
  HotspotLayer,
  HotspotResult,
  HourWeekResult,
  ObservatoryFilter,
  SilentCounts,
  TrendResult,
} from '../../shared/observatory.js';
import { call } from './api.js';

/** The observatory's figures (server/observatory routes), all read with the same filter. */

/** The filter as the routes read it: `from`, `to`, `type`, `area` (absent for the city). */
export function filterQuery(f: ObservatoryFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ from: f.from, to: f.to, type: f.type });
  if (f.areaId) params.set('area', f.areaId);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return `?${params.toString()}`;
}

/** The export files: every table as CSV, every layer as GeoJSON (same privacy rules). */
export type ExportName = 'hotspots' | 'emerging' | 'hours' | 'trends';

/** A link to an export with the filter on screen; the session cookie authorises it. */
export function exportUrl(
  name: ExportName,
  format: 'csv' | 'geojson',
  f: ObservatoryFilter,
  extra: Record<string, string> = {},
): string {
  return `/api/observatory/${name}.${format}${filterQuery(f, extra)}`;
}

export const observatoryApi = {
  hotspots: (f: ObservatoryFilter, layer: HotspotLayer) =>
    call<HotspotResult>('GET', `/observatory/hotspots${filterQuery(f, { layer })}`),
  emerging: (f: ObservatoryFilter) =>
    call<EmergingResult>('GET', `/observatory/emerging${filterQuery(f)}`),
  hours: (f: ObservatoryFilter) => call<HourWeekResult>('GET', `/observatory/hours${filterQuery(f)}`),
  trends: (f: ObservatoryFilter) => call<TrendResult>('GET', `/observatory/trends${filterQuery(f)}`),
  /** operators and admins only: an analyst is refused (403) */
  silent: (f: ObservatoryFilter) => call<SilentCounts>('GET', `/observatory/silent${filterQuery(f)}`),
};
