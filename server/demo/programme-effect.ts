import { shiftWindow, type ShiftId } from '../../shared/plan.js';
import type { AlertStatus, AlertTypeCode, GeoPoint } from '../../shared/types.js';
import type { City } from '../city/city.js';
import { CELL_METRES, cellId, cellOf, gridFor } from '../hotspots/grid.js';
import { hotspotsFor } from '../hotspots/index.js';
import { generatePlans } from '../plans/generator.js';
import { hashOf } from '../plans/random.js';
import { isoDay } from '../observatory/local-time.js';

/**
 * The fixed-point programme's effect on the demo's history (programme.ts): from its first day,
 * robberies (`general`) in the cells the plans stand on fall by `core`, and those in the
 * surrounding ring (cell centres 150–300 m from a fixed point) by the milder `ring`: a diffusion
 * of benefits, the commonest finding of hot-spot policing studies (Bowers et al. 2011).
 */
export const PROGRAMME_EFFECT = { core: 0.45, ring: 0.15, inner: 150, outer: 300 };

const SHIFTS: readonly ShiftId[] = ['morning', 'afternoon', 'night'];

export interface HistoryAlert {
  id: string;
  type: AlertTypeCode;
  status: AlertStatus;
  receivedAt: string;
  location: GeoPoint | null;
}

/**
 * Which alerts of a finished history the programme prevented. Its fixed points are what the
 * real generator makes of the history's hot spots for the programme's first day (the patrol
 * history then plans every shift the same way); which alerts are left out is decided by a hash
 * of each one's id, so the seeded stream, and every alert the programme did not touch, stay
 * what they were.
 */
export function preventedBy(
  city: Pick<City, 'areas' | 'units'>,
  startDay: number,
  /** the instant the programme's first day starts (local midnight) */
  startIso: string,
  alerts: readonly HistoryAlert[],
): (a: HistoryAlert) => boolean {
  const rows = alerts.flatMap((a) =>
    a.location ? [{ ...a, lat: a.location.lat, lng: a.location.lng }] : [],
  );
  const store = { incidentsSince: (since: string) => rows.filter((r) => r.receivedAt >= since) };
  const grid = gridFor(city.areas);
  const treated = new Set<string>();
  for (const id of SHIFTS) {
    const shift = shiftWindow(isoDay(startDay), id);
    const cells = hotspotsFor(store, city.areas, shift);
    for (const plan of generatePlans({ shift, units: city.units, areas: city.areas, cells }))
      for (const p of plan.points) if (/^c\d+-\d+$/.test(p.id)) treated.add(p.id);
  }
  const ring = new Set<string>();
  const reach = Math.ceil(PROGRAMME_EFFECT.outer / CELL_METRES);
  for (const id of treated) {
    const [row, col] = id.slice(1).split('-').map(Number) as [number, number];
    for (let dr = -reach; dr <= reach; dr++)
      for (let dc = -reach; dc <= reach; dc++) {
        const d = CELL_METRES * Math.hypot(dr, dc);
        const other = cellId({ row: row + dr, col: col + dc });
        if (d >= PROGRAMME_EFFECT.inner && d <= PROGRAMME_EFFECT.outer && !treated.has(other))
          ring.add(other);
      }
  }
  return (a) => {
    if (a.type !== 'general' || a.receivedAt < startIso) return false;
    const c = a.location && cellOf(grid, a.location);
    const id = c ? cellId(c) : '';
    const share = treated.has(id)
      ? PROGRAMME_EFFECT.core
      : ring.has(id)
        ? PROGRAMME_EFFECT.ring
        : 0;
    return hashOf(a.id) / 0x1_0000_0000 < share;
  };
}
