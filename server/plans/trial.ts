import { distanceMetres } from '../../shared/geo.js';
import type { Trial } from '../../shared/observatory-evaluation.js';
import type { AreaFeature, GeoPoint } from '../../shared/types.js';
import type { UnitInfo } from '../city/city.js';
import { cellCentre, cellId, cellOf, gridFor } from '../hotspots/grid.js';
import type { RankedCell } from '../hotspots/ranking.js';
import { ownersOf } from './owners.js';
import { hashOf, seeded, shuffle } from './random.js';

/** A running trial as the plan generator reads it. */
export interface PlanTrial {
  id: string;
  /** unit id → its treatment cells */
  treatment: ReadonlyMap<string, ReadonlySet<string>>;
  /** every control cell of every unit */
  control: ReadonlySet<string>;
}

export function planTrial(trial: Trial): PlanTrial {
  const treatment = new Map<string, Set<string>>();
  const control = new Set<string>();
  for (const c of trial.cells) {
    if (c.arm === 'control') control.add(c.cellId);
    else {
      const own = treatment.get(c.unitId) ?? new Set<string>();
      own.add(c.cellId);
      treatment.set(c.unitId, own);
    }
  }
  return { id: trial.id, treatment, control };
}

/** The grid cell id holding a point, null outside the grid. */
export function cellIdOf(areas: readonly AreaFeature[], p: GeoPoint): string | null {
  const c = cellOf(gridFor(areas), p);
  return c ? cellId(c) : null;
}

/**
 * A unit's treatment cells as ranked cells, in the shift's ranking order; a treatment cell the
 * shift's ranking no longer holds (no incident in the last 90 days) follows, coolest, so the
 * arm stays what was drawn whatever the weeks bring.
 */
export function trialCells(
  trial: PlanTrial,
  unitId: string,
  ranked: readonly RankedCell[],
  areas: readonly AreaFeature[],
): RankedCell[] {
  const own = trial.treatment.get(unitId) ?? new Set<string>();
  const out = ranked.filter((c) => own.has(c.id));
  const grid = gridFor(areas);
  for (const id of [...own].sort()) {
    if (out.some((c) => c.id === id)) continue;
    const m = /^c(\d+)-(\d+)$/.exec(id);
    if (!m) continue;
    const ref = { row: Number(m[1]), col: Number(m[2]) };
    out.push({ ...ref, id, centre: cellCentre(grid, ref), count: 0, weight: 0, gi: 0, rank: 0 });
  }
  return out;
}

/**
 * A trial's assignment. Each unit's eligible cells are the hottest of its quadrant in the
 * ranking plans use, taken greedily at least `spacingMetres` apart (so the control cells do
 * not sit in the treatment cells' catchment ring); they are shuffled by a stream seeded with
 * (seed, unit) and dealt alternately, so each quadrant's arms differ by at most one cell (an odd
 * one goes to treatment, which the plans need). The same seed and ranking give the same arms.
 */
export function assignTrial(input: {
  seed: number;
  units: readonly UnitInfo[];
  areas: readonly AreaFeature[];
  cells: readonly RankedCell[];
  spacingMetres: number;
  /** eligible cells per quadrant (the service asks for twice the points a plan holds) */
  perUnit: number;
}): Trial['cells'] {
  const owner = ownersOf(input.cells, input.units, input.areas);
  const out: Trial['cells'] = [];
  for (const unit of input.units) {
    const eligible: RankedCell[] = [];
    for (const c of input.cells) {
      if (eligible.length >= input.perUnit) break;
      if (owner.get(c.id) !== unit.id) continue;
      if (eligible.some((e) => distanceMetres(e.centre, c.centre) < input.spacingMetres)) continue;
      eligible.push(c);
    }
    const rng = seeded(hashOf(`${input.seed}|${unit.id}`));
    shuffle(eligible, rng).forEach((c, k) =>
      out.push({ cellId: c.id, unitId: unit.id, arm: k % 2 === 0 ? 'treatment' : 'control' }),
    );
  }
  return out;
}
