import { isDay, isMonth, mondayOf } from '../../../shared/report-periods.js';

/**
 * The reports' addresses, so a report can be sent and opened directly:
 * `#/observatorio/informe/<YYYY-MM>` (the month's) and `#/observatorio/semana/<YYYY-MM-DD>`
 * (the week's, named by any of its days and read as its Monday). Both take `?zona=<areaId>`.
 */
export type ReportRoute =
  | { kind: 'month'; month: string; areaId: string | null }
  | { kind: 'week'; week: string; areaId: string | null };

export const OBSERVATORY_PREFIX = '#/observatorio';

export function reportRoute(hash: string): ReportRoute | null {
  const m = /^#\/observatorio\/(informe|semana)\/([\d-]+)(?:\?zona=([^&]+))?$/.exec(hash);
  if (!m) return null;
  const areaId = m[3] ? decodeURIComponent(m[3]) : null;
  if (m[1] === 'informe') return isMonth(m[2]!) ? { kind: 'month', month: m[2]!, areaId } : null;
  return isDay(m[2]!) ? { kind: 'week', week: mondayOf(m[2]!), areaId } : null;
}

export function reportHash(r: ReportRoute): string {
  const path = r.kind === 'month' ? `informe/${r.month}` : `semana/${r.week}`;
  const area = r.areaId ? `?zona=${encodeURIComponent(r.areaId)}` : '';
  return `${OBSERVATORY_PREFIX}/${path}${area}`;
}
