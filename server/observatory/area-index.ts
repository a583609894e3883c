import { bbox, pointInPolygon, type BBox } from '../../shared/geo.js';
import type { AreaFeature, GeoPoint } from '../../shared/types.js';

/**
 * The area strictly holding a point (inside its outer ring, outside its holes), or null:
 * `Incident.areaId` says where an incident happened, so a point outside every area has none
 * (unlike `areaForPoint`, which falls back to the nearest area for an alert's neighbours).
 * Each area's box is checked first, so a city-year of points costs a few polygon tests each
 * instead of one per area. Areas are tried in the city's order, as `areaForPoint` does.
 */
export function areaLocator(areas: readonly AreaFeature[]): (p: GeoPoint) => string | null {
  const boxes: { id: string; box: BBox; rings: number[][][] }[] = areas
    .filter((a) => (a.geometry.coordinates[0]?.length ?? 0) > 0)
    .map((a) => ({
      id: a.properties.id,
      box: bbox(a.geometry.coordinates[0]!),
      rings: a.geometry.coordinates,
    }));
  return (p) => {
    for (const { id, box, rings } of boxes) {
      if (p.lat < box.minLat || p.lat > box.maxLat || p.lng < box.minLng || p.lng > box.maxLng)
        continue;
      const [outer, ...holes] = rings;
      if (outer && pointInPolygon(p, outer) && !holes.some((h) => pointInPolygon(p, h))) return id;
    }
    return null;
  };
}
