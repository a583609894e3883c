import { CITY_TIME_ZONE } from '../../shared/i18n/core.js';
import { cityInstant } from '../../shared/plan.js';
import { formatOffsetDateTime } from '../city/zoned-time.js';

/**
 * An instant as the standard's examples write it (W3C datetime, ISO 8601): the city's wall
 * clock with its numeric offset, whole seconds, `2026-12-05T09:30:00-03:00`.
 */
export const w3cDateTime = (iso: string, timeZone = CITY_TIME_ZONE): string =>
  formatOffsetDateTime(iso, timeZone);

const W3C =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Reads a W3C datetime a client sends (`start_date`, `end_date`): a full time needs its zone
 * (`Z` or `±hh:mm`), as the W3C profile says; a bare date is the city's midnight. Null when it
 * is not one, or names a day or time that does not exist.
 */
export function parseW3cDateTime(text: string, timeZone = CITY_TIME_ZONE): Date | null {
  const m = W3C.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) return null;
  if (h === undefined) return cityInstant(`${y}-${mo}-${d}`, 0, timeZone);
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return null;
  const at = new Date(text.trim());
  return Number.isNaN(at.getTime()) ? null : at;
}
