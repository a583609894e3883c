/**
 * Calendar arithmetic on local day numbers (days since 1970-01-01 in the city's calendar, as
 * `Incident.day`). A day number read as a UTC date is the local calendar date, so UTC methods
 * give the local weekday, month and year without any time-zone offset.
 */
const DAY_MS = 86_400_000;

export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The Monday starting the week that holds `day`. */
export function mondayOf(day: number): number {
  return day - weekdayOf(day);
}

/** The first day of the month holding `day`, moved by `months` (negative: earlier). */
export function monthStart(day: number, months = 0): number {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1) / DAY_MS;
}
