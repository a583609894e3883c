import type { AlertTypeCode } from '../../../shared/types.js';
import type { ResponseRows } from '../../storage/responses.js';
import type { AlertTimeline } from '../evaluation/response-times.js';

/**
 * The rows of the three reads (alerts, `alert_events`, `dispatch_events`) as one timeline per
 * alert, in the alerts' order. Stages stay as stored: `alertResponse` sorts them, keeps the
 * last close after a reopening, and counts only the crew of the unit the alert is with now
 * (a re-dispatch leaves the first unit's steps behind).
 */
export function timelinesFrom(rows: ResponseRows): AlertTimeline[] {
  const events = groupBy(rows.events, (e) => e.alertId);
  const crew = groupBy(rows.crew, (c) => c.alertId);
  return rows.alerts.map((a) => ({
    alertId: a.id,
    type: a.type as AlertTypeCode,
    areaId: a.areaId,
    unitId: a.unitId,
    receivedAt: a.receivedAt,
    events: (events.get(a.id) ?? []).map((e) => ({ status: e.status, at: e.at })),
    crew: (crew.get(a.id) ?? []).map((c) => ({ unitId: c.unitId, status: c.status, at: c.at })),
  }));
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}
