import type { StudyRegion } from '../stats/region.js';

/**
 * The four sets of a before / after comparison on the study region's cells: treated, the
 * catchment ring around them, the control and the control's own ring. Distances are between
 * cell centres on the grid (`cellMetres` × the number of steps, Pythagoras): exact on the
 * grid, so a ring starting at one cell side (150 m) holds the four cells next to a treated one.
 */
export interface EvaluationSets {
  treated: number[];
  buffer: number[];
  control: number[];
  bufferControl: number[];
  /** an analyst's or a trial's control cell fell on a treated cell or in the ring (dropped) */
  controlOverlaps: boolean;
}

export interface Ring {
  inner: number;
  outer: number;
}

/** Region index → its row and column on the grid. */
function position(region: StudyRegion): { row: Int32Array; col: Int32Array } {
  const row = new Int32Array(region.cells.length).fill(-1);
  const col = new Int32Array(region.cells.length).fill(-1);
  for (let g = 0; g < region.index.length; g++) {
    const i = region.index[g]!;
    if (i < 0) continue;
    row[i] = Math.floor(g / region.grid.cols);
    col[i] = g % region.grid.cols;
  }
  return { row, col };
}

/**
 * For every region cell, the distance (metres) to the nearest cell of `from`; Infinity when
 * `from` is empty. Cost: region × |from|, a few hundred thousand steps for a city.
 */
export function distancesTo(
  region: StudyRegion,
  cellMetres: number,
  from: readonly number[],
): Float64Array {
  const { row, col } = position(region);
  const out = new Float64Array(region.cells.length).fill(Infinity);
  for (let i = 0; i < out.length; i++) {
    let best = Infinity;
    for (const j of from) {
      const d = Math.hypot(row[i]! - row[j]!, col[i]! - col[j]!);
      if (d < best) best = d;
    }
    out[i] = best * cellMetres;
  }
  return out;
}

/** Cells whose centre lies between inner and outer metres of the nearest `of` cell, not in `skip`. */
export function ringAround(
  region: StudyRegion,
  cellMetres: number,
  of: readonly number[],
  ring: Ring,
  skip: ReadonlySet<number>,
): number[] {
  const d = distancesTo(region, cellMetres, of);
  const out: number[] = [];
  for (let i = 0; i < d.length; i++) {
    if (skip.has(i)) continue;
    if (d[i]! >= ring.inner && d[i]! <= ring.outer) out.push(i);
  }
  return out;
}

/**
 * The automatic control: cells away from the programme, as busy as the treated cells together.
 * Candidates are the cells farther than the ring's outer radius plus one cell from every treated
 * cell (outside the treated cells, their ring and a margin around it), not in `exclude`, with at
 * least one incident in `basis`; they are taken busiest first (ties: the lower region index, so
 * the choice is reproducible) until their total in `basis` reaches the treated cells' total.
 * The WDD compares counts, not rates, so what the control must resemble is the treated cells'
 * volume (Wheeler & Ratcliffe 2018): hot spots are by definition unlike any single other cell,
 * and matching them one to one would leave a control of near-empty cells.
 */
export function autoControl(
  region: StudyRegion,
  cellMetres: number,
  treated: readonly number[],
  ring: Ring,
  basis: ArrayLike<number>,
  exclude: ReadonlySet<number> = new Set(),
): number[] {
  if (treated.length === 0) return [];
  const d = distancesTo(region, cellMetres, treated);
  const candidates: number[] = [];
  for (let i = 0; i < d.length; i++)
    if (d[i]! > ring.outer + cellMetres && !exclude.has(i) && (basis[i] ?? 0) > 0)
      candidates.push(i);
  candidates.sort((a, b) => (basis[b] ?? 0) - (basis[a] ?? 0) || a - b);
  const want = treated.reduce((a, i) => a + (basis[i] ?? 0), 0);
  const out: number[] = [];
  let have = 0;
  for (const c of candidates) {
    if (have >= want && out.length > 0) break;
    out.push(c);
    have += basis[c] ?? 0;
  }
  return out.sort((a, b) => a - b);
}

/**
 * Every set of one comparison. `control` null means automatic; otherwise the analyst's (or the
 * trial's control arm) cells, from which treated and ring cells are dropped with a warning.
 * The control's ring leaves out treated cells, their ring and the control itself. `occasional`
 * cells (fixed points now and then) are neither an automatic control nor the control's ring.
 */
export function evaluationSets(
  region: StudyRegion,
  cellMetres: number,
  input: {
    treated: readonly number[];
    ring: Ring;
    control: readonly number[] | null;
    /** per cell, the counts the automatic control is matched on */
    basis: ArrayLike<number>;
    occasional?: readonly number[];
  },
): EvaluationSets {
  const { ring, control, basis } = input;
  const occasional = new Set(input.occasional ?? []);
  const treated = [...new Set(input.treated)].sort((a, b) => a - b);
  const treatedSet = new Set(treated);
  const buffer = ringAround(region, cellMetres, treated, ring, treatedSet);
  const bufferSet = new Set(buffer);
  let chosen: number[];
  let controlOverlaps = false;
  if (control === null) {
    chosen = autoControl(region, cellMetres, treated, ring, basis, occasional);
  } else {
    const unique = [...new Set(control)];
    chosen = unique.filter((i) => !treatedSet.has(i) && !bufferSet.has(i)).sort((a, b) => a - b);
    controlOverlaps = chosen.length < unique.length;
  }
  const taken = new Set([...treated, ...buffer, ...chosen, ...occasional]);
  const bufferControl = ringAround(region, cellMetres, chosen, ring, taken);
  return { treated, buffer, control: chosen, bufferControl, controlOverlaps };
}
