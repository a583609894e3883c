import { localClock } from '../local-time.js';

/**
 * A record's date as people write it: ISO (`2026-03-14`, `2026-03-14T22:30`, with or without
 * seconds, with `Z` or an offset) or day first (`14/03/2026`, `14/03/2026 22:30`). Without an
 * offset it is the city's local time, as every source of a city's own writes it. Returns the
 * instant in epoch milliseconds and its local day number, or null when it is no date.
 */
export interface When {
  ms: number;
  /** local calendar day in the city: days since 1970-01-01 */
  day: number;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

export function whenParser(timeZone: string): (raw: string) => When | null {
  const clock = localClock(timeZone);
  const offsetAt = (ms: number) => {
    const minute = Math.floor(ms / 60_000) * 60_000;
    const p = clock(minute);
    // `clock` gives the local day and hour; the minute comes from a formatter (offsets of
    // half an hour exist elsewhere).
    const wall = p.day * 86_400_000 + p.hour * 3_600_000 + minutesOf(minute, timeZone) * 60_000;
    return wall - minute;
  };
  const local = (y: number, mo: number, d: number, h: number, mi: number, s: number) => {
    if (!validParts(y, mo, d, h, mi, s)) return null;
    const wall = Date.UTC(y, mo - 1, d, h, mi, s);
    // Two rounds settle a guess made across a change of offset.
    let ms = wall - offsetAt(wall);
    ms = wall - offsetAt(ms);
    return ms;
  };
  return (raw) => {
    const text = raw.trim();
    let ms: number | null = null;
    const iso = ISO.exec(text);
    const dmy = iso ? null : DMY.exec(text);
    if (iso) {
      const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = iso;
      if (zone) {
        if (!validParts(+y!, +mo!, +d!, +h, +mi, +s)) return null;
        ms = Date.parse(`${y}-${mo}-${d}T${h.padStart(2, '0')}:${mi}:${s.padStart(2, '0')}${zone}`);
        if (!Number.isFinite(ms)) return null;
      } else ms = local(+y!, +mo!, +d!, +h, +mi, +s);
    } else if (dmy) {
      const [, d, mo, y, h = '0', mi = '0', s = '0'] = dmy;
      ms = local(+y!, +mo!, +d!, +h, +mi, +s);
    }
    if (ms === null) return null;
    return { ms, day: clock(ms).day };
  };
}

function validParts(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  // 31/02 rolls into March in Date.UTC: the day must survive the round trip.
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d;
}

const minuteFormats = new Map<string, Intl.DateTimeFormat>();
function minutesOf(ms: number, timeZone: string): number {
  let f = minuteFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, minute: '2-digit' });
    minuteFormats.set(timeZone, f);
  }
  return Number(f.format(ms));
}
