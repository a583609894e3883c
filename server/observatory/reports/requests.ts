import { CITY_TIME_ZONE } from '../../../shared/i18n/core.js';
import type {
  PublicRequests,
  ReportMeta,
  ReportRequestStatus,
  RequestTally,
} from '../../../shared/observatory-reports.js';
import { cityInstant } from '../../../shared/plan.js';
import { addDays } from '../../../shared/report-periods.js';
import type { RequestCategory } from '../../../shared/types.js';
import type { RequestStore } from '../../storage/requests.js';

/** Requests the centre has not finished with: the weekly meeting's open list. */
const OPEN: ReadonlySet<ReportRequestStatus> = new Set(['open', 'acknowledged', 'in_progress']);

const meta = (
  period: { from: string; to: string },
  n: number,
  now: Date,
  suppressedBelow = 0,
): ReportMeta => ({
  sources: ['requests'],
  from: period.from,
  to: period.to,
  n,
  method: 'request_counts',
  computedAt: now.toISOString(),
  suppressedBelow,
});

/** Local days, both ends included, as the instants `received_at` is compared with. */
function instants(period: { from: string; to: string }): [string, string] {
  return [
    cityInstant(period.from, 0, CITY_TIME_ZONE).toISOString(),
    cityInstant(addDays(period.to, 1), 0, CITY_TIME_ZONE).toISOString(),
  ];
}

/** Requests open now (received up to now, not closed, not withdrawn), for staff. */
export function openRequests(
  store: RequestStore,
  period: { from: string; to: string },
  now: Date,
): RequestTally {
  const rows = store.tally('', now.toISOString(), null).filter((r) => OPEN.has(r.status));
  const merged = new Map<string, RequestTally['rows'][number]>();
  let answered = 0;
  for (const r of rows) {
    const key = `${r.category} ${r.status}`;
    const row = merged.get(key) ?? { category: r.category, status: r.status, count: 0 };
    row.count += r.count;
    merged.set(key, row);
    if (r.replied || r.status !== 'open') answered += r.count;
  }
  const out = [...merged.values()];
  return { meta: meta(period, sum(out), now), rows: out, answered };
}

const sum = (rows: { count: number }[]) => rows.reduce((a, r) => a + r.count, 0);

/**
 * An area's requests of a period for the public page: how many per category, categories under
 * the city's minimum hidden (a single lighting request on a short street could name its
 * neighbour); the statuses and the share answered are counted over the shown categories only,
 * so no total gives a hidden category back. Never a description, a reply, a photo or who asked.
 */
export function publicRequests(
  store: RequestStore,
  areaId: string,
  period: { from: string; to: string },
  now: Date,
  min: number,
): PublicRequests {
  const rows = store.tally(...instants(period), areaId);
  const byCategory = new Map<RequestCategory, number>();
  for (const r of rows) byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + r.count);
  const shownRows = rows.filter((r) => (byCategory.get(r.category) ?? 0) >= min);
  const byStatus = new Map<ReportRequestStatus, number>();
  let answered = 0;
  for (const r of shownRows) {
    byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + r.count);
    if (r.replied || r.status !== 'open') answered += r.count;
  }
  const total = sum(shownRows);
  const hide = (n: number) => (n >= min ? n : null);
  return {
    // n counts only what is shown, as everywhere on the public page.
    meta: meta(period, total, now, min),
    byCategory: [...byCategory].map(([category, n]) => ({ category, count: hide(n) })),
    byStatus: [...byStatus].map(([status, n]) => ({ status, count: hide(n) })),
    answered: total >= min ? { count: answered, share: answered / total } : null,
  };
}
