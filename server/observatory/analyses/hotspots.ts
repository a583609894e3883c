import type { HotspotLayer, HotspotResult } from '../../../shared/observatory.js';
import type { ObservatoryInput } from '../input.js';
import { CELL_METRES } from '../../hotspots/grid.js';
import { figureMeta, inPeriod } from './meta.js';

export interface HotspotOptions {
  layer: HotspotLayer;
  /** conditional permutations for the pseudo p-values (default 999) */
  permutations?: number;
  /** seed of the permutations: the same input and seed give the same answer */
  seed?: number;
}

/** Placeholder until the analysis lands: the right shape, no cells. */
export function analyseHotspots(input: ObservatoryInput, opts: HotspotOptions): HotspotResult {
  return {
    meta: figureMeta(input, 'gi_star_permutation_fdr', inPeriod(input, false)),
    layer: opts.layer,
    cellMetres: CELL_METRES,
    studyCells: input.region.cells.length,
    permutations: opts.permutations ?? 999,
    seed: opts.seed ?? 1,
    cells: [],
  };
}
