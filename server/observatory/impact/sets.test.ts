import { describe, expect, it } from 'vitest';
import { regionFromMask } from '../stats/region.js';
import { autoControl, distancesTo, evaluationSets, ringAround } from './sets.js';

/** A 15 × 15 grid of 150 m cells, every cell in the region; cell (r, c) is index r × 15 + c. */
const SIDE = 15;
const grid = { south: 0, west: 0, latStep: 0.00135, lngStep: 0.00135, rows: SIDE, cols: SIDE };
const region = regionFromMask(grid, Array<string>(SIDE * SIDE).fill('a'));
const at = (r: number, c: number) => r * SIDE + c;
const ring = { inner: 150, outer: 300 };

describe('the catchment ring', () => {
  it('holds the cells 150–300 m from a treated cell: the 8 around it and 4 more straight out', () => {
    const centre = at(7, 7);
    const cells = ringAround(region, 150, [centre], ring, new Set([centre]));
    // Distances in cells: 1 (4 cells), √2 (4), 2 (4); √5 is 335 m, out.
    expect(cells).toHaveLength(12);
    expect(cells).toContain(at(7, 8));
    expect(cells).toContain(at(6, 6));
    expect(cells).toContain(at(5, 7));
    expect(cells).not.toContain(at(5, 6));
    expect(cells).not.toContain(at(5, 5));
    expect(cells).not.toContain(centre);
  });

  it('measures from the nearest treated cell and never holds a treated one', () => {
    const treated = [at(7, 7), at(7, 8)];
    const cells = ringAround(region, 150, treated, ring, new Set(treated));
    expect(cells).not.toContain(at(7, 8));
    expect(cells).toContain(at(7, 10)); // 300 m from (7, 8)
    expect(cells).not.toContain(at(7, 11));
    const d = distancesTo(region, 150, treated);
    expect(d[at(7, 10)]).toBeCloseTo(300, 9);
  });

  it('leaves a gap when the inner radius is wider than a cell', () => {
    const centre = at(7, 7);
    const cells = ringAround(region, 150, [centre], { inner: 200, outer: 300 }, new Set([centre]));
    expect(cells).not.toContain(at(7, 8)); // 150 m
    expect(cells).toContain(at(6, 6)); // 212 m
  });
});

describe('the automatic control', () => {
  it('takes the busiest cells beyond the ring and a margin, until it is as busy as the treated cells', () => {
    const basis = new Int32Array(SIDE * SIDE);
    basis[at(7, 7)] = 10; // treated
    basis[at(7, 9)] = 50; // in the ring: never a control
    basis[at(7, 10)] = 40; // 450 m: inside the margin, never a control
    basis[at(0, 0)] = 6;
    basis[at(14, 14)] = 3;
    basis[at(0, 14)] = 3;
    basis[at(14, 0)] = 1;
    const control = autoControl(region, 150, [at(7, 7)], ring, basis);
    // 6, then one of the two 3s (the lower index first): 9 ≥ 10? no, so both 3s: 12 ≥ 10.
    expect(control).toEqual([at(0, 0), at(0, 14), at(14, 14)]);
  });

  it('is empty without treated cells, and never holds an occasional fixed point', () => {
    const basis = new Int32Array(SIDE * SIDE).fill(1);
    expect(autoControl(region, 150, [], ring, basis)).toEqual([]);
    const control = autoControl(region, 150, [at(7, 7)], ring, basis, new Set([at(0, 0)]));
    expect(control).not.toContain(at(0, 0));
    expect(control).toHaveLength(1);
  });
});

describe('evaluationSets', () => {
  const basis = new Int32Array(SIDE * SIDE).fill(2);

  it('forms four disjoint sets, with the control ring around the control', () => {
    const sets = evaluationSets(region, 150, {
      treated: [at(7, 7)],
      ring,
      control: null,
      basis,
    });
    const all = [...sets.treated, ...sets.buffer, ...sets.control, ...sets.bufferControl];
    expect(new Set(all).size).toBe(all.length);
    expect(sets.buffer).toHaveLength(12);
    expect(sets.control.length).toBeGreaterThan(0);
    expect(sets.bufferControl.length).toBeGreaterThan(0);
    expect(sets.controlOverlaps).toBe(false);
  });

  it("drops an analyst's control cell that is treated or in the ring, and says so", () => {
    const sets = evaluationSets(region, 150, {
      treated: [at(7, 7)],
      ring,
      control: [at(7, 7), at(7, 8), at(0, 0)],
      basis,
    });
    expect(sets.control).toEqual([at(0, 0)]);
    expect(sets.controlOverlaps).toBe(true);
    expect(sets.bufferControl).toContain(at(0, 2));
    expect(sets.bufferControl).not.toContain(at(0, 0));
  });
});
