import { CITY_TIME_ZONE } from '../../shared/i18n/core.js';

const HOUR_MS = 3_600_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `2026-11-03T21:14:05-03:00`: an instant as the city's clock read it, with the offset, so a
 * spreadsheet shows the local time and a program still gets the exact instant (ISO 8601, whole
 * seconds). The offset is asked of the zone once per UTC hour and kept (a year of rows is
 * 8,760 hours at most), never assumed: a city's zone may gain summer time again.
 */
export function cityTimeFormatter(timeZone = CITY_TIME_ZONE): (iso: string | null) => string {
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
  const offsetAt = (hour: number): number => {
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
  return (iso) => {
    if (!iso) return '';
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) return '';
    const whole = Math.floor(ms / 1000) * 1000;
    const offset = offsetAt(Math.floor(whole / HOUR_MS));
    const local = new Date(whole + offset).toISOString().slice(0, 19);
    const minutes = Math.round(Math.abs(offset) / 60_000);
    const sign = offset < 0 ? '-' : '+';
    return `${local}${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  };
}
