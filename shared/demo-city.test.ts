import { describe, expect, it } from 'vitest';
import {
  DEMO_CENTRE,
  DEMO_PASSWORD,
  DEMO_REGISTERED_USERS,
  demoAreas,
  demoHouseholds,
  demoResidents,
  demoSirens,
  demoStaff,
  demoUnits,
  seededRandom,
} from './demo-city.js';
import { areaForPoint, bbox, distanceMetres, pointInPolygon } from './geo.js';

const areas = demoAreas();
const ringOf = (areaId: string): number[][] =>
  areas.find((a) => a.properties.id === areaId)!.geometry.coordinates[0]!;

describe('demoAreas', () => {
  it('makes 40 distinct areas with ids area-1…area-40', () => {
    expect(areas).toHaveLength(40);
    expect(areas.map((a) => a.properties.id)).toEqual(
      Array.from({ length: 40 }, (_, i) => `area-${i + 1}`),
    );
    expect(new Set(areas.map((a) => a.properties.name)).size).toBe(40);
  });

  it('cuts the same ground into a finer grid with distinct names (the 400 groups of DESIGN §1)', () => {
    const fine = demoAreas(25, 16);
    expect(fine).toHaveLength(400);
    expect(new Set(fine.map((a) => a.properties.name)).size).toBe(400);
    expect(fine[40]!.properties.name).toBe(`${areas[0]!.properties.name} 2`);
    const box = (list: typeof areas) => bbox(list.flatMap((a) => a.geometry.coordinates[0]!));
    expect(box(fine)).toEqual(box(areas));
    expect(areaForPoint(DEMO_CENTRE, fine)).toMatch(/^area-/);
  });

  it('covers about 7 km × 5 km around the centre of Godoy Cruz', () => {
    const all = bbox(areas.flatMap((a) => a.geometry.coordinates[0]!));
    const midLat = (all.minLat + all.maxLat) / 2;
    const midLng = (all.minLng + all.maxLng) / 2;
    expect(midLat).toBeCloseTo(DEMO_CENTRE.lat, 4);
    expect(midLng).toBeCloseTo(DEMO_CENTRE.lng, 4);
    const ew = distanceMetres({ lat: midLat, lng: all.minLng }, { lat: midLat, lng: all.maxLng });
    const ns = distanceMetres({ lat: all.minLat, lng: midLng }, { lat: all.maxLat, lng: midLng });
    expect(ew).toBeGreaterThan(6950);
    expect(ew).toBeLessThan(7050);
    expect(ns).toBeGreaterThan(4950);
    expect(ns).toBeLessThan(5050);
  });

  it('puts area-1 at the north-west corner and area-40 at the south-east', () => {
    const first = bbox(ringOf('area-1'));
    const last = bbox(ringOf('area-40'));
    expect(first.maxLat).toBeGreaterThan(last.maxLat);
    expect(first.minLng).toBeLessThan(last.minLng);
  });

  it('writes closed, counter-clockwise rings', () => {
    for (const a of areas) {
      const ring = a.geometry.coordinates[0]!;
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      let twiceArea = 0;
      for (let i = 0; i < ring.length - 1; i++) {
        twiceArea += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
      }
      expect(twiceArea).toBeGreaterThan(0);
    }
  });

  it('assigns every point of the city to exactly one area', () => {
    const all = bbox(areas.flatMap((a) => a.geometry.coordinates[0]!));
    const hits = (p: { lat: number; lng: number }): number =>
      areas.filter((a) => pointInPolygon(p, a.geometry.coordinates[0]!)).length;
    // A 97 × 71 sample, deliberately not aligned with the 8 × 5 grid…
    for (let i = 0; i < 97; i++) {
      for (let j = 0; j < 71; j++) {
        const p = {
          lat: all.minLat + ((all.maxLat - all.minLat) * (j + 0.5)) / 71,
          lng: all.minLng + ((all.maxLng - all.minLng) * (i + 0.5)) / 97,
        };
        expect(hits(p)).toBe(1);
      }
    }
    // …and points exactly on interior edges and corners, where a sloppy test double-counts.
    const lats = [...new Set(areas.flatMap((a) => a.geometry.coordinates[0]!.map((v) => v[1]!)))];
    const lngs = [...new Set(areas.flatMap((a) => a.geometry.coordinates[0]!.map((v) => v[0]!)))];
    const interior = (xs: number[]): number[] =>
      xs.filter((x) => x !== Math.min(...xs) && x !== Math.max(...xs));
    for (const lat of interior(lats)) {
      for (const lng of interior(lngs)) {
        expect(hits({ lat, lng })).toBe(1);
        expect(hits({ lat, lng: lng + 0.001 })).toBe(1);
        expect(hits({ lat: lat + 0.001, lng })).toBe(1);
      }
    }
  });

  it('is deterministic', () => {
    expect(demoAreas()).toEqual(areas);
  });
});

describe('demoSirens', () => {
  const sirens = demoSirens(areas);

  it('places three sirens inside each area, ids siren-1…', () => {
    expect(sirens).toHaveLength(120);
    expect(sirens[0]!.id).toBe('siren-1');
    expect(sirens[119]!.id).toBe('siren-120');
    for (const s of sirens) {
      expect(pointInPolygon(s, ringOf(s.areaId))).toBe(true);
      expect(s.label).toContain(areas.find((a) => a.properties.id === s.areaId)!.properties.name);
    }
    expect(new Set(sirens.map((s) => `${s.lat},${s.lng}`)).size).toBe(120);
  });

  it('honours perArea and is deterministic', () => {
    expect(demoSirens(areas, 1)).toHaveLength(40);
    expect(demoSirens(areas)).toEqual(sirens);
  });
});

describe('demoUnits', () => {
  const units = demoUnits();

  it('splits the 40 areas into 10 quadrants of 4, each area once', () => {
    expect(units.map((u) => u.id)).toEqual(Array.from({ length: 10 }, (_, i) => `unit-${i + 1}`));
    expect(units[0]!.label).toBe('Móvil 1');
    expect(units.every((u) => u.quadrant.length === 4)).toBe(true);
    const all = units.flatMap((u) => u.quadrant);
    expect(new Set(all)).toEqual(new Set(areas.map((a) => a.properties.id)));
  });

  it('makes each quadrant contiguous (cells joined through shared edges)', () => {
    const cell = (id: string): [number, number] => {
      const n = Number(id.slice('area-'.length)) - 1;
      return [Math.floor(n / 8), n % 8];
    };
    for (const u of units) {
      const cells = u.quadrant.map(cell);
      const reached = new Set([0]);
      for (let changed = true; changed;) {
        changed = false;
        cells.forEach(([r, c], i) => {
          if (reached.has(i)) return;
          const touches = [...reached].some((j) => {
            const [r2, c2] = cells[j]!;
            return Math.abs(r - r2) + Math.abs(c - c2) === 1;
          });
          if (touches) {
            reached.add(i);
            changed = true;
          }
        });
      }
      expect(reached.size, u.id).toBe(4);
    }
  });
});

describe('demoResidents', () => {
  const residents = demoResidents(areas).slice(0, 40);

  it('makes vecino1…vecino40, one per area, each at home inside its area', () => {
    residents.forEach((r, i) => {
      expect(r.username).toBe(`vecino${i + 1}`);
      expect(r.areaId).toBe(`area-${i + 1}`);
      expect(pointInPolygon(r.home, ringOf(r.areaId))).toBe(true);
      expect(areaForPoint(r.home, areas)).toBe(r.areaId);
      expect(r.phone).toMatch(/^\+54 261 4\d\d \d{4}$/);
      expect(r.address).toMatch(/^[\p{L}.\d ]+ \d{3,4}$/u);
      expect(r.name).toMatch(/^\p{Lu}\p{L}+ \p{Lu}\p{L}+$/u);
    });
  });

  it('wraps around the areas and keeps phones and names unique for a large city', () => {
    const many = demoResidents(areas, 2000);
    expect(many[40]!.areaId).toBe('area-1');
    expect(new Set(many.map((r) => r.phone)).size).toBe(2000);
    expect(new Set(many.map((r) => r.name)).size).toBe(2000);
    expect(new Set(many.map((r) => r.username)).size).toBe(2000);
  });

  it('seeds three neighbours per area: vecino1, vecino41 and vecino81 share area-1', () => {
    const all = demoResidents(areas);
    expect(all).toHaveLength(120);
    const first = all.filter((r) => r.areaId === 'area-1').map((r) => r.username);
    expect(first).toEqual(['vecino1', 'vecino41', 'vecino81']);
  });

  it('does not change the first residents when more are asked for', () => {
    expect(demoResidents(areas, 100).slice(0, 40)).toEqual(residents);
  });
});

describe('demoHouseholds', () => {
  const areas = demoAreas();
  const centre = DEMO_CENTRE;
  const homes = demoHouseholds(areas, centre);
  const residents = demoResidents(areas);

  it("fills the demo up to the reference city's registered residents, each home in its area", () => {
    expect(homes.length + residents.length).toBe(DEMO_REGISTERED_USERS);
    for (const h of homes) {
      const area = areas.find((a) => a.properties.id === h.areaId)!;
      expect(pointInPolygon(h.home, area.geometry.coordinates[0]!)).toBe(true);
    }
  });

  it('never reuses a username or a name, and is the same on every start', () => {
    const names = new Set([...homes, ...residents, ...demoStaff()].map((p) => p.name));
    expect(names.size).toBe(homes.length + residents.length + demoStaff().length);
    expect(new Set(homes.map((h) => h.username)).size).toBe(homes.length);
    expect(demoHouseholds(areas, centre).slice(0, 50)).toEqual(homes.slice(0, 50));
  });

  it('puts homes closer to the centre than the residents spread evenly over the areas', () => {
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const fromCentre = (ps: { home: { lat: number; lng: number } }[]) =>
      median(ps.map((p) => distanceMetres(p.home, centre)));
    expect(fromCentre(homes)).toBeLessThan(fromCentre(residents) * 0.9);
  });
});

describe('demoStaff', () => {
  const staff = demoStaff();

  it('has two officers per unit, three operators, an admin and an analyst', () => {
    const officers = staff.filter((s) => s.role === 'officer');
    expect(officers.map((o) => o.username)).toEqual(
      Array.from({ length: 20 }, (_, i) => `oficial${i + 1}`),
    );
    expect(officers.slice(0, 2).map((o) => o.unitId)).toEqual(['unit-1', 'unit-1']);
    expect(officers[19]!.unitId).toBe('unit-10');
    expect(staff.filter((s) => s.role === 'operator').map((s) => s.username)).toEqual([
      'operador1',
      'operador2',
      'operador3',
    ]);
    expect(staff.filter((s) => s.role === 'admin').map((s) => s.username)).toEqual(['admin']);
    expect(staff.filter((s) => s.role === 'analyst').map((s) => s.username)).toEqual(['analista1']);
    expect(staff.filter((s) => s.role !== 'officer').every((s) => s.unitId === null)).toBe(true);
  });

  it('gives everyone a name no resident has', () => {
    const names = [...staff, ...demoResidents(areas, 1000)].map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('shares one demo password', () => {
    expect(DEMO_PASSWORD).toBe('demo1234');
  });
});

describe('seededRandom', () => {
  it('repeats for a seed, differs across seeds, stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});
