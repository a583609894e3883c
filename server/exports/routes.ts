import { Hono } from 'hono';
import { alertType, isAlertTypeCode } from '../../shared/catalogue.js';
import type { Role } from '../../shared/types.js';
import { requireUser, type Env } from '../http/context.js';
import { ApiError } from '../http/errors.js';
import type { Services } from '../services.js';
import { EXPORT_DATASETS } from '../storage/exports.js';
import { offsetDateTime } from '../city/zoned-time.js';
import { DATASETS, columnsFor, pointFor, type CellContext, type ExportScope } from './columns.js';
import {
  CSV_TYPE,
  EXPORT_FORMATS,
  GEOJSON_TYPE,
  csvWriter,
  geojsonWriter,
  type ExportFormat,
} from './formats.js';
import { MAX_EXPORT_DAYS, parseExportQuery, type ExportFilter } from './query.js';
import { exportStream } from './stream.js';

/** Who may export, and what: analysts without identities or silent alerts (columns.ts). */
export const EXPORT_ROLES: readonly Role[] = ['operator', 'admin', 'analyst'];
export const scopeOf = (role: Role): ExportScope => (role === 'analyst' ? 'anonymised' : 'full');

/** An export not taken within this long is cut off: it holds a read snapshot meanwhile. */
export const EXPORT_MAX_MS = 10 * 60_000;
/** Exports one person may be downloading at once (a double click, two tabs). */
const PER_USER = 2;

/**
 * `/api/exports`: `GET /` says what the caller's role takes (datasets, columns, formats, the
 * longest period); `GET /<dataset>.<format>?from&to[&type][&area][&lang]` streams the file.
 * Every export is written to the audit log (who, what, filters, format, rows — no data)
 * before its first byte leaves.
 */
export function exportRoutes(s: Services): Hono<Env> {
  const app = new Hono<Env>();
  const areaIds = new Set(s.city.areas.map((a) => a.properties.id));
  const areaNames = new Map(s.city.areas.map((a) => [a.properties.id, a.properties.name]));
  const unitLabels = new Map(s.city.units.map((u) => [u.id, u.label]));
  const running = new Map<string, number>();

  app.use('*', requireUser(s, EXPORT_ROLES));

  app.get('/', (c) => {
    const scope = scopeOf(c.get('user').role);
    return c.json({
      scope,
      formats: EXPORT_FORMATS,
      maxDays: MAX_EXPORT_DAYS,
      datasets: EXPORT_DATASETS.map((id) => ({
        id,
        typed: DATASETS[id].typed,
        columns: columnsFor(id, scope).map((col) => col.name),
      })),
    });
  });

  app.get('/:file', (c) => {
    const [name = '', ext = ''] = c.req.param('file').split('.', 2);
    const dataset = EXPORT_DATASETS.find((d) => d === name);
    const format = EXPORT_FORMATS.find((f) => f === ext);
    if (!dataset || !format)
      throw new ApiError(
        404,
        'not_found',
        `No such export: ${EXPORT_DATASETS.join(', ')} as .${EXPORT_FORMATS.join(' or .')}`,
      );
    const user = c.get('user');
    const scope = scopeOf(user.role);
    const f = parseExportQuery(c.req.query(), { dataset, scope, areaIds });
    const file = `sac-${DATASETS[dataset].fileName[f.lang]}-${f.from}_${f.to}.${format}`;
    const headers = {
      'Content-Type': format === 'csv' ? CSV_TYPE : GEOJSON_TYPE,
      // Built from validated values only (a dataset, ISO days): nothing to escape.
      'Content-Disposition': `attachment; filename="${file}"`,
      'Content-Language': f.lang,
      'Cache-Control': 'no-store',
    };
    // Hono answers HEAD with the GET route: a link checker reads no rows, and is not an export.
    if (c.req.method === 'HEAD') return new Response(null, { headers });
    const mine = running.get(user.id) ?? 0;
    if (mine >= PER_USER) throw busy();
    const cursor = s.storage.exports.open(dataset, {
      fromIso: f.fromIso,
      toIso: f.toIso,
      type: f.type,
      areaId: f.areaId,
      withSilent: scope === 'full',
    });
    if (!cursor) throw busy();
    running.set(user.id, mine + 1);
    const release = () => {
      cursor.close();
      const left = (running.get(user.id) ?? 1) - 1;
      if (left > 0) running.set(user.id, left);
      else running.delete(user.id);
    };
    try {
      s.storage.audit.add({
        at: new Date().toISOString(),
        actorId: user.id,
        action: `export.${dataset}`,
        subject: dataset,
        detail: auditDetail(format, scope, f, cursor.count),
      });
    } catch (e) {
      release();
      throw e;
    }

    const spec = DATASETS[dataset];
    const columns = columnsFor(dataset, scope);
    const ctx: CellContext = {
      lang: f.lang,
      time: offsetDateTime(),
      areaName: (id) => (id ? (areaNames.get(id) ?? '') : ''),
      unitLabel: (id) => (id ? (unitLabels.get(id) ?? id) : ''),
      point: (r) => pointFor(spec, scope, r),
    };
    const writer =
      format === 'csv'
        ? csvWriter(columns)
        : geojsonWriter(columns, {
            dataset,
            from: f.from,
            to: f.to,
            type: f.type,
            area: f.areaId,
            scope,
            rows: cursor.count,
            generatedAt: ctx.time(new Date().toISOString()),
          });
    const body = exportStream({
      rows: cursor.rows,
      head: writer.head(),
      tail: writer.tail(),
      piece: (r) => {
        // Belt and braces over the query, which does not read them for analysts at all.
        if (scope !== 'full' && isSilent(r)) {
          s.log.error('export: a silent alert reached an analyst export and was left out', {});
          return '';
        }
        return writer.row({
          id: r.id,
          cells: columns.map((col) => col.value(r, ctx)),
          point: ctx.point(r),
        });
      },
      maxMs: EXPORT_MAX_MS,
      done: ({ rows, complete, error }) => {
        release();
        if (error) s.log.error('export failed', { dataset, error: String(error) });
        else if (!complete) s.log.info('export not finished', { dataset, rows, of: cursor.count });
      },
    });
    return new Response(body, { headers: { ...headers, 'X-Export-Rows': String(cursor.count) } });
  });

  return app;
}

const busy = () =>
  new ApiError(
    429,
    'too_many_attempts',
    'Too many exports at once: wait for one to finish.',
    undefined,
    {
      'Retry-After': '10',
    },
  );

/** What the audit log keeps of an export: its shape, never its data. */
function auditDetail(format: ExportFormat, scope: ExportScope, f: ExportFilter, rows: number) {
  return JSON.stringify({
    format,
    scope,
    from: f.from,
    to: f.to,
    type: f.type,
    area: f.areaId,
    rows,
  });
}

const isSilent = (r: object): boolean => {
  const type: unknown = (r as { type?: unknown }).type;
  return isAlertTypeCode(type) && alertType(type).silent;
};
