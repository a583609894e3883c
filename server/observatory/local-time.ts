import { CITY_TIME_ZONE } from '../../shared/i18n/core.js';
import { zoneOffset } from '../city/zoned-time.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Local calendar parts of an instant, as every analysis reads them. */
export interface LocalParts {
  /** days since 1970-01-01 on the city's calendar */
  day: number;
  hour: number;
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
}

/** A fast local clock for many instants (the zone's offset kept per hour: zoned-time.ts). */
export function localClock(timeZone = CITY_TIME_ZONE): (atMs: number) => LocalParts {
  const offsetAt = zoneOffset(timeZone);
  return (atMs) => {
    const local = atMs + offsetAt(atMs);
    const day = Math.floor(local / DAY_MS);
    const hour = Math.floor((local - day * DAY_MS) / HOUR_MS);
    // 1970-01-01 was a Thursday: 3 when Monday is 0.
    return { day, hour, weekday: (((day + 3) % 7) + 7) % 7 };
  };
}

/** `YYYY-MM-DD` → days since 1970-01-01; NaN when it is not a real calendar date. */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Years the records could hold; also keeps Date.UTC from reading 0–99 as 1900–1999.
  if (y < 1970 || y > 2199) return NaN;
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return NaN;
  return ms / DAY_MS;
}

/** Days since 1970-01-01 → `YYYY-MM-DD`. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM` of a local day number. */
export function isoMonth(day: number): string {
  return isoDay(day).slice(0, 7);
}
