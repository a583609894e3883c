import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cubeBins, emergingCube } from './emerging.js';
import { mannKendall } from './mann-kendall.js';

/**
 * A small cube end to end against R (server/observatory/reference/temporal.R): spdep's localG per
 * slice, p.adjust(BH) per slice for the bin states, cor.test(kendall, exact = FALSE) on each
 * cell's z-scores. Tolerances: z-scores 1e-9 absolute (ours enter the trend test rounded to
 * 1e-9), states exactly, the trend's tau, z and p 1e-9 relative.
 */
interface Cube {
  rows: number;
  cols: number;
  counts: number[][];
  z: number[][];
  states: number[][];
  trend: { tau: number; z: number; p: number }[];
}

const { cube } = JSON.parse(
  readFileSync(new URL('../reference/fixtures/temporal.json', import.meta.url), 'utf8'),
) as { cube: Cube };

function close(actual: number, expected: number, relative: number, absolute = 0): void {
  const tolerance = Math.max(absolute, relative * Math.abs(expected));
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

/** Queen neighbours with the cell itself, row-major, as spdep's cell2nb + include.self. */
function queen(rows: number, cols: number): Int32Array[] {
  return Array.from({ length: rows * cols }, (_, i) => {
    const r = Math.floor(i / cols);
    const c = i % cols;
    const out: number[] = [];
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        const rr = r + dr;
        const cc = c + dc;
        if (rr >= 0 && cc >= 0 && rr < rows && cc < cols) out.push(rr * cols + cc);
      }
    }
    return Int32Array.from(out);
  });
}

describe('the space-time cube against spdep, p.adjust and cor.test', () => {
  const neighbours = queen(cube.rows, cube.cols);
  const bins = cubeBins(cube.counts, neighbours);
  const weeks = cube.counts.length;
  const cells = neighbours.length;

  it('has the same Gi* z-score and significance in every bin', () => {
    let significant = 0;
    for (let t = 0; t < weeks; t++) {
      for (let i = 0; i < cells; i++) {
        close(bins.z[i * weeks + t]!, cube.z[t]![i]!, 0, 1e-9);
        expect(bins.states[i * weeks + t], `week ${t} cell ${i}`).toBe(cube.states[t]![i]);
        if (cube.states[t]![i] !== 0) significant++;
      }
    }
    expect(significant).toBeGreaterThan(10); // the fixture exercises significant bins
  });

  it('has the same trend on every cell, and emergingCube reports it', () => {
    const reported = new Map(emergingCube(cube.counts, neighbours).map((c) => [c.index, c]));
    expect(reported.size).toBeGreaterThan(0);
    for (let i = 0; i < cells; i++) {
      const mk = mannKendall(bins.z.subarray(i * weeks, (i + 1) * weeks));
      const ref = cube.trend[i]!;
      close(mk.tau, ref.tau, 1e-9);
      close(mk.z, ref.z, 1e-9);
      close(mk.p, ref.p, 1e-9, 1e-15);
      const cell = reported.get(i);
      if (cell) expect(cell.trend).toEqual(mk);
    }
  });
});
