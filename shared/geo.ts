/**
 * Geometry on the city's scale (a few kilometres). GeoJSON rings are `[lng, lat]` pairs,
 * as the city configuration stores them; everything else uses `GeoPoint`.
 */
import type { AreaFeature, GeoPoint } from './types.js';

/** Mean Earth radius (IUGG). At city scale the spherical error is far below GPS error. */
const EARTH_RADIUS_METRES = 6_371_008.8;

/**
 * A point outside every area still belongs to the nearest one if its centroid is this
 * close: GPS drift and homes on the municipal border must not leave an alert unrouted.
 */
export const NEAREST_AREA_MAX_METRES = 2000;

/**
 * Grid of `roundLocation`. 0.001° of latitude is about 111 m everywhere; 0.0012° of
 * longitude is about 112 m at Godoy Cruz (cos 32.9° ≈ 0.84), so cells are roughly square.
 * Neighbours see locations on this grid only (DESIGN §2, "rounded to about 100 m").
 */
export const ROUND_LAT_STEP = 0.001;
export const ROUND_LNG_STEP = 0.0012;

export interface BBox {
  minLat: number;
  minLng: number;
  maxLat: number;
  maxLng: number;
}

const toRad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle distance (haversine). */
export function distanceMetres(a: GeoPoint, b: GeoPoint): number {
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  // min() guards against h creeping past 1 by rounding for antipodal points.
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The eight compass points, clockwise from north: how an officer is told where to turn. */
export const COMPASS_POINTS = ['n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw'] as const;
export type CompassPoint = (typeof COMPASS_POINTS)[number];

/** Initial great-circle bearing from `a` to `b`, degrees clockwise from north in [0, 360). */
export function bearingDegrees(a: GeoPoint, b: GeoPoint): number {
  const lat1 = toRad(a.lat);
  const lat2 = toRad(b.lat);
  const dLng = toRad(b.lng - a.lng);
  const y = Math.sin(dLng) * Math.cos(lat2);
  const x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(dLng);
  const deg = (Math.atan2(y, x) * 180) / Math.PI;
  return ((deg % 360) + 360) % 360;
}

/** The compass point nearest a bearing (each covers 45°, north from 337.5° to 22.5°). */
export function compassPoint(bearing: number): CompassPoint {
  const normal = ((bearing % 360) + 360) % 360;
  return COMPASS_POINTS[Math.round(normal / 45) % 8]!;
}

/** Which way and how far `to` lies from `from`: "650 m al noreste". */
export function heading(from: GeoPoint, to: GeoPoint): { metres: number; towards: CompassPoint } {
  return { metres: distanceMetres(from, to), towards: compassPoint(bearingDegrees(from, to)) };
}

/** The nearest of some points to `p` within `maxMetres`, with its distance; null if none. */
export function nearest<T extends GeoPoint>(
  p: GeoPoint,
  points: readonly T[],
  maxMetres = Infinity,
): { point: T; metres: number } | null {
  let best: { point: T; metres: number } | null = null;
  for (const point of points) {
    const metres = distanceMetres(p, point);
    if (metres <= maxMetres && (!best || metres < best.metres)) best = { point, metres };
  }
  return best;
}

/**
 * Even-odd ray casting on a `[lng, lat]` ring (closed or not). The comparisons are
 * half-open, so a point on an edge shared by two adjacent areas falls in exactly one of
 * them: the area grid never assigns a point twice or drops it between cells.
 */
export function pointInPolygon(p: GeoPoint, ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = vertex(ring, i);
    const [xj, yj] = vertex(ring, j);
    if (yi > p.lat !== yj > p.lat) {
      const xCross = ((xj - xi) * (p.lat - yi)) / (yj - yi) + xi;
      if (p.lng < xCross) inside = !inside;
    }
  }
  return inside;
}

/** Inside the outer ring and outside every hole (GeoJSON polygon rules). */
function inPolygonWithHoles(p: GeoPoint, rings: number[][][]): boolean {
  const [outer, ...holes] = rings;
  if (!outer || !pointInPolygon(p, outer)) return false;
  return !holes.some((hole) => pointInPolygon(p, hole));
}

/**
 * Area-weighted centroid of a ring (shoelace formula), treating degrees as planar, which
 * is exact enough for neighbourhood-sized polygons. Degenerate rings (no area) fall back
 * to the mean of their vertices so callers always get a point.
 */
export function polygonCentroid(ring: number[][]): GeoPoint {
  const pts = openRing(ring);
  if (pts.length === 0) throw new Error('polygonCentroid: empty ring');
  // Work relative to the first vertex: keeps the cross products small and precise.
  const [x0, y0] = pts[0]!;
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < pts.length; i++) {
    const [ax, ay] = pts[i]!;
    const [bx, by] = pts[(i + 1) % pts.length]!;
    const x1 = ax - x0;
    const y1 = ay - y0;
    const x2 = bx - x0;
    const y2 = by - y0;
    const cross = x1 * y2 - x2 * y1;
    twiceArea += cross;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  }
  if (Math.abs(twiceArea) < 1e-15) {
    const lng = pts.reduce((s, q) => s + q[0], 0) / pts.length;
    const lat = pts.reduce((s, q) => s + q[1], 0) / pts.length;
    return { lat, lng };
  }
  return { lat: y0 + cy / (3 * twiceArea), lng: x0 + cx / (3 * twiceArea) };
}

/** Bounding box of a `[lng, lat]` ring. */
export function bbox(ring: number[][]): BBox {
  if (ring.length === 0) throw new Error('bbox: empty ring');
  const box: BBox = { minLat: Infinity, minLng: Infinity, maxLat: -Infinity, maxLng: -Infinity };
  for (let i = 0; i < ring.length; i++) {
    const [lng, lat] = vertex(ring, i);
    box.minLat = Math.min(box.minLat, lat);
    box.maxLat = Math.max(box.maxLat, lat);
    box.minLng = Math.min(box.minLng, lng);
    box.maxLng = Math.max(box.maxLng, lng);
  }
  return box;
}

/**
 * The id of the area containing `p`; failing that, the area whose centroid is nearest
 * and within `NEAREST_AREA_MAX_METRES`; else null (the alert still reaches operators,
 * it just has no neighbourhood to notify).
 */
export function areaForPoint(p: GeoPoint, features: AreaFeature[]): string | null {
  for (const f of features) {
    if (inPolygonWithHoles(p, f.geometry.coordinates)) return f.properties.id;
  }
  let best: string | null = null;
  let bestDistance = NEAREST_AREA_MAX_METRES;
  for (const f of features) {
    const outer = f.geometry.coordinates[0];
    if (!outer || outer.length === 0) continue;
    const d = distanceMetres(p, polygonCentroid(outer));
    if (d <= bestDistance) {
      bestDistance = d;
      best = f.properties.id;
    }
  }
  return best;
}

/**
 * Snaps to the nearest node of the ROUND_LAT_STEP × ROUND_LNG_STEP grid, so every alert
 * in the same ~100 m cell shows at the same point and the exact home cannot be recovered
 * by averaging. Steps are applied in integer units to avoid float noise (0.0012 × n).
 */
export function roundLocation(p: GeoPoint): GeoPoint {
  return {
    lat: snap(p.lat, 1, 1000),
    lng: snap(p.lng, 12, 10_000),
  };
}

/** Rounds `value` to a multiple of `step / scale`; `+ 0` turns -0 into 0. */
function snap(value: number, step: number, scale: number): number {
  return (Math.round((value * scale) / step) * step) / scale + 0;
}

function vertex(ring: number[][], i: number): [number, number] {
  const v = ring[i];
  if (!v || v.length < 2) throw new Error(`invalid ring vertex at ${i}`);
  return [v[0]!, v[1]!];
}

/** Ring vertices without the closing duplicate GeoJSON requires. */
function openRing(ring: number[][]): [number, number][] {
  const pts = ring.map((_, i) => vertex(ring, i));
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (pts.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) pts.pop();
  return pts;
}
