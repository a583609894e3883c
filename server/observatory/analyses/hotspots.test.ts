import { describe, expect, it } from 'vitest';
import { demoAreas } from '../../../shared/demo-city.js';
import type { DataSource, IncidentType } from '../../../shared/observatory.js';
import { cellCentre, type Grid } from '../../hotspots/grid.js';
import { DEFAULT_HARM_WEIGHTS } from '../harm.js';
import type { Incident, ObservatoryInput } from '../input.js';
import { giStar } from '../stats/gi-star.js';
import { regionCellOf, regionFromMask, studyRegion, type StudyRegion } from '../stats/region.js';
import { MIN_HOUSEHOLDS_FOR_RATE } from './hotspot-layers.js';
import { analyseHotspots } from './hotspots.js';

// A 10 × 12 grid of ~150 m cells: rows 0–4 are area "south", 5–9 "north"; a hole (a park) at
// rows 4–5, columns 10–11, outside the study region.
const grid: Grid = {
  south: -32.95,
  west: -68.9,
  latStep: 0.00135,
  lngStep: 0.0016,
  rows: 10,
  cols: 12,
};
const HOLE = new Set(['4-10', '4-11', '5-10', '5-11']);
function maskOf(keep: (row: number, col: number) => boolean): (string | null)[] {
  return Array.from({ length: grid.rows * grid.cols }, (_, k) => {
    const row = Math.floor(k / grid.cols);
    const col = k % grid.cols;
    if (HOLE.has(`${row}-${col}`) || !keep(row, col)) return null;
    return row < 5 ? 'south' : 'north';
  });
}
const region = regionFromMask(
  grid,
  maskOf(() => true),
);
const DAY = 20_000; // a local day number inside the period

function incidents(
  row: number,
  col: number,
  n: number,
  type: IncidentType = 'general',
  source: DataSource = 'alerts',
  day = DAY,
): Incident[] {
  const c = cellCentre(grid, { row, col });
  return Array.from({ length: n }, (_, i) => ({
    source,
    type,
    at: day * 86_400_000,
    day,
    hour: 3,
    weekday: 0,
    lat: c.lat + (i % 3) * 1e-5,
    lng: c.lng,
    areaId: row < 5 ? 'south' : 'north',
  }));
}

function inputOf(
  list: Incident[],
  over: Partial<ObservatoryInput> & { areaId?: string | null } = {},
  r: StudyRegion = region,
): ObservatoryInput {
  return {
    filter: { from: '2024-10-04', to: '2024-10-10', type: 'all', areaId: over.areaId ?? null },
    fromDay: DAY - 3,
    toDay: DAY + 3,
    region: r,
    incidents: list,
    dataFromDay: DAY - 400,
    households: over.households ?? new Int32Array(r.cells.length).fill(40),
    harm: { ...DEFAULT_HARM_WEIGHTS },
    programme: [],
    now: '2024-10-11T12:00:00.000Z',
  };
}

/** A hot block of 3 × 3 cells centred on (7, 3), a sprinkle elsewhere. */
function cluster(): Incident[] {
  const out: Incident[] = [];
  for (let r = 6; r <= 8; r++)
    for (let c = 2; c <= 4; c++) out.push(...incidents(r, c, r === 7 && c === 3 ? 12 : 8));
  out.push(
    ...incidents(1, 9, 1),
    ...incidents(2, 6, 1, 'medical', 'patrol'),
    ...incidents(0, 0, 1),
  );
  return out;
}

describe('the study region', () => {
  it('leaves out the demo grid cells whose centre lies outside every area', () => {
    const demo = studyRegion(demoAreas());
    // The grid over-runs the city's 5 km by a part of a row: that row is not in the region.
    expect(demo.grid.rows * demo.grid.cols).toBe(1598);
    expect(demo.cells).toHaveLength(1551);
    expect(demo.index[33 * demo.grid.cols + 10]).toBe(-1);
    expect(demo.cells.every((c) => c.areaId.startsWith('area-'))).toBe(true);
    // and a region's cell never has a neighbour outside it
    expect(demo.neighbours.every((nb) => nb.every((j) => j >= 0 && j < demo.cells.length))).toBe(
      true,
    );
  });

  it('counts nothing outside the region: an incident in the park is not in any cell', () => {
    const result = analyseHotspots(inputOf([...incidents(4, 10, 5), ...incidents(0, 0, 1)]), {
      layer: 'count',
    });
    expect(region.cells).toHaveLength(116);
    expect(result.studyCells).toBe(116);
    expect(result.meta.n).toBe(1);
    expect(result.cells.map((c) => c.id)).toEqual(['c0-0']);
  });
});

describe('analyseHotspots: the count layer', () => {
  const result = analyseHotspots(inputOf(cluster()), { layer: 'count' });

  it('finds the block as a hot spot, hottest first, and reports only cells with incidents or a class', () => {
    expect(result.cells[0]).toMatchObject({
      id: 'c7-3',
      areaId: 'north',
      value: 12,
      count: 12,
      class: 'hot99',
    });
    expect(
      result.cells
        .slice(1, 5)
        .map((c) => c.id)
        .sort(),
    ).toEqual(['c6-3', 'c7-2', 'c7-4', 'c8-3']);
    expect(result.cells.slice(0, 5).every((c) => c.class === 'hot99')).toBe(true);
    const zs = result.cells.map((c) => c.z);
    expect(zs).toEqual([...zs].sort((a, b) => b - a));
    expect(result.cells).toHaveLength(12); // the 9 cells of the block and 3 lone incidents
    expect(result.cells.filter((c) => c.count === 0)).toEqual([]);
    expect(result.meta).toMatchObject({
      n: 79,
      sources: ['alerts', 'patrol'],
      method: 'gi_star_permutation_fdr',
    });
    // the block's cells sat at the floor of 999 permutations and were re-tested with 9,999
    expect(result.refined!.permutations).toBe(9999);
    expect(result.refined!.cells).toBeGreaterThanOrEqual(5);
    expect(result.cells[0]!.p).toBe(0.0002);
    expect(result).toMatchObject({
      layer: 'count',
      studyCells: 116,
      permutations: 999,
      seed: 1,
      cellMetres: 150,
    });
  });

  it('gives each cell the Gi* of the whole region, rounded, and the sources of its own incidents', () => {
    const counts = new Float64Array(region.cells.length);
    for (const i of cluster()) counts[regionCellOf(region, i)]! += 1;
    const z = giStar(counts, region.neighbours);
    for (const cell of result.cells) {
      const i = region.cells.findIndex((c) => c.id === cell.id);
      expect(cell.z).toBe(Math.round(z[i]! * 1000) / 1000);
      expect(cell.p).toBe(Math.round(cell.p * 1e4) / 1e4);
    }
    expect(result.cells.find((c) => c.id === 'c2-6')!.sources).toEqual(['patrol']);
    expect(result.cells.find((c) => c.id === 'c7-3')!.sources).toEqual(['alerts']);
  });

  it('leaves out incidents outside the period', () => {
    const later = analyseHotspots(
      inputOf([...cluster(), ...incidents(0, 5, 9, 'general', 'alerts', DAY + 30)]),
      { layer: 'count' },
    );
    expect(JSON.stringify(later.cells)).toBe(JSON.stringify(result.cells));
    expect(later.meta.n).toBe(79);
  });
});

describe('analyseHotspots: the harm layer', () => {
  it('weighs each incident by its type, so a few fires outrank many suspicious-activity reports', () => {
    const list = [
      ...incidents(2, 2, 3, 'fire'), // 15
      ...incidents(2, 3, 2, 'fire'), // 10
      ...incidents(7, 8, 20, 'suspicious_activity', 'patrol'), // 10
      ...incidents(2, 9, 1, 'general'),
      ...incidents(2, 9, 1, 'suspicious_activity', 'patrol'), // 5.5
    ];
    const harm = analyseHotspots(inputOf(list), { layer: 'harm' });
    const counts = analyseHotspots(inputOf(list), { layer: 'count' });
    expect(harm.cells.map((c) => [c.id, c.value, c.count])).toEqual(
      expect.arrayContaining([
        ['c2-2', 15, 3],
        ['c2-3', 10, 2],
        ['c7-8', 10, 20],
        ['c2-9', 5.5, 2],
      ]),
    );
    expect(harm.cells.find((c) => c.id === 'c2-9')!.sources).toEqual(['alerts', 'patrol']);
    expect(counts.cells[0]!.id).toBe('c7-8');
    expect(harm.cells[0]!.id).toMatch(/^c2-[23]$/);
  });

  it("reads the city's weights", () => {
    const input = inputOf(incidents(3, 3, 2, 'medical'));
    input.harm = { ...input.harm, medical: 2.25 };
    expect(analyseHotspots(input, { layer: 'harm' }).cells[0]!.value).toBe(4.5);
  });
});

describe('analyseHotspots: the rate layer', () => {
  // Households: 40 everywhere, but too few in column 0 and in one cell of the block.
  const households = Int32Array.from(region.cells, (c) =>
    c.id.endsWith('-0') ? 2 : c.id === 'c6-2' ? MIN_HOUSEHOLDS_FOR_RATE - 1 : 40,
  );
  const result = analyseHotspots(inputOf(cluster(), { households }), { layer: 'rate' });

  it('divides by households and leaves out cells with too few of them, as neighbours too', () => {
    expect(result.maskedForRate).toBe(11);
    expect(result.studyCells).toBe(116 - 11);
    expect(result.cells.find((c) => c.id === 'c7-3')).toMatchObject({ value: 0.3, count: 12 });
    expect(result.cells.some((c) => c.id === 'c6-2' || c.id === 'c0-0')).toBe(false);
    expect(result.meta.n).toBe(79 - 8 - 1);
    // Gi* on the region without the masked cells, built independently from a mask
    const kept = regionFromMask(
      grid,
      maskOf((row, col) => col !== 0 && !(row === 6 && col === 2)),
    );
    const rates = kept.cells.map((c) => {
      const n = cluster().filter((i) => region.cells[regionCellOf(region, i)]!.id === c.id).length;
      return n / 40;
    });
    const z = giStar(rates, kept.neighbours);
    for (const cell of result.cells) {
      const i = kept.cells.findIndex((c) => c.id === cell.id);
      expect(cell.z).toBe(Math.round(z[i]! * 1000) / 1000);
    }
  });
});

describe('analyseHotspots: area filter, seeds, an empty period', () => {
  it("reports only the chosen area's cells, judged against the whole city", () => {
    const city = analyseHotspots(inputOf(cluster()), { layer: 'count' });
    const south = analyseHotspots(inputOf(cluster(), { areaId: 'south' }), { layer: 'count' });
    expect(south.cells.map((c) => c.id).sort()).toEqual(['c0-0', 'c1-9', 'c2-6']);
    for (const cell of south.cells) expect(cell).toEqual(city.cells.find((c) => c.id === cell.id));
    expect(south.meta.n).toBe(3);
    expect(south.studyCells).toBe(116);
  });

  it('gives byte-identical JSON for the same input and seed, and other p-values for another seed', () => {
    const a = JSON.stringify(analyseHotspots(inputOf(cluster()), { layer: 'count', seed: 42 }));
    const b = JSON.stringify(analyseHotspots(inputOf(cluster()), { layer: 'count', seed: 42 }));
    const c = analyseHotspots(inputOf(cluster()), { layer: 'count', seed: 43 });
    expect(a).toBe(b);
    expect(JSON.parse(a).seed).toBe(42);
    expect(JSON.stringify(c.cells.map((x) => x.p))).not.toBe(
      JSON.stringify(JSON.parse(a).cells.map((x: { p: number }) => x.p)),
    );
  });

  it('answers a region with no incidents with no cells and n 0, in every layer', () => {
    for (const layer of ['count', 'harm', 'rate'] as const) {
      const result = analyseHotspots(inputOf([]), { layer, permutations: 99 });
      expect(result.cells).toEqual([]);
      expect(result.meta.n).toBe(0);
      expect(result.meta.sources).toEqual([]);
      expect(result.permutations).toBe(99);
      expect(JSON.stringify(result)).not.toMatch(/NaN|null/);
    }
  });

  it('keeps the number of permutations between 1 and 9,999, 999 when it is not a number', () => {
    for (const [asked, used] of [
      [0, 1],
      [Number.NaN, 999],
      [1e9, 9999],
    ] as const) {
      const result = analyseHotspots(inputOf([]), { layer: 'count', permutations: asked });
      expect(result.permutations).toBe(used);
    }
  });
});
