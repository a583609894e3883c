import { describe, expect, it } from 'vitest';
import { demoAreas, demoUnits } from '../../shared/demo-city.js';
import { distanceMetres } from '../../shared/geo.js';
import {
  DWELL_MINUTES,
  localParts,
  PATROL_MINUTES,
  shiftWindow,
  type ShiftPlan,
} from '../../shared/plan.js';
import { cellCentre, gridFor } from '../hotspots/grid.js';
import { rankCells, type WeightedPoint } from '../hotspots/ranking.js';
import {
  allocate,
  areaContaining,
  generatePlans,
  MIN_GAP_MINUTES,
  MIN_SPACING_METRES,
} from './generator.js';

const areas = demoAreas();
const units = demoUnits();
const grid = gridFor(areas);
const shift = shiftWindow('2025-03-07', 'night');

/** Incidents scattered over the city with a few heavy cells, so every quadrant has some. */
function incidents(): WeightedPoint[] {
  const out: WeightedPoint[] = [];
  for (let row = 0; row < grid.rows; row += 3) {
    for (let col = 0; col < grid.cols; col += 4) {
      const heavy = (row * 7 + col * 3) % 11 === 0 ? 6 : 1;
      for (let k = 0; k < heavy; k++)
        out.push({ location: cellCentre(grid, { row, col }), weight: 1 });
    }
  }
  return out;
}

const cells = rankCells(grid, incidents());
const plans = generatePlans({ shift, units, areas, cells, salt: 'test', now: shift.start });
const minutes = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 60_000;

describe('generatePlans', () => {
  it('makes one plan per unit for the shift', () => {
    expect(plans.map((p) => p.unitId)).toEqual(units.map((u) => u.id));
    for (const p of plans) {
      expect(p).toMatchObject({ key: '2025-03-07.night', shift: 'night', source: 'generated' });
      expect(minutes(p.start, p.end)).toBe(8 * 60);
    }
  });

  it('holds one 14-minute visit in every hour and 46 minutes of patrol', () => {
    for (const p of plans) {
      expect(p.visits).toHaveLength(8);
      p.visits.forEach((v, hour) => {
        const hourStart = Date.parse(p.start) + hour * 3_600_000;
        expect(minutes(v.start, v.end)).toBe(DWELL_MINUTES);
        expect(Date.parse(v.start)).toBeGreaterThanOrEqual(hourStart);
        expect(Date.parse(v.end)).toBeLessThanOrEqual(hourStart + 3_600_000);
      });
      const dwell = p.visits.reduce((s, v) => s + minutes(v.start, v.end), 0);
      expect(8 * 60 - dwell).toBe(8 * PATROL_MINUTES);
    }
  });

  it("plans fixed points only in the hours of the city's programme; the others are patrol", () => {
    // The reference city's programme left 03:00–07:00 without fixed points: a night shift
    // (22:00–06:00) keeps its visits at 22, 23, 0, 1 and 2 o'clock.
    const programmeHours = Array.from({ length: 24 }, (_, h) => h).filter((h) => h < 3 || h >= 7);
    const night = generatePlans({ shift, units, areas, cells, salt: 'test', programmeHours });
    for (const p of night) {
      expect(p.visits.map((v) => localParts(new Date(v.start)).hour)).toEqual([22, 23, 0, 1, 2]);
      for (const v of p.visits) expect(minutes(v.start, v.end)).toBe(DWELL_MINUTES);
      expect(new Set(p.visits.map((v) => v.point))).toEqual(new Set(p.points.map((q) => q.id)));
    }
    const morning = shiftWindow('2025-03-07', 'morning'); // 06:00–14:00: 07 to 13 o'clock
    const day = generatePlans({
      shift: morning,
      units,
      areas,
      cells,
      salt: 'test',
      programmeHours,
    });
    for (const p of day) expect(p.visits).toHaveLength(7);
  });

  it('leaves time to drive between points and never repeats a point twice in a row', () => {
    for (const p of plans) {
      for (let i = 1; i < p.visits.length; i++) {
        expect(minutes(p.visits[i - 1]!.end, p.visits[i]!.start)).toBeGreaterThanOrEqual(
          MIN_GAP_MINUTES,
        );
        expect(p.visits[i]!.point).not.toBe(p.visits[i - 1]!.point);
      }
    }
  });

  it('covers the top cells of each quadrant and visits every point', () => {
    for (const p of plans) {
      const unit = units.find((u) => u.id === p.unitId)!;
      const own = cells.filter((c) =>
        unit.quadrant.includes(areaContaining(c.centre, areas) ?? ''),
      );
      expect(p.points[0]!.id).toBe(own[0]!.id); // the hottest cell of the quadrant
      expect(p.points).toHaveLength(4);
      for (const point of p.points) {
        expect(p.visits.some((v) => v.point === point.id)).toBe(true);
        expect(unit.quadrant).toContain(point.areaId);
      }
      // Every point is one of the quadrant's top cells once near duplicates are skipped.
      const topIds = own.slice(0, 12).map((c) => c.id);
      for (const point of p.points) expect(topIds).toContain(point.id);
      for (const a of p.points)
        for (const b of p.points)
          if (a !== b) expect(distanceMetres(a, b)).toBeGreaterThanOrEqual(MIN_SPACING_METRES);
    }
  });

  it('never gives two units the same point or a point in another quadrant', () => {
    const seen = new Map<string, string>();
    for (const p of plans) {
      for (const point of p.points) {
        expect(seen.get(point.id)).toBeUndefined();
        seen.set(point.id, p.unitId);
      }
    }
    const all = plans.flatMap((p) => p.points.map((q) => ({ ...q, unit: p.unitId })));
    for (const a of all)
      for (const b of all) if (a.unit !== b.unit) expect(distanceMetres(a, b)).toBeGreaterThan(0);
  });

  it('is reproducible for a shift, unit and salt, and changes with any of them', () => {
    const again = generatePlans({ shift, units, areas, cells, salt: 'test', now: shift.start });
    expect(again).toEqual(plans);
    const order = (ps: ShiftPlan[]) => ps.map((p) => p.visits.map((v) => `${v.point}@${v.start}`));
    const otherSalt = generatePlans({ shift, units, areas, cells, salt: 'x', now: shift.start });
    expect(order(otherSalt)).not.toEqual(order(plans));
    const nextNight = shiftWindow('2025-03-08', 'night');
    const next = generatePlans({ shift: nextNight, units, areas, cells, salt: 'test' });
    // Same hot cells, different night: same points, a different rotation.
    expect(next.map((p) => p.points.map((q) => q.id))).toEqual(
      plans.map((p) => p.points.map((q) => q.id)),
    );
    const shifted = (ps: ShiftPlan[], base: Date) =>
      ps.map((p) => p.visits.map((v) => `${v.point}+${minutes(base.toISOString(), v.start)}`));
    expect(shifted(next, nextNight.start)).not.toEqual(shifted(plans, shift.start));
  });

  it('still plans a round of the quadrant with no history at all', () => {
    const quiet = generatePlans({ shift, units, areas, cells: [], salt: 'q' });
    for (const p of quiet) {
      expect(p.points).toHaveLength(4);
      expect(p.points.every((q) => q.rank === 0 && q.id.endsWith('-centre'))).toBe(true);
      expect(p.visits).toHaveLength(8);
    }
  });
});

describe('allocate', () => {
  const point = (gi: number) => ({
    id: `p${gi}`,
    label: '',
    areaId: 'a',
    lat: 0,
    lng: 0,
    rank: 1,
    gi,
  });

  it('gives every point one visit and the spare hours by heat', () => {
    expect(allocate([point(6), point(2), point(0), point(0)], 8)).toEqual([4, 2, 1, 1]);
    expect(allocate([point(1)], 8)).toEqual([8]);
    expect(allocate([], 8)).toEqual([]);
  });
});
