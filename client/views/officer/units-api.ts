import type { PlanPoint, PlanVisit, ShiftPlan, PointStay } from '../../../shared/plan.js';
import { call } from '../../data/api.js';

/**
 * `/api/units` for the operators' plan view: the few calls only that view makes, typed, in one
 * place (the officer's phone never calls them: it works from the unit's room, offline too).
 */
export interface UnitSummary {
  id: string;
  label: string;
  quadrant: string[];
}

export interface RankedCellView {
  id: string;
  centre: { lat: number; lng: number };
  gi: number;
  rank: number;
  count: number;
  significant: boolean;
}

export const unitsApi = {
  list: () => call<{ units: UnitSummary[] }>('GET', '/units').then((r) => r.units),
  plans: (unitId: string) =>
    call<{ plans: ShiftPlan[] }>('GET', `/units/${unitId}/plan`).then((r) => r.plans),
  save: (unitId: string, key: string, points: PlanPoint[], visits: PlanVisit[]) =>
    call<{ plan: ShiftPlan }>('PUT', `/units/${unitId}/plan/${key}`, { points, visits }).then(
      (r) => r.plan,
    ),
  activity: (unitId: string, since: string) =>
    call<{ stays: PointStay[]; checkins: unknown[]; conversations: unknown[] }>(
      'GET',
      `/units/${unitId}/activity?since=${encodeURIComponent(since)}`,
    ),
  hotspots: (at: string, unitId: string) =>
    call<{ cells: RankedCellView[] }>(
      'GET',
      `/units/hotspots/ranked?at=${encodeURIComponent(at)}&unit=${encodeURIComponent(unitId)}`,
    ).then((r) => r.cells),
};
