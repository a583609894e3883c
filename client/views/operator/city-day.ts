import { CITY_TIME_ZONE } from '../../../shared/i18n/core.js';

const day = new Intl.DateTimeFormat('en-CA', {
  timeZone: CITY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in the city's calendar (YYYY-MM-DD), whatever the device's zone. */
export function cityToday(nowMs: number): string {
  return day.format(nowMs);
}
