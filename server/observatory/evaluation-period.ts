import type { ObservatoryFilter } from '../../shared/observatory.js';
import { dayNumber, localClock } from './local-time.js';

const DAY_MS = 86_400_000;

/**
 * A filter's period on the city's calendar, for reads by instant: SQL bounds a day wider on
 * each side (any zone's offset fits), and the exact test of an instant's local day, applied
 * after. The same days as Observatory I's analyses, whatever the zone.
 */
export function localPeriod(
  filter: Pick<ObservatoryFilter, 'from' | 'to'>,
  timeZone: string,
): { fromIso: string; toIso: string; holds: (iso: string) => boolean } {
  const fromDay = dayNumber(filter.from);
  const toDay = dayNumber(filter.to);
  const clock = localClock(timeZone);
  return {
    fromIso: new Date((fromDay - 1) * DAY_MS).toISOString(),
    toIso: new Date((toDay + 2) * DAY_MS).toISOString(),
    holds: (iso) => {
      const at = Date.parse(iso);
      if (!Number.isFinite(at)) return false;
      const day = clock(at).day;
      return day >= fromDay && day <= toDay;
    },
  };
}
