import { describe, expect, it } from 'vitest';
import {
  NEAREST_AREA_MAX_METRES,
  areaForPoint,
  bbox,
  bearingDegrees,
  compassPoint,
  distanceMetres,
  heading,
  nearest,
  pointInPolygon,
  polygonCentroid,
  roundLocation,
} from './geo.js';
import type { AreaFeature } from './types.js';

const square = (x0: number, y0: number, size: number): number[][] => [
  [x0, y0],
  [x0 + size, y0],
  [x0 + size, y0 + size],
  [x0, y0 + size],
  [x0, y0],
];

const feature = (id: string, rings: number[][][]): AreaFeature => ({
  type: 'Feature',
  properties: { id, name: id },
  geometry: { type: 'Polygon', coordinates: rings },
});

describe('distanceMetres', () => {
  it('is zero for the same point', () => {
    expect(distanceMetres({ lat: -32.9, lng: -68.8 }, { lat: -32.9, lng: -68.8 })).toBe(0);
  });

  it('measures one degree of latitude as about 111.2 km', () => {
    const d = distanceMetres({ lat: 0, lng: 0 }, { lat: 1, lng: 0 });
    expect(d).toBeGreaterThan(111_100);
    expect(d).toBeLessThan(111_300);
  });

  it('matches a known city distance (Godoy Cruz centre to Mendoza centre, about 4.3 km)', () => {
    const d = distanceMetres({ lat: -32.9275, lng: -68.845 }, { lat: -32.8895, lng: -68.8458 });
    expect(d).toBeGreaterThan(4100);
    expect(d).toBeLessThan(4400);
  });

  it('is symmetric', () => {
    const a = { lat: -32.91, lng: -68.86 };
    const b = { lat: -32.95, lng: -68.81 };
    expect(distanceMetres(a, b)).toBeCloseTo(distanceMetres(b, a), 6);
  });
});

describe('pointInPolygon', () => {
  const ring = square(-68.9, -33, 0.1);

  it('finds inside and outside points', () => {
    expect(pointInPolygon({ lat: -32.95, lng: -68.85 }, ring)).toBe(true);
    expect(pointInPolygon({ lat: -32.85, lng: -68.85 }, ring)).toBe(false);
    expect(pointInPolygon({ lat: -32.95, lng: -68.7 }, ring)).toBe(false);
  });

  it('works on an open ring and a concave one', () => {
    expect(pointInPolygon({ lat: -32.95, lng: -68.85 }, ring.slice(0, 4))).toBe(true);
    // An L shape: the notch at the top right is outside.
    const l = [
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
    ];
    expect(pointInPolygon({ lat: 1.5, lng: 1.5 }, l)).toBe(false);
    expect(pointInPolygon({ lat: 1.5, lng: 0.5 }, l)).toBe(true);
    expect(pointInPolygon({ lat: 0.5, lng: 1.5 }, l)).toBe(true);
  });

  it('assigns a point on a shared edge to exactly one of two neighbours', () => {
    const left = square(0, 0, 1);
    const right = square(1, 0, 1);
    const below = square(0, -1, 1);
    for (const p of [
      { lat: 0.5, lng: 1 },
      { lat: 0, lng: 0.5 },
      { lat: 0, lng: 1 },
    ]) {
      const hits = [left, right, below].filter((r) => pointInPolygon(p, r)).length;
      expect(hits).toBeLessThanOrEqual(1);
    }
    expect([left, right].filter((r) => pointInPolygon({ lat: 0.5, lng: 1 }, r))).toHaveLength(1);
  });
});

describe('polygonCentroid and bbox', () => {
  it('finds the centre of a square', () => {
    const c = polygonCentroid(square(-68.9, -33, 0.1));
    expect(c.lat).toBeCloseTo(-32.95, 10);
    expect(c.lng).toBeCloseTo(-68.85, 10);
  });

  it('weights by area, not by vertex count', () => {
    // Extra collinear vertices on one side must not pull the centroid.
    const ring = [
      [0, 0],
      [0.5, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ];
    const c = polygonCentroid(ring);
    expect(c.lat).toBeCloseTo(0.5, 10);
    expect(c.lng).toBeCloseTo(0.5, 10);
  });

  it('falls back to the vertex mean for a degenerate ring', () => {
    expect(
      polygonCentroid([
        [0, 0],
        [2, 2],
      ]),
    ).toEqual({ lat: 1, lng: 1 });
  });

  it('computes a bounding box', () => {
    const ring = [
      [-68.9, -33],
      [-68.8, -32.95],
      [-68.85, -32.9],
    ];
    expect(bbox(ring)).toEqual({ minLat: -33, maxLat: -32.9, minLng: -68.9, maxLng: -68.8 });
  });
});

describe('areaForPoint', () => {
  const a = feature('a', [square(0, 0, 0.01)]);
  const b = feature('b', [square(0.01, 0, 0.01)]);
  // 'c' has a hole where 'd' sits, as a gated neighbourhood inside another would.
  const c = feature('c', [square(0, 1, 0.03), square(0.01, 1.01, 0.01)]);
  const d = feature('d', [square(0.01, 1.01, 0.01)]);

  it('returns the containing area', () => {
    expect(areaForPoint({ lat: 0.005, lng: 0.005 }, [a, b])).toBe('a');
    expect(areaForPoint({ lat: 0.005, lng: 0.015 }, [a, b])).toBe('b');
  });

  it('respects holes', () => {
    expect(areaForPoint({ lat: 1.015, lng: 0.015 }, [c, d])).toBe('d');
    expect(areaForPoint({ lat: 1.005, lng: 0.005 }, [c, d])).toBe('c');
  });

  it('falls back to the nearest centroid within the limit', () => {
    // 0.002° south of 'a' (about 220 m outside), nearer a's centroid than b's.
    expect(areaForPoint({ lat: -0.002, lng: 0.004 }, [a, b])).toBe('a');
  });

  it('returns null when nothing is near enough', () => {
    const farLat = (NEAREST_AREA_MAX_METRES + 500) / 111_195;
    expect(areaForPoint({ lat: -farLat, lng: 0.005 }, [a, b])).toBeNull();
    expect(areaForPoint({ lat: 0, lng: 0 }, [])).toBeNull();
  });
});

describe('roundLocation', () => {
  it('snaps to the 0.001° × 0.0012° grid without float noise', () => {
    expect(roundLocation({ lat: -32.92751, lng: -68.84512 })).toEqual({
      lat: -32.928,
      lng: -68.8452,
    });
    expect(roundLocation({ lat: 0.0004, lng: 0.0005 })).toEqual({ lat: 0, lng: 0 });
    expect(Object.is(roundLocation({ lat: -0.0001, lng: -0.0001 }).lat, -0)).toBe(false);
  });

  it('moves a point by no more than half a cell (about 80 m) and maps a cell to one point', () => {
    const base = { lat: -32.9275, lng: -68.845 };
    const snapped = new Set<string>();
    for (let i = 0; i < 20; i++) {
      for (let j = 0; j < 20; j++) {
        const p = { lat: base.lat + i * 0.00005, lng: base.lng + j * 0.00005 };
        const r = roundLocation(p);
        expect(distanceMetres(p, r)).toBeLessThan(80);
        snapped.add(`${r.lat},${r.lng}`);
      }
    }
    // 20 × 0.00005° = 0.001° lat and lng: at most two rows and two columns of cells.
    expect(snapped.size).toBeLessThanOrEqual(4);
  });

  it('is idempotent', () => {
    const once = roundLocation({ lat: -32.93333, lng: -68.81111 });
    expect(roundLocation(once)).toEqual(once);
  });
});

describe('bearing, compass point and heading', () => {
  const centre = { lat: -32.9275, lng: -68.845 };
  /** A point `metres` away along a cardinal axis (small distances: planar is exact enough). */
  const moved = (north: number, east: number) => ({
    lat: centre.lat + north / 111_195,
    lng: centre.lng + east / (111_195 * Math.cos((centre.lat * Math.PI) / 180)),
  });

  it('measures bearings clockwise from north', () => {
    expect(bearingDegrees(centre, moved(500, 0))).toBeCloseTo(0, 0);
    expect(bearingDegrees(centre, moved(0, 500))).toBeCloseTo(90, 0);
    expect(bearingDegrees(centre, moved(-500, 0))).toBeCloseTo(180, 0);
    expect(bearingDegrees(centre, moved(0, -500))).toBeCloseTo(270, 0);
    expect(bearingDegrees(centre, moved(400, 400))).toBeCloseTo(45, 0);
  });

  it('stays in [0, 360)', () => {
    const b = bearingDegrees(centre, moved(500, -1));
    expect(b).toBeGreaterThanOrEqual(0);
    expect(b).toBeLessThan(360);
  });

  it('names the nearest of eight compass points, wrapping at north', () => {
    expect(compassPoint(0)).toBe('n');
    expect(compassPoint(22.4)).toBe('n');
    expect(compassPoint(22.6)).toBe('ne');
    expect(compassPoint(90)).toBe('e');
    expect(compassPoint(200)).toBe('s');
    expect(compassPoint(225)).toBe('sw');
    expect(compassPoint(300)).toBe('nw');
    expect(compassPoint(350)).toBe('n');
    expect(compassPoint(-45)).toBe('nw');
    expect(compassPoint(720 + 135)).toBe('se');
  });

  it('says how far and which way: 650 m to the north-east', () => {
    const h = heading(centre, moved(460, 460));
    expect(h.towards).toBe('ne');
    expect(h.metres).toBeGreaterThan(640);
    expect(h.metres).toBeLessThan(660);
  });

  it('finds the nearest point within a radius', () => {
    const points = [
      { id: 'a', ...moved(300, 0) },
      { id: 'b', ...moved(0, 100) },
      { id: 'c', ...moved(-2000, 0) },
    ];
    expect(nearest(centre, points)?.point.id).toBe('b');
    expect(nearest(centre, points)?.metres).toBeCloseTo(100, 0);
    expect(nearest(moved(-1900, 0), points, 50)).toBeNull();
    expect(nearest(centre, [])).toBeNull();
  });
});
