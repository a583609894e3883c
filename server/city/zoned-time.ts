import { CITY_TIME_ZONE } from '../../shared/i18n/core.js';

const HOUR_MS = 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The zone's offset from UTC at an instant, in ms. Asking `Intl` for every row of a city-year
 * costs milliseconds per thousand rows; an offset only changes at an hour boundary (every zone
 * in use today changes on the hour or half-hour), so it is asked once per UTC hour and kept.
 * It is read from the zone, never assumed: a city's zone may gain summer time again.
 */
export function zoneOffset(timeZone = CITY_TIME_ZONE): (atMs: number) => number {
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
  return (atMs) => {
    const hour = Math.floor(atMs / HOUR_MS);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      const at = hour * HOUR_MS;
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
      offsets.set(hour, offset);
    }
    return offset;
  };
}

/**
 * `2026-11-03T21:14:05-03:00`: an instant as the city's clock read it, with its numeric offset
 * and whole seconds. One form for everything SAC hands to other systems (exports, Open311's
 * W3C datetimes, CAP's `sent`, Atom's RFC 3339 dates): a person sees the local time, a program
 * still gets the exact instant. '' for no time or one that cannot be read.
 */
export function offsetDateTime(timeZone = CITY_TIME_ZONE): (iso: string | null) => string {
  const offsetAt = zoneOffset(timeZone);
  return (iso) => {
    if (!iso) return '';
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) return '';
    const whole = Math.floor(ms / 1000) * 1000;
    const offset = offsetAt(whole);
    const local = new Date(whole + offset).toISOString().slice(0, 19);
    const minutes = Math.round(Math.abs(offset) / 60_000);
    const sign = offset < 0 ? '-' : '+';
    return `${local}${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  };
}

const formatters = new Map<string, (iso: string | null) => string>();

/** `offsetDateTime` for one instant, the zone's formatter kept between calls. */
export function formatOffsetDateTime(iso: string, timeZone = CITY_TIME_ZONE): string {
  let format = formatters.get(timeZone);
  if (!format) formatters.set(timeZone, (format = offsetDateTime(timeZone)));
  return format(iso);
}
