import type { PlanPoint, PlanVisit, ShiftPlan, PointStay } from '../../../shared/plan.js';
import { ApiFailure } from '../../data/api.js';

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

async function call<T>(method: 'GET' | 'PUT', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/units${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiFailure('offline', 'No connection');
  }
  if (res.ok) return (await res.json()) as T;
  const err = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  throw new ApiFailure('bad_request', err?.error?.message ?? res.statusText, res.status);
}

export const unitsApi = {
  list: () => call<{ units: UnitSummary[] }>('GET', '').then((r) => r.units),
  plans: (unitId: string) =>
    call<{ plans: ShiftPlan[] }>('GET', `/${unitId}/plan`).then((r) => r.plans),
  save: (unitId: string, key: string, points: PlanPoint[], visits: PlanVisit[]) =>
    call<{ plan: ShiftPlan }>('PUT', `/${unitId}/plan/${key}`, { points, visits }).then(
      (r) => r.plan,
    ),
  activity: (unitId: string, since: string) =>
    call<{ stays: PointStay[]; checkins: unknown[]; conversations: unknown[] }>(
      'GET',
      `/${unitId}/activity?since=${encodeURIComponent(since)}`,
    ),
  hotspots: (at: string, unitId: string) =>
    call<{ cells: RankedCellView[] }>(
      'GET',
      `/hotspots/ranked?at=${encodeURIComponent(at)}&unit=${encodeURIComponent(unitId)}`,
    ).then((r) => r.cells),
};
