import type { HotspotCell, HotspotLayer, HotspotResult } from '../../../shared/observatory.js';
import type { ObservatoryInput } from '../input.js';
import { CELL_METRES } from '../../hotspots/grid.js';
import { hotspotClass } from '../stats/classes.js';
import { benjaminiHochberg } from '../stats/fdr.js';
import { giStar } from '../stats/gi-star.js';
import { DEFAULT_PERMUTATIONS, refinedPValues } from '../stats/permutation.js';
import { IMPORTED_BIT, layerValues, sourcesOf, tallyCells } from './hotspot-layers.js';
import { figureMeta, inPeriod } from './meta.js';

export interface HotspotOptions {
  layer: HotspotLayer;
  /** conditional permutations for the pseudo p-values (default 999) */
  permutations?: number;
  /** seed of the permutations: the same input and seed give the same answer */
  seed?: number;
}

/**
 * More permutations than this buy no precision a map can show, only time (the cells near the
 * floor get ten times as many again).
 */
const MAX_PERMUTATIONS = 9_999;

/**
 * Hot and cold spots of one layer over the period: Getis–Ord Gi* on the study region (the
 * grid masked to the city), a two-sided conditional-permutation p-value per cell, Benjamini–
 * Hochberg over every cell of the layer's region (cells near the permutations' floor re-tested
 * with ten times as many, `stats/permutation.ts`), and a class from z and q
 * (`stats/classes.ts`). The comparison is always city-wide: an area filter only chooses which
 * cells are reported, so a neighbourhood is judged against the city, not against itself.
 *
 * Reported: the cells with incidents or a class other than none, hottest first. The rest of
 * the region is 0 and none. `meta.n` counts the incidents in the reported scope (the layer's
 * region, or the chosen area's part of it).
 */
export function analyseHotspots(input: ObservatoryInput, opts: HotspotOptions): HotspotResult {
  const asked = opts.permutations ?? DEFAULT_PERMUTATIONS;
  const permutations = Number.isFinite(asked)
    ? Math.min(MAX_PERMUTATIONS, Math.max(1, Math.floor(asked)))
    : DEFAULT_PERMUTATIONS;
  const seed = (opts.seed ?? 1) >>> 0;
  const period = inPeriod(input, false);
  const tally = tallyCells(input, period);
  const layer = layerValues(opts.layer, input, tally);
  const z = giStar(layer.values, layer.neighbours);
  const { p, refinedCells, refinedPermutations } = refinedPValues(layer.values, layer.neighbours, {
    permutations,
    seed,
    // Gi*'s own null: the whole neighbourhood, the cell included (stats/permutation.ts).
    scheme: 'total',
    // Down to p = 2 × 10⁻⁵ where needed: BH over ~1,500 cells asks about that of a handful of
    // cells before any may be called hot at 99 %.
    rounds: 2,
  });
  const q = benjaminiHochberg(p);

  const area = input.filter.areaId;
  const inScope = new Uint8Array(input.region.cells.length);
  const cells: (HotspotCell & { rawZ: number })[] = [];
  layer.members.forEach((i, k) => {
    const cell = input.region.cells[i]!;
    if (area && cell.areaId !== area) return;
    inScope[i] = 1;
    const count = tally.counts[i]!;
    const cls = hotspotClass(z[k]!, q[k]!);
    if (count === 0 && cls === 'none') return;
    cells.push({
      ...cell,
      value: roundValue(opts.layer, layer.values[k]!),
      count,
      z: round(z[k]!, 3),
      p: roundP(p[k]!),
      q: roundP(q[k]!),
      class: cls,
      // Imported incident records label the cell; they are in no count, z or p above.
      sources: sourcesOf(tally.sources[i]! | (input.importedCells?.[i] ? IMPORTED_BIT : 0)),
      rawZ: z[k]!,
    });
  });
  cells.sort((a, b) => b.rawZ - a.rawZ);

  const counted = period.filter((_, k) => inScope[tally.cellOfIncident[k]!] === 1);
  const result: HotspotResult = {
    meta: figureMeta(input, 'gi_star_permutation_fdr', counted),
    layer: opts.layer,
    cellMetres: CELL_METRES,
    studyCells: layer.members.length,
    permutations,
    seed,
    refined: { permutations: refinedPermutations, cells: refinedCells },
    cells: cells.map(({ rawZ: _, ...cell }) => cell),
  };
  if (opts.layer === 'rate') {
    result.maskedForRate = input.region.cells.filter(
      (cell, i) => layer.masked[i] === 1 && (!area || cell.areaId === area),
    ).length;
  }
  return result;
}

/** Counts are whole; harm keeps the weights' hundredths; a rate per household four decimals. */
function roundValue(layer: HotspotLayer, v: number): number {
  return layer === 'count' ? v : round(v, layer === 'harm' ? 2 : 4);
}

/** Four decimals; two significant digits below 0.001, where four decimals would print 0. */
function roundP(v: number): number {
  return v >= 0.001 ? round(v, 4) : Number(v.toPrecision(2));
}

function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(v * f) / f;
  return r === 0 ? 0 : r;
}
