import { nextShift, shiftWindow, type ShiftWindow } from '../../../shared/plan.js';
import { hotspotsFor } from '../../hotspots/index.js';
import { generatePlans } from '../../plans/generator.js';
import type { Services } from '../../services.js';
import { isoDay } from '../local-time.js';

/**
 * Tests only: the plan log the programme would have left, one plan per unit and shift from
 * `fromDay` to yesterday, made by the real generator over the history's hot spots (what the
 * demo's patrol history seeds; this stands in where it has not run).
 */
export function seedPlanLog(
  s: Pick<Services, 'storage' | 'city'>,
  fromDay: number,
  toDay: number,
): number {
  let written = 0;
  let shift: ShiftWindow = shiftWindow(isoDay(fromDay), 'morning');
  const end = isoDay(toDay + 1);
  s.storage.transaction(() => {
    while (shift.date < end) {
      const plans = generatePlans({
        shift,
        units: s.city.units,
        areas: s.city.areas,
        cells: hotspotsFor(s.storage.patrol, s.city.areas, shift),
        salt: 'test',
        programmeHours: s.city.observatory.programmeHours,
        now: shift.start,
      });
      for (const p of plans) s.storage.planLog.upsert(p);
      written += plans.length;
      shift = nextShift(shift);
    }
  });
  return written;
}
