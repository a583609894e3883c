import type { AlertTypeCode } from '../../shared/types.js';
import { localParts, type ShiftWindow } from '../../shared/plan.js';

/**
 * How much an alert of each type says about where a patrol should stand. Presence deters
 * street crime (robbery, bicycle theft); it does little for a medical emergency or a fire,
 * which still count a little because they mark where help is needed.
 */
export const TYPE_WEIGHTS: Readonly<Record<AlertTypeCode, number>> = {
  general: 3,
  bicycle_theft: 2,
  // Silent: never evidence for a plan (evidence.ts); zero as well, so a caller that forgot the
  // rule still could not rank a cell by it (rankCells skips weightless incidents).
  gender_violence: 0,
  fire: 0.5,
  medical: 0.25,
};

/** Alerts outside the shift's hours still count, at this fraction (places stay risky). */
export const OFF_HOURS_FACTOR = 0.3;
/** Alerts on the other kind of day (weekday vs weekend) count at this fraction. */
export const OTHER_DAY_FACTOR = 0.6;

const isWeekend = (weekday: number): boolean => weekday === 0 || weekday === 6;

/**
 * The weight of a past alert for planning `shift`: its type's weight, reduced when it
 * happened outside the shift's hours or on the other kind of day (the shift's kind of day is
 * that of its middle: Friday's night shift is mostly Saturday morning). Robberies at 4 a.m.
 * on weekends shape the weekend night shift, not the Tuesday morning one.
 */
export function weigherFor(shift: ShiftWindow): (type: AlertTypeCode, at: Date) => number {
  const startHour = localParts(shift.start).hour;
  const middle = new Date((shift.start.getTime() + shift.end.getTime()) / 2);
  const weekend = isWeekend(localParts(middle).weekday);
  return (type, at) => {
    const p = localParts(at);
    const inHours = (p.hour - startHour + 24) % 24 < shift.hours;
    const sameDay = isWeekend(p.weekday) === weekend;
    return (
      (TYPE_WEIGHTS[type] ?? 1) *
      (inHours ? 1 : OFF_HOURS_FACTOR) *
      (sameDay ? 1 : OTHER_DAY_FACTOR)
    );
  };
}
