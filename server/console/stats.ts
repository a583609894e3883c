import { CITY_TIME_ZONE } from '../../shared/i18n/index.js';
import {
  STAGES,
  median,
  secondsBetween,
  type ConsoleStats,
  type Stage,
} from '../../shared/console.js';
import type { ResponseTimesRow } from '../storage/console.js';

/**
 * Midnight of `now`'s date in the city's time zone, as an instant: "today" on the console is
 * the city's day, whatever zone the server runs in.
 */
export function startOfCityDay(now: Date, timeZone = CITY_TIME_ZONE): Date {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  // The zone's offset now; a DST change at midnight would be off by its shift, for one day.
  const offset = wall - Math.floor(now.getTime() / 1000) * 1000;
  return new Date(Date.UTC(n('year'), n('month') - 1, n('day')) - offset);
}

/**
 * When the alert reached the stage. "Closed" is the centre's closing (resolved or false
 * alarm): an alert the resident cancelled was closed by nobody's work, and a cancel seconds
 * after a mistaken press would pull the median down to nothing.
 */
const stampOf = (r: ResponseTimesRow, stage: Stage): string | null =>
  ({
    acknowledged: r.acknowledgedAt,
    dispatched: r.dispatchedAt,
    on_scene: r.onSceneAt,
    closed: r.status === 'cancelled' ? null : r.closedAt,
  })[stage];

/** Medians from `received` to each stage over the alerts that reached it. */
export function consoleStats(since: Date, rows: readonly ResponseTimesRow[]): ConsoleStats {
  const medians = {} as Record<Stage, number | null>;
  const samples = {} as Record<Stage, number>;
  for (const stage of STAGES) {
    const values = rows
      .map((r) => secondsBetween(r.receivedAt, stampOf(r, stage)))
      .filter((s): s is number => s !== null);
    medians[stage] = median(values);
    samples[stage] = values.length;
  }
  const cancelled = rows.filter((r) => r.status === 'cancelled').length;
  return { since: since.toISOString(), received: rows.length, cancelled, medians, samples };
}
