import { z } from 'zod';
import { ALERT_TYPE_CODES, REQUEST_CATEGORIES, alertType } from '../../shared/catalogue.js';
import { LANGS, type Lang } from '../../shared/i18n/index.js';
import type { AlertTypeCode } from '../../shared/types.js';
import { ApiError } from '../http/errors.js';
import { cityDayStart } from '../console/history.js';
import { dayNumber, isoDay } from '../observatory/local-time.js';
import type { ExportDataset } from '../storage/exports.js';
import { DATASETS, type ExportScope } from './columns.js';

/** The longest period one export may cover: a whole year, leap or not. */
export const MAX_EXPORT_DAYS = 366;

const day = z
  .string()
  .max(10)
  .refine((d) => !Number.isNaN(dayNumber(d)), 'a date as YYYY-MM-DD');

export const exportQuery = z
  .object({
    from: day,
    to: day,
    type: z.string().min(1).max(40).optional(),
    area: z.string().min(1).max(64).optional(),
    lang: z.enum(LANGS as [Lang, ...Lang[]]).optional(),
  })
  .strict();

export interface ExportFilter {
  /** the city's days, both included */
  from: string;
  to: string;
  type: string | null;
  areaId: string | null;
  lang: Lang;
  /** the same period as instants: `fromIso` included, `toIso` excluded */
  fromIso: string;
  toIso: string;
}

const bad = (field: string, message: string) =>
  new ApiError(400, 'bad_request', `${field}: ${message}`, field);

/**
 * The export asked for, checked: real days with `from` ≤ `to` at most MAX_EXPORT_DAYS apart,
 * a type of the dataset's own (an alert type or a request category; none for check-ins and
 * conversations), an area of the city. Every mistake is a 400 naming its field. An analyst
 * asking for a silent type gets a 400 too: it is not a type of theirs at all.
 */
export function parseExportQuery(
  raw: Record<string, string>,
  ctx: { dataset: ExportDataset; scope: ExportScope; areaIds: ReadonlySet<string> },
): ExportFilter {
  const parsed = exportQuery.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const unknown = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    if (unknown) throw bad(unknown, 'not a filter of exports (from, to, type, area, lang)');
    const field = issue?.path.join('.') || 'query';
    const missing = raw[field] === undefined;
    throw bad(field, missing ? 'required, a date as YYYY-MM-DD' : (issue?.message ?? 'invalid'));
  }
  const q = parsed.data;
  const fromDay = dayNumber(q.from);
  const toDay = dayNumber(q.to);
  if (fromDay > toDay) throw bad('from', 'after to');
  if (toDay - fromDay + 1 > MAX_EXPORT_DAYS)
    throw bad('to', `at most ${MAX_EXPORT_DAYS} days from from, both included`);
  const type = q.type ?? null;
  if (type !== null) checkType(ctx.dataset, ctx.scope, type);
  const areaId = q.area ?? null;
  if (areaId !== null && !ctx.areaIds.has(areaId)) throw bad('area', 'no such area');
  return {
    from: q.from,
    to: q.to,
    type,
    areaId,
    lang: q.lang ?? 'es',
    fromIso: cityDayStart(q.from).toISOString(),
    toIso: cityDayStart(isoDay(toDay + 1)).toISOString(),
  };
}

function checkType(dataset: ExportDataset, scope: ExportScope, type: string): void {
  if (!DATASETS[dataset].typed) throw bad('type', `${dataset} have no type to filter by`);
  if (dataset === 'requests') {
    if (!(REQUEST_CATEGORIES as readonly string[]).includes(type))
      throw bad('type', 'no such request category');
    return;
  }
  if (!(ALERT_TYPE_CODES as readonly string[]).includes(type))
    throw bad('type', 'no such alert type');
  if (scope !== 'full' && alertType(type as AlertTypeCode).silent)
    throw bad('type', 'silent alerts are never in an analyst’s export');
}
