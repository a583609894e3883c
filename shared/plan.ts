/**
 * The patrol shift plan (DESIGN §4 `unit:<id>` `plan`): what the server generates
 * from the hot spots, what operators may edit and what the officer's phone follows. One
 * definition for both sides; the plan travels as a plain JSON entry of the room's `plan` map,
 * keyed by `<local date>.<shift>` (e.g. `2025-03-01.night`).
 */
import { CITY_TIME_ZONE } from './i18n/core.js';

/** The Koper curve's optimum: 14 minutes at a fixed point every hour… */
export const DWELL_MINUTES = 14;
/** …and the rest of the hour patrolling the quadrant, talking with neighbours. */
export const PATROL_MINUTES = 60 - DWELL_MINUTES;
/** A check-in further than this from its point is flagged on the phone and in the log. */
export const FAR_FROM_POINT_METRES = 150;

export type ShiftId = 'morning' | 'afternoon' | 'night';

/** Three 8-hour shifts a day, starting at these local hours (the night shift ends next day). */
export const SHIFTS: readonly { id: ShiftId; startHour: number; hours: number }[] = [
  { id: 'morning', startHour: 6, hours: 8 },
  { id: 'afternoon', startHour: 14, hours: 8 },
  { id: 'night', startHour: 22, hours: 8 },
];

export interface ShiftWindow {
  /** the plan entry's key: `<local date of the start>.<shift>` */
  key: string;
  shift: ShiftId;
  /** local calendar date the shift starts on, YYYY-MM-DD */
  date: string;
  start: Date;
  end: Date;
  hours: number;
}

/** A fixed point: the centre of a hot-spot cell (or a fallback inside the quadrant). */
export interface PlanPoint {
  /** the grid cell's id; also what a check-in names as its `point` */
  id: string;
  label: string;
  areaId: string;
  lat: number;
  lng: number;
  /** hot-spot rank in the city (1 = hottest); 0 for a fallback point with no history */
  rank: number;
  /** Getis-Ord Gi* z-score of the cell for this shift's hours */
  gi: number;
}

/** One stay at a point: DWELL_MINUTES inside one hour of the shift. */
export interface PlanVisit {
  point: string;
  start: string;
  end: string;
}

export interface ShiftPlan {
  key: string;
  unitId: string;
  unitLabel: string;
  /** the area ids the unit patrols; the phone draws them without asking the server */
  quadrant: string[];
  shift: ShiftId;
  start: string;
  end: string;
  points: PlanPoint[];
  visits: PlanVisit[];
  generatedAt: string;
  /** `generated` by the server, or `edited` by an operator (then `editedBy` names them) */
  source: 'generated' | 'edited';
  editedBy?: string;
  /** the randomised trial whose treatment cells the points were drawn from, if one was running */
  trialId?: string;
}

/** Year, month, day, hour of an instant on the city's wall clock. */
export function localParts(
  at: Date,
  timeZone = CITY_TIME_ZONE,
): { y: number; m: number; d: number; hour: number; weekday: number } {
  const fmt = formatterFor(timeZone);
  const p: Record<string, string> = {};
  for (const part of fmt.formatToParts(at)) p[part.type] = part.value;
  const y = Number(p.year);
  const m = Number(p.month);
  const d = Number(p.day);
  return {
    y,
    m,
    d,
    hour: Number(p.hour) % 24,
    weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay(),
  };
}

/** The instant when the city's clocks read `date` (YYYY-MM-DD) at `hour`:00. */
export function cityInstant(date: string, hour: number, timeZone = CITY_TIME_ZONE): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, hour);
  // The zone's offset at that moment: the wall clock read as if it were UTC, minus the instant.
  const p = localParts(new Date(guess), timeZone);
  const wall = Date.UTC(p.y, p.m - 1, p.d, p.hour);
  return new Date(guess - (wall - guess));
}

export function shiftWindow(date: string, shift: ShiftId, timeZone = CITY_TIME_ZONE): ShiftWindow {
  const def = SHIFTS.find((s) => s.id === shift)!;
  const start = cityInstant(date, def.startHour, timeZone);
  return {
    key: `${date}.${shift}`,
    shift,
    date,
    start,
    end: new Date(start.getTime() + def.hours * 3_600_000),
    hours: def.hours,
  };
}

/** The shift running at `at`, and the one after it. */
export function shiftAt(at: Date, timeZone = CITY_TIME_ZONE): ShiftWindow {
  const p = localParts(at, timeZone);
  const today = isoDate(p.y, p.m, p.d);
  const yesterday = isoDate(p.y, p.m, p.d - 1);
  for (const date of [today, yesterday]) {
    for (const s of SHIFTS) {
      const w = shiftWindow(date, s.id, timeZone);
      if (w.start <= at && at < w.end) return w;
    }
  }
  throw new Error(`no shift covers ${at.toISOString()}`);
}

export function nextShift(w: ShiftWindow, timeZone = CITY_TIME_ZONE): ShiftWindow {
  return shiftAt(new Date(w.end.getTime() + 60_000), timeZone);
}

/** Where the crew should be at `now`: at a point (until `current.end`) or patrolling. */
export function planNow(
  plan: ShiftPlan,
  now: Date,
): { current: PlanVisit | null; next: PlanVisit | null } {
  const t = now.getTime();
  const visits = [...plan.visits].sort((a, b) => a.start.localeCompare(b.start));
  const current = visits.find((v) => Date.parse(v.start) <= t && t < Date.parse(v.end)) ?? null;
  const next = visits.find((v) => Date.parse(v.start) > t) ?? null;
  return { current, next };
}

/** The plan whose shift covers `now`, else the next one to start. */
export function planFor(plans: readonly ShiftPlan[], now: Date): ShiftPlan | null {
  const t = now.getTime();
  const running = plans.find((p) => Date.parse(p.start) <= t && t < Date.parse(p.end));
  if (running) return running;
  const upcoming = plans
    .filter((p) => Date.parse(p.start) > t)
    .sort((a, b) => a.start.localeCompare(b.start));
  return upcoming[0] ?? null;
}

/** Time a unit actually spent at one point: from a check-in to the next check-out there. */
export interface PointStay {
  point: string;
  from: string;
  /** null while the crew is still there (no check-out yet) */
  to: string | null;
  minutes: number | null;
}

/**
 * Pairs a unit's check-ins and check-outs into stays, in the phones' time order. Both
 * officers of a car may check in: the first `in` opens the stay, further `in`s at the same
 * point are the same stay, the first `out` closes it. An `out` with no open stay (the `in`
 * was never made) is ignored rather than guessed.
 */
export function pointStays(
  checkins: readonly { id: string; point: string; kind: 'in' | 'out'; at: string }[],
): PointStay[] {
  const sorted = [...checkins].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  const open = new Map<string, string>();
  const out: PointStay[] = [];
  for (const c of sorted) {
    const since = open.get(c.point);
    if (c.kind === 'in') {
      if (since === undefined) open.set(c.point, c.at);
    } else if (since !== undefined) {
      open.delete(c.point);
      const minutes = Math.round(((Date.parse(c.at) - Date.parse(since)) / 60_000) * 10) / 10;
      out.push({ point: c.point, from: since, to: c.at, minutes });
    }
  }
  for (const [point, from] of open) out.push({ point, from, to: null, minutes: null });
  return out.sort((a, b) => a.from.localeCompare(b.from));
}

/** A stay counts for a visit when it overlaps the visit, give or take this much. */
const STAY_SLACK_MS = 20 * 60_000;

/** The stay that served a visit: at its point, overlapping it (a crew may arrive early). */
export function stayFor(visit: PlanVisit, stays: readonly PointStay[]): PointStay | undefined {
  const from = Date.parse(visit.start) - STAY_SLACK_MS;
  const to = Date.parse(visit.end) + STAY_SLACK_MS;
  return stays.find(
    (s) =>
      s.point === visit.point &&
      Date.parse(s.from) < to &&
      (s.to === null ? Infinity : Date.parse(s.to)) > from,
  );
}

/** A light shape check for plan entries read from a room (operators may have edited them). */
export function isShiftPlan(value: unknown): value is ShiftPlan {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<ShiftPlan>;
  return (
    typeof v.key === 'string' &&
    typeof v.start === 'string' &&
    typeof v.end === 'string' &&
    Array.isArray(v.points) &&
    Array.isArray(v.visits) &&
    Array.isArray(v.quadrant)
  );
}

function isoDate(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, fmt);
  }
  return fmt;
}
