import { SILENT_MIN_COUNT, type SilentCounts } from '../../shared/observatory.js';
import { cityInstant } from '../../shared/plan.js';
import type { ObservatoryStore } from '../storage/observatory.js';
import { dayNumber, isoDay, isoMonth, localClock } from './local-time.js';

/**
 * Silent (gender-violence) alerts as the observatory may show them, to operators and admins
 * only (DESIGN §2): how many the centre took per area and month, and nothing under
 * SILENT_MIN_COUNT. Every area and month of the period has a row, so a hidden count (1–4)
 * cannot be told from none. Alerts without an area are not shown; no point, no hour, no
 * reporter is read.
 */
export function silentCounts(
  store: ObservatoryStore,
  areaIds: readonly string[],
  period: { from: string; to: string },
  now: Date,
  timeZone: string,
): SilentCounts {
  const fromDay = dayNumber(period.from);
  const toDay = dayNumber(period.to);
  const clock = localClock(timeZone);
  const rows = store.silentAlerts(
    cityInstant(period.from, 0, timeZone).toISOString(),
    cityInstant(isoDay(toDay + 1), 0, timeZone).toISOString(),
  );
  const counts = new Map<string, number>();
  for (const r of rows) {
    if (!r.areaId) continue;
    const day = clock(Date.parse(r.receivedAt)).day;
    if (day < fromDay || day > toDay) continue;
    const key = `${r.areaId} ${isoMonth(day)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const months: string[] = [];
  for (let d = fromDay; d <= toDay; d++) {
    const m = isoMonth(d);
    if (months[months.length - 1] !== m) months.push(m);
  }
  let shown = 0;
  const out: SilentCounts['rows'] = [];
  for (const areaId of [...areaIds].sort()) {
    for (const month of months) {
      const n = counts.get(`${areaId} ${month}`) ?? 0;
      const count = n >= SILENT_MIN_COUNT ? n : null;
      shown += count ?? 0;
      out.push({ areaId, month, count });
    }
  }
  return {
    // n counts only what is shown: a total would give away the hidden ones.
    meta: {
      sources: ['alerts'],
      from: period.from,
      to: period.to,
      n: shown,
      method: 'silent_counts',
      computedAt: now.toISOString(),
      suppressedBelow: SILENT_MIN_COUNT,
    },
    rows: out,
  };
}
