import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../stats/fdr.js';
import { giStar } from '../stats/gi-star.js';
import { foldedPseudoP } from '../stats/permutation.js';
import { regionFromMask, type StudyRegion } from '../stats/region.js';

/**
 * The statistics against numbers R computed (spatial.R beside this file; fixtures/ holds its
 * inputs and outputs). Nothing here is computed by the code under test on both sides.
 */
interface GridFixture {
  rows: number;
  cols: number;
  mask: number[];
  x: number[];
  gi: number[];
}

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

/** The fixture's masked grid as a study region (unit cells; only adjacency matters). */
function regionOf(f: GridFixture): StudyRegion {
  const grid = { south: 0, west: 0, latStep: 0.001, lngStep: 0.001, rows: f.rows, cols: f.cols };
  return regionFromMask(
    grid,
    f.mask.map((m) => (m ? 'a' : null)),
  );
}

const counts = fixture<GridFixture & { foldedExact: number[] }>('gi-counts.json');
const rates = fixture<GridFixture & { nsim: number; foldedSim: number[] }>('gi-rates-perm.json');

describe('Gi* against spdep::localG (include.self, style "B", queen contiguity)', () => {
  it.each([
    ['counts on a ragged 14 × 18 grid with holes and a lone cell', counts],
    ['continuous rates on a 9 × 11 grid with holes', rates],
  ])('%s: equal within 1e-9', (_, f) => {
    const region = regionOf(f);
    expect(region.cells).toHaveLength(f.x.length);
    const z = giStar(f.x, region.neighbours);
    // Tolerance: both sides evaluate the same closed form in double precision; 1e-9 leaves
    // room for a different order of summation and nothing else.
    for (let i = 0; i < f.x.length; i++) expect(Math.abs(z[i]! - f.gi[i]!)).toBeLessThan(1e-9);
  });
});

describe('conditional permutation p-values', () => {
  it('match the exact conditional distribution (counted by R, no sampling) on integer counts', () => {
    const region = regionOf(counts);
    const folded = foldedPseudoP(counts.x, region.neighbours, { permutations: 9999, seed: 11 });
    // Tolerance: the reference is exact, so only our sampling error counts. A folded p
    // estimated from 9,999 permutations has a standard error of at most √(¼ / 9999) ≈ 0.005,
    // so 0.02 is four standard errors for the worst cell (about 0.02 % of cells beyond it).
    const diffs = counts.x.map((_, i) => Math.abs(folded[i]! - counts.foldedExact[i]!));
    expect(Math.max(...diffs)).toBeLessThanOrEqual(0.02);
    // and no systematic shift: the mean difference is a fraction of one standard error
    expect(diffs.reduce((a, b) => a + b, 0) / diffs.length).toBeLessThan(0.005);
  });

  it('with spdep\'s own null, agree with localG_perm\'s "Pr(folded) Sim" on continuous values', () => {
    const region = regionOf(rates);
    const folded = foldedPseudoP(rates.x, region.neighbours, {
      permutations: rates.nsim,
      seed: 5,
      scheme: 'randomisation',
    });
    // Tolerance: both sides sample 9,999 permutations with different generators, so the
    // difference has a standard error of at most √(2 × ¼ / 9999) ≈ 0.007; 0.025 is 3.5 of
    // them for the worst cell (p near ½), far more for the cells that matter (p near 0).
    const diffs = rates.x.map((_, i) => Math.abs(folded[i]! - rates.foldedSim[i]!));
    expect(Math.max(...diffs)).toBeLessThanOrEqual(0.025);
    expect(diffs.reduce((a, b) => a + b, 0) / diffs.length).toBeLessThan(0.005);
    // where spdep is sure (p < 0.01), so are we: the same cells and within 0.005
    rates.foldedSim.forEach((p, i) => {
      if (p < 0.01) expect(Math.abs(folded[i]! - p)).toBeLessThan(0.005);
    });
  });
});

describe('Benjamini–Hochberg against p.adjust(method = "BH")', () => {
  it('equal within 1e-12, ties, zeros and ones included', () => {
    const f = fixture<{ p: number[]; q: number[] }>('bh.json');
    const q = benjaminiHochberg(f.p);
    // Tolerance: the same products and minima in double precision.
    f.q.forEach((expected, i) => expect(Math.abs(q[i]! - expected)).toBeLessThanOrEqual(1e-12));
  });
});
