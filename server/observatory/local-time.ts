import { CITY_TIME_ZONE } from '../../shared/i18n/core.js';

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

/**
 * A fast local clock for many instants. Asking `Intl` for every row of a city-year costs
 * milliseconds per thousand rows; the zone's offset only changes at an hour boundary (every
 * zone in use today changes on the hour or half-hour, and Mendoza has no DST at all), so it
 * is asked once per UTC hour and kept. The offset is read from the zone, never assumed.
 */
export function localClock(timeZone = CITY_TIME_ZONE): (atMs: number) => LocalParts {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const offsets = new Map<number, number>();
  const offsetAt = (hourKey: number): number => {
    let offset = offsets.get(hourKey);
    if (offset === undefined) {
      const at = hourKey * HOUR_MS;
      const p: Record<string, string> = {};
      for (const part of fmt.formatToParts(new Date(at))) p[part.type] = part.value;
      const wall = Date.UTC(
        Number(p.year),
        Number(p.month) - 1,
        Number(p.day),
        Number(p.hour) % 24,
        Number(p.minute),
      );
      offset = wall - at;
      offsets.set(hourKey, offset);
    }
    return offset;
  };
  return (atMs) => {
    const local = atMs + offsetAt(Math.floor(atMs / HOUR_MS));
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
