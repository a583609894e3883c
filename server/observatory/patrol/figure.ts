import type { ObservatoryFilter } from '../../../shared/observatory.js';
import type { DosageResult, VisitCount } from '../../../shared/observatory-evaluation.js';
import { DWELL_MINUTES, SHIFTS, type ShiftId } from '../../../shared/plan.js';
import type { Services } from '../../services.js';
import {
  DWELL_BAND_MINUTES,
  dwellSummary,
  plannedVersusDone,
  residualCurve,
} from '../evaluation/dosage.js';
import { evaluationMeta } from '../evaluation-meta.js';
import { patrolData } from './data.js';

/**
 * Patrol dosage of the filter's period (local days, both included): the plans on record
 * (`plan_log`) against the stays the crews' check-ins make, the dwell times of the stays that
 * began in the period, and the local residual-deterrence curve at the plans' fixed points
 * against the observatory's incidents of the filter's type (silent alerts never among them).
 * The area narrows it to the fixed points inside the area (see `patrolData`). Units are named
 * by their label; no officer is read.
 */
export async function dosageFigure(s: Services, filter: ObservatoryFilter): Promise<DosageResult> {
  return (await dosageDetail(s, filter)).result;
}

/** A unit's visits in one shift of the day over the period (the CSV's finest rows). */
export type UnitShiftCount = VisitCount & { unitId: string; label: string; shift: ShiftId };

/** The figure and, for the CSV, planned versus done per unit and shift. */
export function dosageDetail(
  s: Services,
  filter: ObservatoryFilter,
): Promise<{ result: DosageResult; byUnitShift: UnitShiftCount[] }> {
  return Promise.resolve(compute(s, filter));
}

function compute(
  s: Services,
  filter: ObservatoryFilter,
): { result: DosageResult; byUnitShift: UnitShiftCount[] } {
  const units = s.city.units;
  const data = patrolData(
    s.storage,
    units.map((u) => u.id),
    filter,
  );
  const { from, to } = data.period;
  const pvd = plannedVersusDone(data.plans, data.stays);
  const labelOf = new Map(units.map((u) => [u.id, u.label]));
  for (const p of data.plans) if (!labelOf.has(p.unitId)) labelOf.set(p.unitId, p.unitLabel);
  const shiftOrder = SHIFTS.map((x) => x.id);
  const dwell = dwellSummary(data.stays.filter((st) => st.from >= from && st.from < to));
  const residual = residualCurve({
    points: [...data.points.values()].map((p) => ({ id: p.id, lat: p.lat, lng: p.lng })),
    stays: data.stays,
    incidents: s.storage.dosage.incidents(
      filter.type,
      new Date(from).toISOString(),
      new Date(to).toISOString(),
    ),
    from,
    to,
  });
  const byUnitShift = new Map<string, UnitShiftCount>();
  for (const r of pvd.plans) {
    const key = `${r.unitId}\u0000${r.shift}`;
    const t = byUnitShift.get(key) ?? {
      unitId: r.unitId,
      label: labelOf.get(r.unitId) ?? r.unitId,
      shift: r.shift,
      planned: 0,
      done: 0,
      share: null,
    };
    t.planned += r.planned;
    t.done += r.done;
    t.share = t.planned ? t.done / t.planned : null;
    byUnitShift.set(key, t);
  }
  const result: DosageResult = {
    meta: evaluationMeta({
      sources: ['patrol'],
      filter,
      n: pvd.total.planned,
      method: 'dosage_checkins',
      now: s.observatory.now(),
    }),
    byUnit: pvd.byUnit
      .map((u) => ({ ...u, label: labelOf.get(u.unitId) ?? u.unitId }))
      .sort((a, b) => unitOrder(a.unitId, b.unitId, units)),
    byShift: [...pvd.byShift].sort(
      (a, b) => shiftOrder.indexOf(a.shift) - shiftOrder.indexOf(b.shift),
    ),
    total: pvd.total,
    unplannedStays: pvd.unplannedStays,
    band: { ...DWELL_BAND_MINUTES, planned: DWELL_MINUTES },
    dwell,
    residual,
  };
  return {
    result,
    byUnitShift: [...byUnitShift.values()].sort(
      (a, b) =>
        unitOrder(a.unitId, b.unitId, units) ||
        shiftOrder.indexOf(a.shift) - shiftOrder.indexOf(b.shift),
    ),
  };
}

/** The city's order of units (unit-2 before unit-10), units it no longer has last. */
function unitOrder(a: string, b: string, units: readonly { id: string }[]): number {
  const rank = (id: string) => {
    const i = units.findIndex((u) => u.id === id);
    return i < 0 ? units.length : i;
  };
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
