import type { z } from 'zod';
import { HOTSPOT_LAYERS, OBSERVATORY_ROLES } from '../../../shared/observatory.js';
import { INCIDENT_TYPES, MAX_SPAN_DAYS, observatoryQuery } from '../../observatory/query.js';
import { responseBy } from '../../observatory/response/routes.js';
import { STAFF } from '../context.js';
import type { Media, RouteDoc } from './types.js';

/** What the observatory's query schema leaves to `parseQuery`, said once for every analysis. */
export const PERIOD_NOTES = {
  from: "YYYY-MM-DD, the city's calendar; default: a year before `to`",
  to: `YYYY-MM-DD; default: yesterday; at most ${MAX_SPAN_DAYS} days after \`from\``,
};
const NOTES = {
  ...PERIOD_NOTES,
  type: `\`all\` (default) or one of ${INCIDENT_TYPES.join(', ')}; silent alerts are never analysed`,
  area: 'an area id of the city; default: the whole city',
  layer: `one of ${HOTSPOT_LAYERS.join(', ')} (default \`count\`)`,
};
/** The same filter without the hot-spot layer, for the analyses that have none. */
const FILTER = observatoryQuery.omit({ layer: true });

const FILE: Record<'csv' | 'geojson', string> = {
  csv: 'UTF-8 CSV with a header row, as an attachment.',
  geojson: 'A GeoJSON FeatureCollection (RFC 7946), as an attachment.',
};

/** One analysis and its files: the JSON the screens draw, and each export of it. */
function analysis(
  name: string,
  summary: string,
  files: readonly ('csv' | 'geojson')[],
  query: z.ZodObject = FILTER,
  extra: Record<string, string> = {},
): RouteDoc[] {
  const one = (suffix: string, media: Media, description: string): RouteDoc => ({
    method: 'get',
    path: `/api/observatory/${name}${suffix}`,
    summary: suffix ? `${summary} (${suffix.slice(1).toUpperCase()})` : summary,
    access: OBSERVATORY_ROLES,
    query,
    queryNotes: { ...NOTES, ...extra },
    ok: { status: 200, media, description },
  });
  return [
    one('', 'json', 'The analysis (shared/observatory*.ts).'),
    ...files.map((f) => one(`.${f}`, f, FILE[f])),
  ];
}

/** The observatory's analyses and their exports: `/api/observatory`. */
export const observatoryRoutes: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/api/observatory/public/areas/{areaId}/{month}',
    summary: "One area's month for a neighbourhood meeting, small counts hidden",
    description:
      'Months from three years back to the current one. `Cache-Control: public, max-age=300`. ' +
      'When too many uncached months are computing, 429 with `Retry-After`.',
    access: 'public',
    params: { areaId: 'an area id of the city', month: 'YYYY-MM' },
    ok: { status: 200, media: 'json', description: '`PublicAreaMonth` (shared/observatory.ts).' },
    errors: [400, 404, 429],
  },
  {
    method: 'get',
    path: '/api/observatory/silent',
    summary: "Silent alerts' monthly counts by area",
    access: STAFF,
    query: FILTER.pick({ from: true, to: true }),
    queryNotes: PERIOD_NOTES,
    ok: { status: 200, media: 'json', description: 'Counts by month and area.' },
  },
  ...analysis('hotspots', 'Hot spots (Getis-Ord Gi*)', ['csv', 'geojson'], observatoryQuery),
  ...analysis('emerging', 'Emerging hot spots', ['csv', 'geojson'], observatoryQuery),
  ...analysis('hours', 'Incidents by hour and weekday', ['csv']),
  ...analysis('trends', 'Trends against a year earlier', ['csv']),
  ...analysis('response', 'Response times, grouped', ['csv'], FILTER.extend({ by: responseBy })),
  ...analysis('perception', "Residents' perception", ['csv']),
  ...analysis('dosage', 'Patrol dosage', ['csv']),
];
