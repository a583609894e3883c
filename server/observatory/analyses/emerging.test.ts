import { describe, expect, it } from 'vitest';
import { demoAreas, seededRandom } from '../../../shared/demo-city.js';
import type { Incident } from '../input.js';
import { studyRegion } from '../stats/region.js';
import { analyseEmerging } from './emerging.js';
import { incidentAt, inputFor } from './temporal-testing.js';
import { dayToIso } from './days.js';

const region = studyRegion(demoAreas());

/**
 * A synthetic 2026: incidents spread over the city, plus a hot corner (cell 0's block) busy all
 * year and a cell that turns hot only in the last three weeks. The background is random, so the
 * busy cell's series of z-scores has a chance (about 1 in 20) of a significant trend by chance;
 * the seed is one where it has none, as a persistent hot spot should.
 */
function syntheticYear(total: number): {
  incidents: Incident[];
  hotCell: number;
  lateCell: number;
} {
  const rand = seededRandom(11);
  const start = Date.UTC(2026, 0, 1) / 86_400_000;
  const pick = (cell: number) => region.cells[cell]!;
  const hotCell = Math.floor(region.cells.length / 3);
  const lateCell = Math.floor((2 * region.cells.length) / 3);
  const at = (cell: number, day: number): Incident => {
    const c = pick(cell);
    return incidentAt(dayToIso(day), Math.floor(rand() * 24), { ...c.centre, areaId: c.areaId });
  };
  const incidents: Incident[] = [];
  for (let k = 0; k < total; k++) {
    const day = start + Math.floor(rand() * 365);
    const r = rand();
    const cell =
      r < 0.1
        ? region.neighbours[hotCell]![Math.floor(rand() * region.neighbours[hotCell]!.length)]!
        : Math.floor(rand() * region.cells.length);
    incidents.push(at(cell, day));
  }
  const lastWeeks = Date.UTC(2026, 11, 7) / 86_400_000; // Monday 7 December
  for (let d = 0; d < 21; d++)
    for (let k = 0; k < 6; k++) incidents.push(at(lateCell, lastWeeks + d));
  return { incidents, hotCell, lateCell };
}

describe('emerging hot spots over a synthetic year on the demo city', () => {
  const { incidents, hotCell, lateCell } = syntheticYear(30_000);
  const input = inputFor(region, incidents, { from: '2026-01-01', to: '2026-12-31' });

  it('slices the whole Monday weeks inside the period and finds the planted patterns', () => {
    const result = analyseEmerging(input);
    expect(result.slices[0]).toBe('2026-01-05');
    expect(result.slices.at(-1)).toBe('2026-12-21'); // 27–31 December is a part-week
    expect(result.slices).toHaveLength(51);
    expect(result.studyCells).toBe(region.cells.length);
    const byId = new Map(result.cells.map((c) => [c.id, c]));
    expect(byId.get(region.cells[hotCell]!.id)).toMatchObject({
      kind: 'hot',
      pattern: 'persistent',
    });
    expect(byId.get(region.cells[lateCell]!.id)).toMatchObject({
      kind: 'hot',
      pattern: 'consecutive',
    });
    // n: the incidents inside the cube's weeks (not 1–4 January nor 28–31 December)
    const inCube = incidents.filter((i) => i.day >= input.fromDay + 4 && i.day <= input.toDay - 4);
    expect(result.meta.n).toBe(inCube.length);
  });

  it('reports only the chosen area’s cells, compared with the whole city', () => {
    const areaId = region.cells[hotCell]!.areaId;
    const city = analyseEmerging(input);
    const area = analyseEmerging({ ...input, filter: { ...input.filter, areaId } });
    expect(area.cells.every((c) => c.areaId === areaId)).toBe(true);
    expect(area.cells).toEqual(city.cells.filter((c) => c.areaId === areaId));
  });

  it('gives no slices for a period shorter than a whole week', () => {
    const short = inputFor(region, incidents, { from: '2026-03-04', to: '2026-03-08' });
    expect(analyseEmerging(short)).toMatchObject({ slices: [], cells: [], meta: { n: 0 } });
  });
});
