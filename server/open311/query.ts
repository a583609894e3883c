import { REQUEST_CATEGORIES } from '../../shared/catalogue.js';
import type { RequestCategory } from '../../shared/types.js';
import type { Open311Query } from '../storage/integrations.js';
import type { RequestStatus } from '../storage/requests.js';
import { Open311Error } from './filing.js';
import { isServiceCode, statusesFor } from './public.js';
import { parseW3cDateTime } from './time.js';

const DAY_MS = 86_400_000;
/** The standard's defaults and bounds: the last 90 days, a range of at most 90, 1000 rows. */
export const DEFAULT_DAYS = 90;
export const MAX_ROWS = 1000;
const MAX_IDS = 100;
/** Request ids are UUIDs (the demo's history has readable ones): letters, digits, dashes. */
const REQUEST_ID = /^[A-Za-z0-9-]{1,64}$/;

const list = (v: string | undefined) =>
  v === undefined
    ? null
    : v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);

function date(name: string, v: string | undefined): Date | null {
  if (v === undefined || v === '') return null;
  const d = parseW3cDateTime(v);
  if (!d)
    throw new Open311Error(
      400,
      `${name}: not a W3C datetime (2026-12-01T00:00:00-03:00, or a date such as 2026-12-01)`,
    );
  return d;
}

/**
 * The filters of `GET requests`: `service_request_id` (a comma list, which overrides the rest,
 * as the standard says), else `status`, `service_code`, `start_date`, `end_date`. Bad values
 * are a 400 that names the parameter, never an empty list that looks like "nothing happened".
 */
export function readQuery(
  get: (name: string) => string | undefined,
  now = new Date(),
): { ids: string[] | null; query: Open311Query } {
  const ids = list(get('service_request_id'));
  if (ids && (ids.length > MAX_IDS || ids.some((id) => !REQUEST_ID.test(id))))
    throw new Open311Error(
      400,
      `service_request_id: up to ${MAX_IDS} request ids, comma-separated`,
    );

  let statuses: RequestStatus[] | null = null;
  const wanted = list(get('status'));
  if (wanted) {
    const bad = wanted.find((w) => w !== 'open' && w !== 'closed');
    if (bad !== undefined || !wanted.length)
      throw new Open311Error(400, `status: open or closed, not "${bad ?? ''}"`);
    statuses = [...new Set(wanted)].flatMap((w) => statusesFor(w as 'open' | 'closed'));
  }

  let categories: RequestCategory[] | null = null;
  const codes = list(get('service_code'));
  if (codes) {
    const bad = codes.find((code) => !isServiceCode(code));
    if (bad !== undefined || !codes.length)
      throw new Open311Error(
        400,
        `service_code: unknown service "${bad ?? ''}" (one of ${REQUEST_CATEGORIES.join(', ')})`,
      );
    categories = codes as RequestCategory[];
  }

  const start = date('start_date', get('start_date'));
  const end = date('end_date', get('end_date'));
  const to = end ?? (start ? new Date(start.getTime() + DEFAULT_DAYS * DAY_MS) : now);
  const from = start ?? new Date(to.getTime() - DEFAULT_DAYS * DAY_MS);
  if (from.getTime() > to.getTime()) throw new Open311Error(400, 'start_date: after end_date');
  if (to.getTime() - from.getTime() > DEFAULT_DAYS * DAY_MS)
    throw new Open311Error(400, `start_date, end_date: at most ${DEFAULT_DAYS} days apart`);

  return {
    ids,
    query: {
      fromIso: from.toISOString(),
      // end_date includes its own instant
      toIso: new Date(to.getTime() + 1).toISOString(),
      statuses,
      categories,
      limit: MAX_ROWS,
    },
  };
}
