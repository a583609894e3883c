import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../stats/fdr.js';
import { giStar } from '../stats/gi-star.js';
import { hotspotClass } from '../stats/classes.js';
import { foldedPseudoP, refinedPValues } from '../stats/permutation.js';
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

const counts = fixture<
  GridFixture & { foldedExact: number[]; qExact: number[]; classExact: string[] }
>('gi-counts.json');
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
    // so 0.02 is four standard errors for the worst cell (a chance of 0.006 % per cell of falling beyond it).
    const diffs = counts.x.map((_, i) => Math.abs(folded[i]! - counts.foldedExact[i]!));
    expect(Math.max(...diffs)).toBeLessThanOrEqual(0.02);
    // and no systematic shift: the mean difference is a fraction of one standard error
    expect(diffs.reduce((a, b) => a + b, 0) / diffs.length).toBeLessThan(0.005);
  });

  it('as reported (two-sided, floor cells re-tested) are twice the exact folded value', () => {
    const region = regionOf(counts);
    const { p } = refinedPValues(counts.x, region.neighbours, { seed: 3 });
    // Tolerance: the default 999 permutations give the doubled value a standard error of at
    // most 2 √(¼ / 999) ≈ 0.032, so 0.12 is nearly four of them (re-tested cells, with p far
    // below that, are closer); a p left undoubled would miss by the folded value, up to 0.5.
    const diffs = counts.foldedExact.map((f, i) => Math.abs(p[i]! - Math.min(1, 2 * f)));
    expect(Math.max(...diffs)).toBeLessThanOrEqual(0.12);
    expect(diffs.reduce((s, d) => s + d, 0) / diffs.length).toBeLessThan(0.03);
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

describe('the classes (two-sided p, BH, cut-offs) against R on the exact p-values', () => {
  const ORDER = ['cold99', 'cold95', 'cold90', 'none', 'hot90', 'hot95', 'hot99'];
  const CUT: Record<string, number> = { '99|95': 0.01, '95|90': 0.05, '90|': 0.1 };
  /** The q cut-off between two neighbouring classes (hot90 | none → 0.1, …). */
  const cutBetween = (a: string, b: string) => {
    const [lo, hi] = [a, b]
      .map((c) => c.replace(/hot|cold|none/, ''))
      .sort()
      .reverse();
    return CUT[`${lo}|${hi}`]!;
  };

  it.each([1, 2, 3, 4, 5])('seed %i: the same class but near a cut-off', (seed) => {
    const region = regionOf(counts);
    const z = giStar(counts.x, region.neighbours);
    const { p } = refinedPValues(counts.x, region.neighbours, { seed });
    const q = benjaminiHochberg(p);
    // Tolerance: a re-tested cell's p rests on the 10 permutations of its smaller tail
    // (±32 %), and BH passes a neighbour's p along; so a cell may be one class away from R's
    // only where R's q is within a factor 2 of the cut-off between the two classes.
    counts.x.forEach((_, i) => {
      const ours = hotspotClass(z[i]!, q[i]!);
      const theirs = counts.classExact[i]!;
      if (ours === theirs) return;
      expect(Math.abs(ORDER.indexOf(ours) - ORDER.indexOf(theirs))).toBe(1);
      const ratio = counts.qExact[i]! / cutBetween(ours, theirs);
      expect(ratio).toBeGreaterThan(0.5);
      expect(ratio).toBeLessThan(2);
    });
    expect(counts.classExact.filter((c) => c !== 'none').length).toBe(15);
  });
});
