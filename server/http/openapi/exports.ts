import { z } from 'zod';
import { EXPORT_ROLES } from '../../exports/routes.js';
import { EXPORT_FORMATS } from '../../exports/formats.js';
import { MAX_EXPORT_DAYS, exportQuery } from '../../exports/query.js';
import { EXPORT_DATASETS } from '../../storage/exports.js';
import type { RouteDoc } from './types.js';

const FILES = EXPORT_DATASETS.flatMap((d) => EXPORT_FORMATS.map((f) => `${d}.${f}`));

/** Staff exports of the records: `/api/exports`. */
export const exportRoutes: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/api/exports',
    summary: "What the caller's role may export: datasets, their columns, formats, longest period",
    access: EXPORT_ROLES,
    ok: { status: 200, media: 'json', description: '`{scope, formats, maxDays, datasets}`.' },
  },
  {
    method: 'get',
    path: '/api/exports/{file}',
    summary: 'Export one dataset for a period, streamed (audited before the first byte)',
    description:
      'CSV: RFC 4180, UTF-8 with a BOM, ISO 8601 times with the city offset. GeoJSON: ' +
      'RFC 7946. Analysts get no identities, no typed text, positions on a 100 m grid and ' +
      'never a silent alert. The row count is in `X-Export-Rows`. At most two at once per ' +
      'person (429 with `Retry-After`).',
    access: EXPORT_ROLES,
    params: {
      file: {
        description: 'the dataset and format',
        schema: z.enum(FILES as [string, ...string[]]),
      },
    },
    query: exportQuery,
    queryNotes: {
      from: "YYYY-MM-DD, the city's calendar, included",
      to: `YYYY-MM-DD, included; at most ${MAX_EXPORT_DAYS} days with \`from\``,
      type: 'an alert type (alerts) or a request category (requests); none for the others',
      area: 'an area id of the city',
      lang: 'the language of headers and labels (default `es`)',
    },
    ok: { status: 200, media: ['csv', 'geojson'], description: 'The file, as an attachment.' },
    errors: [404, 429],
  },
];
