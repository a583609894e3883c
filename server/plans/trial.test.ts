import { describe, expect, it } from 'vitest';
import { demoAreas, demoUnits } from '../../shared/demo-city.js';
import { distanceMetres } from '../../shared/geo.js';
import type { Trial } from '../../shared/observatory-evaluation.js';
import { shiftWindow } from '../../shared/plan.js';
import { cellCentre, gridFor } from '../hotspots/grid.js';
import { rankCells, type WeightedPoint } from '../hotspots/ranking.js';
import { generatePlans, POINTS_PER_UNIT } from './generator.js';
import { assignTrial, cellIdOf, planTrial } from './trial.js';

const areas = demoAreas();
const units = demoUnits();
const grid = gridFor(areas);

/** Incidents over the whole city with some heavy cells, so every quadrant has hot cells. */
function incidents(): WeightedPoint[] {
  const out: WeightedPoint[] = [];
  for (let row = 0; row < grid.rows; row += 2) {
    for (let col = 0; col < grid.cols; col += 3) {
      const heavy = (row * 5 + col * 3) % 7 === 0 ? 5 : 1;
      for (let k = 0; k < heavy; k++)
        out.push({ location: cellCentre(grid, { row, col }), weight: 1 });
    }
  }
  return out;
}
const cells = rankCells(grid, incidents());
const assign = (seed: number) =>
  assignTrial({ seed, units, areas, cells, spacingMetres: 450, perUnit: 2 * POINTS_PER_UNIT });

describe('assignTrial', () => {
  const drawn = assign(20_261_205);

  it('draws the same arms from the same seed, and others from another', () => {
    expect(assign(20_261_205)).toEqual(drawn);
    expect(assign(7)).not.toEqual(drawn);
    // the same cells are eligible whatever the seed: only the arms change
    const ids = (t: Trial['cells']) => t.map((c) => c.cellId).sort();
    expect(ids(assign(7))).toEqual(ids(drawn));
  });

  it('balances the arms within each quadrant and spaces the eligible cells', () => {
    for (const unit of units) {
      const own = drawn.filter((c) => c.unitId === unit.id);
      expect(own.length).toBeGreaterThan(1);
      expect(own.length).toBeLessThanOrEqual(2 * POINTS_PER_UNIT);
      const treated = own.filter((c) => c.arm === 'treatment').length;
      const control = own.length - treated;
      expect(treated - control).toBeGreaterThanOrEqual(0);
      expect(treated - control).toBeLessThanOrEqual(1);
      const at = own.map((c) => cells.find((r) => r.id === c.cellId)!.centre);
      for (const a of at)
        for (const b of at) if (a !== b) expect(distanceMetres(a, b)).toBeGreaterThanOrEqual(450);
    }
  });

  it('makes plans that stand only on treatment cells, never on a control one', () => {
    const trial = planTrial({
      id: 't1',
      seed: 1,
      startedAt: '',
      startedBy: '',
      startsOn: '',
      endedAt: null,
      endedBy: null,
      cells: drawn,
    });
    for (const date of ['2025-03-07', '2025-03-08', '2025-03-09']) {
      for (const shift of ['morning', 'afternoon', 'night'] as const) {
        const plans = generatePlans({
          shift: shiftWindow(date, shift),
          units,
          areas,
          cells,
          salt: 's',
          trial,
        });
        for (const p of plans) {
          expect(p.trialId).toBe('t1');
          const mine = trial.treatment.get(p.unitId)!;
          for (const point of p.points) {
            const cell = cellIdOf(areas, point)!;
            expect(trial.control.has(cell)).toBe(false);
            if (!point.id.endsWith('-centre')) expect(mine.has(point.id)).toBe(true);
          }
          for (const v of p.visits) expect(trial.control.has(v.point)).toBe(false);
        }
      }
    }
  });

  it('leaves plans without a trial as they were', () => {
    const shift = shiftWindow('2025-03-07', 'night');
    for (const p of generatePlans({ shift, units, areas, cells, salt: 's' }))
      expect(p.trialId).toBeUndefined();
  });
});
