import type { Hono } from 'hono';
import { z } from 'zod';
import { ALERT_TYPE_CODES } from '../../shared/catalogue.js';
import {
  DAY,
  HISTORY_STATUS_FILTERS,
  OFFSET_MAX,
  PAGE_DEFAULT,
  PAGE_MAX,
  foldText,
  searchTerms,
  type HistoryAlert,
  type HistoryPage,
} from '../../shared/history.js';
import { LANGS, tFor } from '../../shared/i18n/index.js';
import {
  CLOSED_STATUSES,
  OPEN_STATUSES,
  type AlertStatus,
  type AlertTypeCode,
} from '../../shared/types.js';
import type { City } from '../city/city.js';
import type { Env } from '../http/context.js';
import { ApiError } from '../http/errors.js';
import type { Services } from '../services.js';
import type { AlertSearchRow } from '../storage/storage.js';
import { startOfCityDay } from './stats.js';

const ALL_STATUSES = [...OPEN_STATUSES, ...CLOSED_STATUSES] as const;

/** A calendar day that exists (`2025-02-30` does not), within years a city keeps records of. */
const day = z
  .string()
  .regex(DAY, 'a day is written YYYY-MM-DD')
  .refine((d) => {
    const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, dd));
    return y >= 2000 && y <= 2100 && date.getUTCMonth() === m - 1 && date.getUTCDate() === dd;
  }, 'no such day');

export const historyQuery = z
  .object({
    from: day.optional(),
    to: day.optional(),
    q: z.string().max(200).default(''),
    status: z.enum([...HISTORY_STATUS_FILTERS, ...ALL_STATUSES]).default('all'),
    type: z.enum(ALERT_TYPE_CODES as [AlertTypeCode, ...AlertTypeCode[]]).optional(),
    area: z.string().min(1).max(64).optional(),
    limit: z.coerce.number().int().min(1).max(PAGE_MAX).default(PAGE_DEFAULT),
    offset: z.coerce.number().int().min(0).max(OFFSET_MAX).default(0),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from is after to',
    path: ['from'],
  });

/** Midnight starting the city's calendar day `d` (YYYY-MM-DD), as an instant. */
export function cityDayStart(d: string): Date {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  // Noon UTC is the same calendar day in every zone from UTC−12 to UTC+11.
  return startOfCityDay(new Date(Date.UTC(y, m - 1, dd, 12)));
}

const nextDay = (d: string): string => {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, dd + 1)).toISOString().slice(0, 10);
};

function statusesOf(filter: z.infer<typeof historyQuery>['status']): AlertStatus[] | null {
  if (filter === 'all') return null;
  if (filter === 'open') return [...OPEN_STATUSES];
  if (filter === 'closed') return [...CLOSED_STATUSES];
  return [filter];
}

/**
 * What a word names in the catalogue and the city, in every language the console speaks:
 * "incendio" and "fire" both find fires, "bombal" the alerts of Barrio Bombal.
 */
function termMatches(city: City, term: string) {
  const types = ALERT_TYPE_CODES.filter((code) =>
    LANGS.some((lang) => foldText(tFor(lang, `alert.type.${code}`)).includes(term)),
  );
  const areas = city.areas
    .filter((a) => foldText(a.properties.name).includes(term))
    .map((a) => a.properties.id);
  return { text: term, types, areas };
}

/** A stored alert as the console's detail reads an `ops` record. */
function asHistoryAlert(r: AlertSearchRow): HistoryAlert {
  return {
    id: r.id,
    type: r.type,
    createdAt: r.createdAt,
    location: r.location,
    note: r.note,
    receivedAt: r.receivedAt,
    status: r.status,
    statusAt: r.statusAt,
    ...(r.reporter
      ? {
          reporterId: r.reporter.id,
          reporterName: r.reporter.name,
          reporterPhone: r.reporter.phone,
          reporterAddress: r.reporter.address,
        }
      : { identityProtected: true, reporterName: '', reporterPhone: '', reporterAddress: '' }),
    areaId: r.areaId,
    ...(r.assignedUnit ? { assignedUnit: r.assignedUnit } : {}),
    ...(r.escalatedAt ? { escalatedAt: r.escalatedAt } : {}),
    ...(r.escalatedBy ? { escalatedBy: r.escalatedBy } : {}),
    ...(r.outcome ? { outcome: r.outcome } : {}),
    sirenRequested: r.sirenRequested,
    flagged: r.flagged,
    timeline: r.timeline,
    notes: r.notes,
  };
}

/**
 * `GET /api/console/alerts`: the whole history, any day range in the city's calendar and any
 * words, a page at a time, from SQL (the `ops` room holds only the last day). Staff only, as
 * the console (routes.ts). A silent alert is found by what the room shows of it (id, type,
 * area, note), never by its reporter, and comes back without her; opening it is audited as
 * any silent alert is (`/alerts/:id/opened`).
 */
export function historyRoutes(app: Hono<Env>, s: Services): void {
  app.get('/alerts', (c) => {
    const parsed = historyQuery.safeParse(c.req.query());
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || 'query';
      throw new ApiError(400, 'bad_request', `${field}: ${issue?.message ?? 'invalid'}`, field);
    }
    const q = parsed.data;
    const { rows, total } = s.storage.console.searchAlerts({
      fromIso: q.from ? cityDayStart(q.from).toISOString() : '0000',
      toIso: q.to ? cityDayStart(nextDay(q.to)).toISOString() : '9999',
      statuses: statusesOf(q.status),
      type: q.type ?? null,
      areaId: q.area ?? null,
      terms: searchTerms(q.q).map((term) => termMatches(s.city, term)),
      limit: q.limit,
      offset: q.offset,
    });
    return c.json<HistoryPage>({
      alerts: rows.map(asHistoryAlert),
      total,
      offset: q.offset,
      limit: q.limit,
    });
  });
}
