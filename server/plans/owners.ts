import { pointInPolygon } from '../../shared/geo.js';
import type { AreaFeature } from '../../shared/types.js';
import type { UnitInfo } from '../city/city.js';
import type { RankedCell } from '../hotspots/ranking.js';

/** cell id → unit id, for cells whose centre lies in some unit's quadrant. */
export function ownersOf(
  cells: readonly RankedCell[],
  units: readonly UnitInfo[],
  areas: readonly AreaFeature[],
): Map<string, string> {
  const unitOfArea = new Map<string, string>();
  for (const u of units)
    for (const a of u.quadrant) if (!unitOfArea.has(a)) unitOfArea.set(a, u.id);
  const owner = new Map<string, string>();
  for (const c of cells) {
    const area = areaContaining(c.centre, areas);
    const unit = area ? unitOfArea.get(area) : undefined;
    if (unit) owner.set(c.id, unit);
  }
  return owner;
}

/**
 * The area whose polygon holds `p`; null outside every one. Stricter than `areaForPoint`,
 * which snaps a nearby point to the closest area: a cell straddling the city's edge must not
 * put a fixed point outside the quadrant.
 */
export function areaContaining(p: { lat: number; lng: number }, areas: readonly AreaFeature[]) {
  const found = areas.find((a) => pointInPolygon(p, a.geometry.coordinates[0] ?? []));
  return found?.properties.id ?? null;
}
