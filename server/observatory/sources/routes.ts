import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Role } from '../../../shared/types.js';
import { CITY_TIME_ZONE } from '../../../shared/i18n/core.js';
import { requireUser, type Env } from '../../http/context.js';
import { ApiError } from '../../http/errors.js';
import type { Services } from '../../services.js';
import { dayNumber } from '../local-time.js';
import { studyRegion, type StudyRegion } from '../stats/region.js';
import { MAX_RECORDS, TooManyRecords } from './formats.js';
import { formatOf, importSource, type ImportFormat } from './importer.js';
import { importedLayer } from './layer.js';
import { csvCell, provenanceOf } from './provenance.js';

/** The largest file accepted (the request may carry a little more: the form around it). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MB = MAX_FILE_BYTES / (1024 * 1024);

/** The import's path: exempt from the API's general body cap, it has its own. */
export const isSourceImport = (method: string, path: string): boolean =>
  method === 'POST' && path === '/api/observatory/sources';

/** Who may import and delete; operators read the list and the layers. */
const EDITORS: readonly Role[] = ['analyst', 'admin'];

const tooLarge = (what: string) => new ApiError(413, 'too_large', what);

/**
 * Other sources: import (CSV, GeoJSON), list, layer and delete (`/sources`). Mounted under
 * `/api/observatory` behind the observatory's roles; importing and deleting also need an
 * analyst or admin. The global same-origin rule (server/http/origin.ts) refuses a cross-site
 * form, which is what a multipart upload otherwise is.
 */
export function sourcesRoutes(s: Services): Hono<Env> {
  const app = new Hono<Env>();
  const editors = requireUser(s, EDITORS);
  let region: StudyRegion | null = null;
  const regionOf = () => (region ??= studyRegion(s.city.areas));
  const found = (c: Context<Env>) => {
    const source = s.storage.imports.byId(c.req.param('id') ?? '');
    if (!source) throw new ApiError(404, 'not_found', 'No such import.');
    return source;
  };

  app.get('/sources', (c) => c.json(s.storage.imports.list()));

  app.get('/sources.csv', (c) => {
    const header = ['name', 'provider', 'licence', 'from', 'to', 'precision', 'kind', 'format'];
    const rows = s.storage.imports
      .list()
      .map((x) =>
        [
          x.name,
          x.provider,
          x.licence,
          x.from,
          x.to,
          x.precision,
          x.kind,
          x.format,
          x.records,
          x.importedAt,
          x.importedBy,
        ]
          .map(csvCell)
          .join(','),
      );
    const text = [[...header, 'records', 'imported_at', 'imported_by'].join(','), ...rows].join(
      '\r\n',
    );
    c.header('Content-Type', 'text/csv; charset=utf-8; header=present');
    c.header('Content-Disposition', 'attachment; filename="fuentes-importadas.csv"');
    return c.body(`\uFEFF${text}\r\n`);
  });

  app.post(
    '/sources',
    editors,
    bodyLimit({
      maxSize: MAX_FILE_BYTES + 64 * 1024,
      onError: () => {
        throw tooLarge(`The file is larger than ${MB} MB.`);
      },
    }),
    async (c) => {
      const user = c.get('user');
      const { fields, text, fileName } = await upload(c);
      const provenance = provenanceOf(fields);
      const asked = fields.format;
      const format: ImportFormat =
        asked === 'csv' || asked === 'geojson' ? asked : formatOf(fileName, text);
      let outcome;
      try {
        outcome = importSource(s.storage, {
          provenance,
          format,
          text,
          areas: s.city.areas,
          timeZone: CITY_TIME_ZONE,
          actorId: user.id,
          actorName: user.username,
          now: s.observatory.now(),
        });
      } catch (e) {
        if (e instanceof TooManyRecords)
          throw tooLarge(`The file has ${e.records} records; at most ${MAX_RECORDS} per import.`);
        throw e;
      }
      if (!outcome.ok) {
        const r = outcome.rejection;
        const message = `${r.total} bad ${r.total === 1 ? 'row' : 'rows'}: nothing was imported.`;
        return c.json({ error: { code: 'bad_request', message }, rejection: r }, 422);
      }
      return c.json(outcome.source, 201);
    },
  );

  app.get('/sources/:id/layer', (c) => {
    const source = found(c);
    const from = c.req.query('from') || source.from;
    const to = c.req.query('to') || source.to;
    for (const [name, v] of [
      ['from', from],
      ['to', to],
    ] as const)
      if (Number.isNaN(dayNumber(v)))
        throw new ApiError(400, 'bad_request', `${name}: a date as YYYY-MM-DD`, name);
    if (dayNumber(from) > dayNumber(to))
      throw new ApiError(400, 'bad_request', 'from: after to', 'from');
    const area = c.req.query('area') || null;
    if (area && !s.city.areas.some((a) => a.properties.id === area))
      throw new ApiError(400, 'bad_request', 'area: no such area', 'area');
    return c.json(
      importedLayer(source, s.storage.imports.records(source.id), {
        from,
        to,
        areaId: area,
        region: regionOf(),
        timeZone: CITY_TIME_ZONE,
        now: s.observatory.now(),
      }),
    );
  });

  app.delete('/sources/:id', editors, (c) => {
    const user = c.get('user');
    const source = found(c);
    s.storage.transaction(() => {
      s.storage.imports.remove(source.id);
      s.storage.audit.add({
        at: s.observatory.now().toISOString(),
        actorId: user.id,
        action: 'observatory.source.delete',
        subject: source.id,
        detail: `${source.records}`,
      });
    });
    return c.body(null, 204);
  });

  return app;
}

/** The provenance fields and the file's text, from a multipart form or a JSON body. */
async function upload(
  c: Context<Env>,
): Promise<{ fields: Record<string, unknown>; text: string; fileName?: string }> {
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type === 'multipart/form-data') {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File))
      throw new ApiError(400, 'bad_request', 'file: attach the file', 'file');
    if (file.size > MAX_FILE_BYTES) throw tooLarge(`The file is larger than ${MB} MB.`);
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(form)) if (typeof v === 'string') fields[k] = v;
    return { fields, text: await decode(file), fileName: file.name };
  }
  if (type === 'application/json') {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw new ApiError(400, 'bad_request', 'The request body must be JSON.');
    }
    const body = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    if (typeof body.content !== 'string')
      throw new ApiError(400, 'bad_request', 'content: the file as text', 'content');
    if (Buffer.byteLength(body.content) > MAX_FILE_BYTES)
      throw tooLarge(`The file is larger than ${MB} MB.`);
    const fileName = typeof body.fileName === 'string' ? body.fileName : undefined;
    return { fields: body, text: body.content, ...(fileName ? { fileName } : {}) };
  }
  throw new ApiError(415, 'unsupported_media_type', 'Send a multipart form or application/json.');
}

/** UTF-8, as files are written today; a file saved as Latin-1 reads as such, not as mojibake. */
async function decode(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}
