import { describe, expect, it } from 'vitest';
import { hotspotClass } from './classes.js';
import { foldedPseudoP, refinedPValues } from './permutation.js';
import { regionFromMask } from './region.js';

// A 12 × 12 grid, every cell in the region.
const grid = { south: 0, west: 0, latStep: 0.001, lngStep: 0.001, rows: 12, cols: 12 };
const region = regionFromMask(grid, Array<string>(144).fill('a'));
const at = (row: number, col: number) => row * 12 + col;

/** Zeros and ones scattered (a sparse count map), with a hot 3 × 3 block around (8, 8). */
function sparse(): Float64Array {
  const x = new Float64Array(144);
  for (let k = 0; k < 144; k += 7) x[k] = 1;
  for (let r = 7; r <= 9; r++) for (let c = 7; c <= 9; c++) x[at(r, c)] = 6;
  return x;
}

describe('foldedPseudoP', () => {
  it('is reproducible with a seed and moves with another', () => {
    const a = foldedPseudoP(sparse(), region.neighbours, { seed: 9 });
    expect(foldedPseudoP(sparse(), region.neighbours, { seed: 9 })).toEqual(a);
    expect(foldedPseudoP(sparse(), region.neighbours, { seed: 10 })).not.toEqual(a);
  });

  it('reaches the floor 1 / (M + 1) at the centre of a hot block', () => {
    const folded = foldedPseudoP(sparse(), region.neighbours, { permutations: 499 });
    expect(folded[at(8, 8)]).toBe(1 / 500);
  });

  it('counts ties in both tails: an all-zero neighbourhood on a sparse map is unremarkable', () => {
    const x = sparse();
    const quiet = region.neighbours.findIndex((nb) => nb.every((j) => x[j] === 0));
    expect(quiet).toBeGreaterThanOrEqual(0);
    const folded = foldedPseudoP(x, region.neighbours);
    // Every draw ties or exceeds 0, so spdep's upper-tail-only count would give 1 / 1000, a
    // "cold spot" made of ties. Here the lower tail holds the draws of 8 zeros from the 143
    // other cells, 115 of them zeros: about 17 % of the permutations.
    expect(folded[quiet]).toBeGreaterThan(0.1);
  });

  it('gives 1 to a constant map and to a cell with no neighbour but itself', () => {
    expect(
      foldedPseudoP(new Float64Array(144).fill(3), region.neighbours).every((f) => f === 1),
    ).toBe(true);
    const lone = regionFromMask({ ...grid, rows: 1, cols: 5 }, ['a', null, 'a', 'a', 'a']);
    expect(foldedPseudoP([9, 0, 1, 2], lone.neighbours)[0]).toBe(1);
  });

  it("holds the cell's own value: one busy cell among ordinary neighbours is not a cluster", () => {
    const x = new Float64Array(144).map((_, k) => k % 3);
    x[at(5, 5)] = 40;
    const conditional = foldedPseudoP(x, region.neighbours, { permutations: 999 });
    const randomisation = foldedPseudoP(x, region.neighbours, {
      permutations: 999,
      scheme: 'randomisation',
    });
    expect(conditional[at(5, 5)]).toBeGreaterThan(0.05);
    // spdep 1.2.7's null redraws the cell's own slot too, so the busy cell alone is "significant"
    expect(randomisation[at(5, 5)]).toBe(1 / 1000);
  });
});

describe('foldedPseudoP with a sequential stop', () => {
  it('stops an unremarkable cell early at stopAt / L and runs a floor cell to the end', () => {
    const x = sparse();
    const cells = [at(2, 2), at(8, 8)];
    const folded = foldedPseudoP(x, region.neighbours, { permutations: 9999, stopAt: 10 }, cells);
    // stopped after L permutations with 10 in the smaller tail: 10 / L, L at least 20
    expect(folded[at(2, 2)]).toBeLessThanOrEqual(0.5);
    expect(Number.isInteger(10 / folded[at(2, 2)]!)).toBe(true);
    expect(folded[at(8, 8)]).toBe(1 / 10_000);
    // cells not asked for are left at 1
    expect(folded[at(0, 0)]).toBe(1);
  });
});

describe('refinedPValues', () => {
  it('re-tests only the cells at the floor, with ten times the permutations, and doubles the folded p', () => {
    const x = sparse();
    const first = foldedPseudoP(x, region.neighbours, { permutations: 999, seed: 4 });
    const refined = refinedPValues(x, region.neighbours, { permutations: 999, seed: 4 });
    expect(refined.refinedPermutations).toBe(9999);
    const retested = [...first.keys()].filter((i) => first[i]! <= 10 / 1000);
    expect(refined.refinedCells).toBe(retested.length);
    expect(retested).toContain(at(8, 8));
    expect(refined.p[at(8, 8)]).toBe(2 / 10_000);
    first.forEach((f, i) => {
      if (!retested.includes(i)) expect(refined.p[i]).toBe(Math.min(1, 2 * f));
    });
  });
});

describe('hotspotClass', () => {
  it.each([
    [2.5, 0.004, 'hot99'],
    [2.5, 0.01, 'hot99'],
    [2.5, 0.0100001, 'hot95'],
    [0.3, 0.05, 'hot95'],
    [3, 0.1, 'hot90'],
    [3, 0.11, 'none'],
    [-1.2, 0.08, 'cold90'],
    [-1.2, 0.02, 'cold95'],
    [-4, 0, 'cold99'],
    [0, 0, 'none'],
    [Number.NaN, 0, 'none'],
  ] as const)('z %s, q %s → %s', (z, q, expected) => {
    expect(hotspotClass(z, q)).toBe(expected);
  });
});
