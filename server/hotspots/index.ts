import type { ShiftWindow } from '../../shared/plan.js';
import type { AreaFeature } from '../../shared/types.js';
import type { PatrolStore } from '../storage/patrol.js';
import { gridFor } from './grid.js';
import { rankCells, type RankedCell } from './ranking.js';
import { weigherFor } from './weights.js';
import { isPatrolEvidence } from './evidence.js';

export { CELL_METRES, gridFor, cellOf, cellId, type Grid } from './grid.js';
export { GI_SIGNIFICANT, rankCells, type RankedCell, type WeightedPoint } from './ranking.js';
export { TYPE_WEIGHTS, weigherFor } from './weights.js';
export { VERIFIED_STATUSES, isPatrolEvidence } from './evidence.js';

/** Hot spots are computed from the alerts of this many days before the shift. */
export const HOTSPOT_DAYS = 90;

/**
 * The city's micro-places ranked for one shift: verified, non-silent alerts
 * (`isPatrolEvidence`, evidence.ts) of the last HOTSPOT_DAYS with a location, weighted by
 * type, hour and kind of day for that shift, on the grid.
 */
export function hotspotsFor(
  store: Pick<PatrolStore, 'incidentsSince'>,
  areas: readonly AreaFeature[],
  shift: ShiftWindow,
): RankedCell[] {
  const since = new Date(shift.start.getTime() - HOTSPOT_DAYS * 86_400_000).toISOString();
  const weigh = weigherFor(shift);
  const incidents = store
    .incidentsSince(since)
    .filter((i) => i.receivedAt < shift.start.toISOString() && isPatrolEvidence(i))
    .map((i) => ({
      location: { lat: i.lat, lng: i.lng },
      weight: weigh(i.type, new Date(i.receivedAt)),
    }));
  return rankCells(gridFor(areas), incidents);
}
