import { seededRandom } from '../../shared/demo-city.js';
import { CITY_TIME_ZONE } from '../../shared/i18n/core.js';
import {
  localParts,
  SHIFTS,
  shiftWindow,
  type ShiftPlan,
  type ShiftWindow,
} from '../../shared/plan.js';
import type { RankedCell } from '../hotspots/index.js';
import type { PatrolStore } from '../storage/patrol.js';
import type { City } from '../city/city.js';
import { HOTSPOT_DAYS, hotspotsFor } from '../hotspots/index.js';
import { isoDay, localClock } from '../observatory/local-time.js';
import { areaContaining, generatePlans } from '../plans/generator.js';
import type { Storage } from '../storage/storage.js';
import { programmeStartDay } from './programme.js';
import { visitCheckins } from './patrol-visits.js';

/** The same salt for every demo: the seeded history gives the same plans each time. */
const DEMO_PLAN_SALT = 'demo-programme';

/**
 * The fixed-point programme's record since it started (`DEMO_PROGRAMME_WEEKS` before the
 * history's last day, yesterday): every unit's plan for every shift that has ended, made by
 * the real generator from the hot spots (refreshed fortnightly, see `periodicHotspots`), written to the plan log only (rooms hold the running shifts, which the plan
 * service makes at start); and the check-ins of each unit's officers for most visits
 * (patrol-visits.ts). Reproducible, demo city only, one transaction.
 * Returns the rows written (plans and check-ins).
 */
export function seedPatrolHistory(storage: Storage, city: City, now: Date): number {
  if (!city.demo || city.units.length === 0) return 0;
  const rng = seededRandom(0x5ac_d05e);
  const endDay = localClock(CITY_TIME_ZONE)(now.getTime()).day - 1;
  const startDay = programmeStartDay(endDay);
  const officers = new Map<string, string[]>();
  for (const u of storage.users.list({ role: 'officer', status: 'active' })) {
    if (!u.unitId) continue;
    const list = officers.get(u.unitId) ?? [];
    list.push(u.id);
    officers.set(u.unitId, list);
  }
  for (const list of officers.values()) list.sort();
  // One read of the alerts for every shift: each shift's hot spots filter it to their window.
  const firstShift = shiftWindow(isoDay(startDay), SHIFTS[0]!.id);
  const incidents = storage.patrol.incidentsSince(
    new Date(firstShift.start.getTime() - HOTSPOT_DAYS * 86_400_000).toISOString(),
  );
  const store = {
    incidentsSince: (since: string) => incidents.filter((i) => i.receivedAt >= since),
  };
  const t = now.getTime();
  const hot = periodicHotspots(store, city);
  const plans: ShiftPlan[] = [];
  for (let day = startDay; day <= endDay; day++) {
    for (const s of SHIFTS) {
      const shift = shiftWindow(isoDay(day), s.id);
      // A shift still running is the plan service's: it writes it to the room (and the log).
      if (shift.end.getTime() > t) continue;
      plans.push(
        ...generatePlans({
          shift,
          units: city.units,
          areas: city.areas,
          cells: hot(shift, Math.floor((day - startDay) / HOTSPOT_REFRESH_DAYS)),
          salt: DEMO_PLAN_SALT,
          programmeHours: city.observatory.programmeHours,
          // made two hours before the shift, as the service makes the next one
          now: new Date(shift.start.getTime() - 2 * 3_600_000),
        }),
      );
    }
  }
  let written = 0;
  storage.transaction(() => {
    for (const plan of plans) {
      storage.planLog.upsert(plan);
      written++;
      for (const row of visitCheckins(plan, officers.get(plan.unitId) ?? [], t, rng)) {
        if (storage.patrol.addCheckin(row)) written++;
      }
    }
  });
  return written;
}

/**
 * A unit's own cells the generator may need: it takes its first `POINTS_PER_UNIT` (4) cells
 * in rank order that are at least 300 m apart, and a chosen point rules out at most the 12
 * cells of 150 m around it, so it never looks past the 40th. The rest are left out because
 * the generator locates every cell it is given, and the demo makes 1,500 plans.
 */
const CELLS_PER_UNIT = 40;
/**
 * The demo's plans follow the hot spots as they stand every fortnight (the plan service
 * ranks them for every shift; a 90-day window moves little in two weeks, and ranking 168
 * shifts' windows cost the demo's start-up a second).
 */
const HOTSPOT_REFRESH_DAYS = 14;

/**
 * The hot spots each demo shift is planned from: `hotspotsFor` as the plan service calls it,
 * computed once a fortnight per shift of the day and kind of day (the first such shift of
 * the fortnight stands for the rest), and cut to each unit's hottest cells (the same plans
 * for a fraction of the work).
 */
function periodicHotspots(
  store: Pick<PatrolStore, 'incidentsSince'>,
  city: City,
): (shift: ShiftWindow, period: number) => RankedCell[] {
  const unitOfArea = new Map<string, string>();
  for (const u of city.units)
    for (const a of u.quadrant) if (!unitOfArea.has(a)) unitOfArea.set(a, u.id);
  const ownerOf = new Map<string, string | null>();
  const owner = (c: RankedCell) => {
    let o = ownerOf.get(c.id);
    if (o === undefined) {
      const area = areaContaining(c.centre, city.areas);
      ownerOf.set(c.id, (o = area ? (unitOfArea.get(area) ?? null) : null));
    }
    return o;
  };
  const memo = new Map<string, RankedCell[]>();
  return (shift, period) => {
    const middle = new Date((shift.start.getTime() + shift.end.getTime()) / 2);
    const weekday = localParts(middle).weekday;
    const key = `${period}|${shift.shift}|${weekday === 0 || weekday === 6}`;
    let cells = memo.get(key);
    if (!cells) {
      const taken = new Map<string, number>();
      cells = hotspotsFor(store, city.areas, shift).filter((c) => {
        const unit = owner(c);
        if (!unit) return false;
        const n = taken.get(unit) ?? 0;
        taken.set(unit, n + 1);
        return n < CELLS_PER_UNIT;
      });
      memo.set(key, cells);
    }
    return cells;
  };
}
