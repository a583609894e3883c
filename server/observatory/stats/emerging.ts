import type { EmergingPattern } from '../../../shared/observatory.js';
import { benjaminiHochberg } from './fdr.js';
import { giStar } from './gi-star.js';
import { mannKendall, type MannKendall } from './mann-kendall.js';
import { twoSidedP } from './normal.js';

/**
 * Emerging hot spots: a space-time cube of cells × weekly slices, read the way the space-time
 * pattern-mining tools (ArcGIS Pro's Emerging Hot Spot Analysis, and sfdep after it) read one.
 *
 * 1. Each slice on its own: Gi* (binary queen weights with the cell itself) on the cells'
 *    counts, a two-sided normal p-value per bin, and Benjamini–Hochberg over the slice's cells
 *    (ArcGIS computes each bin's Gi* "using an FDR correction"; we apply it per slice, since each
 *    slice is its own hot-spot map and its own family of tests). A bin is a significant hot
 *    (cold) spot when q ≤ 0.05 and z > 0 (z < 0).
 * 2. Each cell's series of Gi* z-scores: Mann–Kendall; the trend is significant at p < 0.05,
 *    its direction is the sign of the MK z (rising z: hot clustering grows, cold clustering
 *    fades).
 * 3. Categories, for hot spots ("most" = at least 90 % of the slices; "final" = the last slice):
 *    - new: hot in the final slice and never hot before;
 *    - consecutive: a single uninterrupted run of at least two hot slices ending in the final
 *      one, never hot before that run, and hot in fewer than 90 % of the slices;
 *    - intensifying: hot in most slices including the final, with a significant rising trend;
 *    - persistent: hot in most slices including the final, with no significant trend;
 *    - diminishing: hot in most slices including the final, with a significant falling trend;
 *    - sporadic: hot in the final slice, on and off before, hot in fewer than 90 %, never cold;
 *    - oscillating: hot in the final slice, cold in at least one earlier slice, hot in fewer
 *      than 90 %;
 *    - historical: not hot in the final slice, but hot in most slices.
 *    Cold spots mirror each definition (cold for hot; "intensifying" is a falling z).
 *    Where the tools' wording overlaps we decide: persistent asks the final slice to be hot, so
 *    it and historical do not overlap; new and consecutive are tested before oscillating (the
 *    tools' wording asks only "never hot before", so an earlier cold spot does not exclude
 *    them); the final slice's state decides between hot and cold patterns, and only a cell not
 *    significant in the final slice can be historical.
 * 4. A cell that matches none of these has no pattern and is not reported. Fewer than
 *    MIN_SLICES slices form no pattern at all (our choice: "90 % of the slices" and a trend need
 *    a series of some length).
 */
export const BIN_ALPHA = 0.05;
export const TREND_ALPHA = 0.05;
export const MIN_SLICES = 10;
/**
 * The z-scores enter the trend test rounded to 1e-9: slices whose counts differ only by scale
 * give the same Gi* up to floating-point noise, and that noise must read as a tie, not a trend.
 */
const Z_GRAIN = 1e9;

export interface CellPattern {
  kind: 'hot' | 'cold';
  pattern: EmergingPattern;
}

/**
 * The states of one slice's bins (+1 significant hot spot, −1 significant cold spot, 0 neither):
 * Gi* z → two-sided p → BH over the slice → sign.
 */
export function sliceStates(z: ArrayLike<number>): Int8Array {
  const n = z.length;
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) p[i] = twoSidedP(z[i]!);
  const q = benjaminiHochberg(p);
  const states = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    if (q[i]! <= BIN_ALPHA) states[i] = z[i]! > 0 ? 1 : z[i]! < 0 ? -1 : 0;
  }
  return states;
}

/** The pattern of one cell from its bin states (oldest first) and the trend of its z-scores. */
export function classifyCell(
  states: ArrayLike<number>,
  trend: Pick<MannKendall, 'z' | 'p'>,
): CellPattern | null {
  const n = states.length;
  if (n < MIN_SLICES) return null;
  const count = (sign: number): number => {
    let c = 0;
    for (let t = 0; t < n; t++) if (states[t] === sign) c++;
    return c;
  };
  const most = (c: number): boolean => c * 10 >= 9 * n;
  const final = states[n - 1]!;
  if (final === 0) {
    if (most(count(1))) return { kind: 'hot', pattern: 'historical' };
    if (most(count(-1))) return { kind: 'cold', pattern: 'historical' };
    return null;
  }
  const kind = final > 0 ? 'hot' : 'cold';
  const same = count(final);
  if (most(same)) {
    if (!(trend.p < TREND_ALPHA) || trend.z === 0) return { kind, pattern: 'persistent' };
    // a trend towards the kind's own sign means stronger clustering
    return { kind, pattern: trend.z * final > 0 ? 'intensifying' : 'diminishing' };
  }
  if (same === 1) return { kind, pattern: 'new' };
  let run = 0;
  while (run < n && states[n - 1 - run] === final) run++;
  if (run === same) return { kind, pattern: 'consecutive' };
  if (count(-final) > 0) return { kind, pattern: 'oscillating' };
  return { kind, pattern: 'sporadic' };
}

export interface EmergingCellStats extends CellPattern {
  /** region index of the cell */
  index: number;
  trend: MannKendall;
  hotSlices: number;
  coldSlices: number;
}

/** The cube's bins, cell-major (`[cell × slices + slice]`): Gi* z-scores and states. */
export interface CubeBins {
  slices: number;
  z: Float64Array;
  states: Int8Array;
}

/** Gi* and the significance of every bin: `slices[t][i]` is the count of region cell i in slice t. */
export function cubeBins(
  slices: readonly ArrayLike<number>[],
  neighbours: readonly Int32Array[],
): CubeBins {
  const nSlices = slices.length;
  const nCells = neighbours.length;
  // cell-major, so each cell's series is contiguous for the trend test
  const z = new Float64Array(nCells * nSlices);
  const states = new Int8Array(nCells * nSlices);
  slices.forEach((counts, t) => {
    const g = giStar(counts, neighbours);
    const s = sliceStates(g);
    for (let i = 0; i < nCells; i++) {
      z[i * nSlices + t] = Math.round(g[i]! * Z_GRAIN) / Z_GRAIN;
      states[i * nSlices + t] = s[i]!;
    }
  });
  return { slices: nSlices, z, states };
}

/** Runs the cube and returns the cells with a pattern, in region order. */
export function emergingCube(
  slices: readonly ArrayLike<number>[],
  neighbours: readonly Int32Array[],
): EmergingCellStats[] {
  const nSlices = slices.length;
  const nCells = neighbours.length;
  if (nSlices < MIN_SLICES || nCells === 0) return [];
  const bins = cubeBins(slices, neighbours);
  const zByCell = bins.z;
  const stateByCell = bins.states;
  const out: EmergingCellStats[] = [];
  for (let i = 0; i < nCells; i++) {
    const states = stateByCell.subarray(i * nSlices, (i + 1) * nSlices);
    // a cell never significant cannot have a pattern: skip its trend test
    if (!states.some((s) => s !== 0)) continue;
    const trend = mannKendall(zByCell.subarray(i * nSlices, (i + 1) * nSlices));
    const pattern = classifyCell(states, trend);
    if (!pattern) continue;
    let hot = 0;
    let cold = 0;
    for (const s of states) {
      if (s > 0) hot++;
      else if (s < 0) cold++;
    }
    out.push({ ...pattern, index: i, trend, hotSlices: hot, coldSlices: cold });
  }
  return out;
}
