import { describe, expect, it } from 'vitest';
import { demoAreas } from '../../../shared/demo-city.js';
import { studyRegion } from '../stats/region.js';
import { analyseHours } from './hours.js';
import { incidentAt, inputFor } from './temporal-testing.js';

const region = studyRegion(demoAreas());
const a = { ...region.cells[0]!.centre, areaId: region.cells[0]!.areaId };
const otherCell = region.cells.find((c) => c.areaId !== a.areaId)!;
const b = { ...otherCell.centre, areaId: otherCell.areaId };
/** no visits from 03:00 to 07:00, every day (the demo city's programme) */
const programme = Array.from({ length: 7 }, () =>
  Array.from({ length: 24 }, (_, h) => h < 3 || h >= 7),
);

describe('hour × weekday and the coverage gap', () => {
  // March 2026: 2 March is a Monday, 29 March a Sunday
  const incidents = [
    incidentAt('2026-03-02', 3, a), // Monday 03h, uncovered
    incidentAt('2026-03-09', 3, a), // Monday 03h, uncovered
    incidentAt('2026-03-10', 6, b), // Tuesday 06h, uncovered, other area
    incidentAt('2026-03-29', 23, a), // Sunday 23h
    incidentAt('2026-03-31', 12, a), // Tuesday 12h, last day
    incidentAt('2026-04-01', 12, a), // after the period
    incidentAt('2026-01-28', 4, a), // the day before the previous period: not counted
    incidentAt('2026-01-29', 4, a), // Thursday, first day of the previous period
    incidentAt('2026-01-30', 4, a), // Friday
    incidentAt('2026-02-28', 20, b), // Saturday, last day of the previous period
  ];
  const input = {
    ...inputFor(region, incidents, { from: '2026-03-01', to: '2026-03-31' }, '2025-01-01'),
    programme,
  };

  it('counts the period city-wide per local weekday and hour, with the period just before', () => {
    const result = analyseHours(input);
    expect(result.meta).toMatchObject({ n: 5, method: 'hour_week_counts', from: '2026-03-01' });
    expect(result.counts[0]![3]).toBe(2);
    expect(result.counts[1]![6]).toBe(1);
    expect(result.counts[6]![23]).toBe(1);
    expect(result.counts[1]![12]).toBe(1);
    expect(result.counts.flat().reduce((s, c) => s! + c!, 0)).toBe(5);
    // 31 days before 1 March: 29 January … 28 February
    expect(result.previous).toMatchObject({
      from: '2026-01-29',
      to: '2026-02-28',
      n: 3,
      complete: true,
    });
    expect(result.previous.counts[3]![4]).toBe(1);
    expect(result.previous.counts[4]![4]).toBe(1);
    expect(result.previous.counts[5]![20]).toBe(1);
    expect(result.coverage).toEqual({ planned: programme, uncovered: 3, share: 3 / 5 });
  });

  it('counts only the chosen area, in the period and in the period before', () => {
    const result = analyseHours({ ...input, filter: { ...input.filter, areaId: a.areaId } });
    expect(result.meta.n).toBe(4);
    expect(result.counts[1]![6]).toBe(0);
    expect(result.previous.n).toBe(2); // 29 and 30 January
    expect(result.coverage).toMatchObject({ uncovered: 2, share: 0.5 });
  });

  it('says when the records do not reach back to the previous period', () => {
    const young = inputFor(
      region,
      incidents,
      { from: '2026-03-01', to: '2026-03-31' },
      '2026-02-01',
    );
    expect(analyseHours(young).previous).toMatchObject({ n: 3, complete: false });
  });

  it('gives a share of 0 without incidents', () => {
    const none = { ...inputFor(region, [], { from: '2026-03-01', to: '2026-03-31' }), programme };
    expect(analyseHours(none).coverage).toEqual({ planned: programme, uncovered: 0, share: 0 });
  });
});
