import type { EmergingResult } from '../../../shared/observatory.js';
import type { ObservatoryInput } from '../input.js';
import { figureMeta, inPeriod } from './meta.js';

/** Placeholder until the analysis lands: the right shape, no cells. */
export function analyseEmerging(input: ObservatoryInput): EmergingResult {
  return {
    meta: figureMeta(input, 'emerging_gi_star_mann_kendall', inPeriod(input, false)),
    slices: [],
    studyCells: input.region.cells.length,
    cells: [],
  };
}
