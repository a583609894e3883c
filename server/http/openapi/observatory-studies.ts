import { z } from 'zod';
import { OBSERVATORY_ROLES } from '../../../shared/observatory.js';
import { evaluationRequest, trialRequest } from '../../observatory/impact/input.js';
import { provenanceSchema } from '../../observatory/sources/provenance.js';
import { MAX_RECORDS } from '../../observatory/sources/formats.js';
import type { Role } from '../../../shared/types.js';
import type { RouteDoc } from './types.js';
import { ID } from './common.js';

const EDITORS: readonly Role[] = ['analyst', 'admin'];

/** An import's JSON body: its provenance, the file as text, and how to read it. */
const importBody = z
  .object({
    content: z.string().describe('the file as text'),
    fileName: z.string().optional(),
    format: z.enum(['csv', 'geojson']).optional().describe('default: from the name or content'),
  })
  .and(provenanceSchema);

const LAYER_DAY = "YYYY-MM-DD; default: the import's period";
const area = { area: 'an area id of the city; default: the whole city' };

/** The observatory's evaluations, imported sources and reports: `/api/observatory`. */
export const studyRoutes: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/api/observatory/evaluation/defaults',
    summary: "An evaluation's defaults: the plans' first day, the catchment ring",
    access: OBSERVATORY_ROLES,
    ok: { status: 200, media: 'json', description: '`{interventionDate, ring}`.' },
  },
  {
    method: 'post',
    path: '/api/observatory/evaluation',
    summary: 'Evaluate an intervention: treated cells against a control, before and after',
    description: 'Reads only; at most 64 KiB.',
    access: OBSERVATORY_ROLES,
    body: { media: 'json', schema: evaluationRequest },
    ok: {
      status: 200,
      media: 'json',
      description: 'The evaluation (shared/observatory-evaluation.ts).',
    },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/observatory/trials',
    summary: 'Randomised patrol trials, and the units',
    access: OBSERVATORY_ROLES,
    ok: { status: 200, media: 'json', description: '`{trials, units}`.' },
  },
  {
    method: 'post',
    path: '/api/observatory/trials',
    summary: 'Start a trial: hot cells assigned at random (one at a time)',
    access: EDITORS,
    body: { media: 'json', schema: trialRequest },
    ok: { status: 201, media: 'json', description: 'The trial.' },
    errors: [409],
  },
  {
    method: 'post',
    path: '/api/observatory/trials/{id}/end',
    summary: 'End a running trial',
    access: EDITORS,
    params: ID,
    ok: { status: 200, media: 'json', description: 'The trial, ended.' },
    errors: [404, 409],
  },
  {
    method: 'get',
    path: '/api/observatory/sources',
    summary: 'Imported data sources with their provenance',
    access: OBSERVATORY_ROLES,
    ok: { status: 200, media: 'json', description: 'The imports.' },
  },
  {
    method: 'get',
    path: '/api/observatory/sources.csv',
    summary: 'Imported data sources (CSV)',
    access: OBSERVATORY_ROLES,
    ok: { status: 200, media: 'csv', description: 'UTF-8 CSV with a BOM, as an attachment.' },
  },
  {
    method: 'post',
    path: '/api/observatory/sources',
    summary: 'Import a data source: CSV or GeoJSON, with its provenance',
    description:
      `At most 5 MB and ${MAX_RECORDS} records. Any bad row refuses the whole file: 422 with ` +
      'the error and a `rejection` listing the rows. Audited.',
    access: EDITORS,
    body: {
      media: 'upload',
      schema: importBody,
      description: 'A form with `file`, or JSON with `content`; the provenance fields either way.',
    },
    ok: { status: 201, media: 'json', description: 'The import.' },
    errors: [422],
  },
  {
    method: 'get',
    path: '/api/observatory/sources/{id}/layer',
    summary: "An import's records as a map layer",
    access: OBSERVATORY_ROLES,
    params: ID,
    query: z.object({ from: z.string(), to: z.string(), area: z.string() }).partial(),
    queryNotes: { from: LAYER_DAY, to: LAYER_DAY, ...area },
    ok: { status: 200, media: 'json', description: 'The layer.' },
    errors: [404],
  },
  {
    method: 'delete',
    path: '/api/observatory/sources/{id}',
    summary: 'Delete an import (audited)',
    access: EDITORS,
    params: ID,
    ok: { status: 204, media: 'none', description: 'Deleted.' },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/observatory/reports/month/{month}',
    summary: "A month's report",
    access: OBSERVATORY_ROLES,
    params: { month: 'YYYY-MM' },
    query: z.object({ area: z.string().optional() }),
    queryNotes: area,
    ok: { status: 200, media: 'json', description: 'The report (shared/report-periods.ts).' },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/observatory/reports/week/{monday}',
    summary: "A week's report",
    access: OBSERVATORY_ROLES,
    params: { monday: 'the Monday it starts on, YYYY-MM-DD' },
    query: z.object({ area: z.string().optional() }),
    queryNotes: area,
    ok: { status: 200, media: 'json', description: 'The report.' },
    errors: [404],
  },
];
