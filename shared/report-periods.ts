/**
 * The reports' periods on the city's calendar: a month (the 1st to its last day) and a week
 * (Monday to Sunday). Pure functions of local dates (YYYY-MM-DD / YYYY-MM): the caller turns
 * "now" into the city's today (server: `localClock`, client: `cityToday`), so the device's own
 * zone never moves a report's bounds.
 */

const DAY_MS = 86_400_000;

/** YYYY-MM-DD → days since 1970-01-01 (UTC arithmetic on a calendar date); NaN when unreal. */
function dayOf(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (y < 1970 || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return NaN;
  return ms / DAY_MS;
}

const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Whether the text is a real month, YYYY-MM. */
export function isMonth(month: string): boolean {
  return /^\d{4}-\d{2}$/.test(month) && !Number.isNaN(dayOf(`${month}-01`));
}

/** Whether the text is a real day, YYYY-MM-DD. */
export function isDay(day: string): boolean {
  return !Number.isNaN(dayOf(day));
}

/** A day moved by whole days. */
export function addDays(day: string, days: number): string {
  return isoOf(dayOf(day) + days);
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(day: string): number {
  // 1970-01-01 was a Thursday: 3 when Monday is 0.
  return (((dayOf(day) + 3) % 7) + 7) % 7;
}

/** A month moved by whole months. */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return d.toISOString().slice(0, 7);
}

/** The month's first and last days. */
export function monthBounds(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  return { from, to: addDays(`${addMonths(month, 1)}-01`, -1) };
}

/** The last month that has ended by `today` (the month before today's). */
export function lastFullMonth(today: string): string {
  return addMonths(today.slice(0, 7), -1);
}

/** The Monday of the day's week. */
export function mondayOf(day: string): string {
  return addDays(day, -weekday(day));
}

/** The week (Monday to Sunday) starting on `monday`. */
export function weekBounds(monday: string): { from: string; to: string } {
  return { from: monday, to: addDays(monday, 6) };
}

/** The Monday of the last week that has ended by `today` (a Sunday today is not over yet). */
export function lastFullWeek(today: string): string {
  return addDays(mondayOf(today), -7);
}

/**
 * A report's period as far as the records go: its days up to yesterday. `null` when it has
 * not started by yesterday (nothing to report yet).
 */
export function countedPeriod(
  period: { from: string; to: string },
  today: string,
): { from: string; to: string; complete: boolean } | null {
  const yesterday = addDays(today, -1);
  if (period.from > yesterday) return null;
  const complete = period.to <= yesterday;
  return { from: period.from, to: complete ? period.to : yesterday, complete };
}
