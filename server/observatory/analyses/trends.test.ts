import { describe, expect, it } from 'vitest';
import { demoAreas } from '../../../shared/demo-city.js';
import type { Incident } from '../input.js';
import { poissonInterval, rateRatio } from '../stats/poisson.js';
import { studyRegion } from '../stats/region.js';
import { dayToIso } from './days.js';
import { incidentAt, inputFor, isoToDay } from './temporal-testing.js';
import { analyseTrends } from './trends.js';

const region = studyRegion(demoAreas());
const a = { ...region.cells[0]!.centre, areaId: region.cells[0]!.areaId };
const otherCell = region.cells.find((c) => c.areaId !== a.areaId)!;
const b = { ...otherCell.centre, areaId: otherCell.areaId };

/** `k` incidents on each of the given days */
const on = (days: string[], k = 1, where = a): Incident[] =>
  days.flatMap((d) => Array.from({ length: k }, (_, j) => incidentAt(d, j % 24, where)));

describe('weekly and monthly trends with exact intervals', () => {
  // period Wednesday 4 March … Tuesday 14 April 2026; records from 1 January 2025
  const incidents = [
    ...on(['2026-03-04', '2026-03-08'], 2), // first (part) week: Wed–Sun
    ...on(['2026-03-09', '2026-03-15']), // a whole week
    ...on(['2026-04-14'], 3), // last (part) week: Mon–Tue
    ...on(['2026-03-10'], 1, b), // another area
    ...on(['2026-03-03', '2026-04-15'], 5), // outside the period
    ...on(['2025-03-05', '2025-03-06'], 1), // a year earlier: 364 days before 4 and 5 March
    ...on(['2025-03-04'], 1), // the same date a year earlier (a Tuesday)
    ...on(['2025-04-10'], 2),
  ];
  const input = inputFor(region, incidents, { from: '2026-03-04', to: '2026-04-14' }, '2025-01-01');

  it('buckets by Monday weeks and by months, clipping the part buckets to the period', () => {
    const result = analyseTrends(input);
    expect(result.meta).toMatchObject({ n: 10, method: 'poisson_exact' });
    expect(result.weekly.map((p) => p.start)).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
      '2026-03-30',
      '2026-04-06',
      '2026-04-13',
    ]);
    expect(result.weekly.map((p) => p.count)).toEqual([4, 3, 0, 0, 0, 0, 3]);
    expect(result.weekly.reduce((s, p) => s + p.count, 0)).toBe(result.meta.n);
    expect(result.monthly.map((p) => [p.start, p.count])).toEqual([
      ['2026-03-01', 7],
      ['2026-04-01', 3],
    ]);
    for (const p of [...result.weekly, ...result.monthly]) {
      const ci = poissonInterval(p.count);
      expect([p.low, p.high]).toEqual([ci.low, ci.high]);
    }
    expect(result.weekly[2]).toMatchObject({ count: 0, low: 0 });
    expect(result.weekly[2]!.high).toBeCloseTo(3.688879, 6); // R: poisson.test(0)$conf.int[2]
  });

  it('compares a week with the same days 52 weeks earlier and a month with the same days a year earlier', () => {
    const result = analyseTrends(input);
    // the part week 4–8 March 2026 against 5–9 March 2025 (Wednesday to Sunday)
    expect(result.weekly[0]!.lastYear).toBe(2);
    // March 2026 from the 4th against 4–31 March 2025; April 1–14 against 1–14 April 2025
    expect(result.monthly.map((p) => p.lastYear)).toEqual([3, 2]);
  });

  it('compares the whole period with the same dates a year earlier', () => {
    const { change } = analyseTrends(input);
    // 4 March … 14 April 2025: 3 + 2
    const rr = rateRatio(10, 5)!;
    expect(change).toEqual({
      current: 10,
      lastYear: 5,
      ratio: rr.ratio,
      low: rr.low,
      high: rr.high,
    });
    expect(change.ratio).toBeCloseTo(2, 12);
  });

  it('leaves out of the comparison a source that began after the year-earlier dates, and names it', () => {
    // officers' records that begin with the programme, on 1 March 2026
    const patrol = on(['2026-03-01', '2026-03-05', '2026-03-06', '2026-04-01'], 2).map((i) => ({
      ...i,
      source: 'patrol' as const,
    }));
    const mixed = { ...input, incidents: [...input.incidents, ...patrol] };
    const { change, meta } = analyseTrends(mixed);
    expect(meta.n).toBe(16); // the figure counts them…
    const rr = rateRatio(10, 5)!;
    expect(change).toEqual({
      current: 10, // …the comparison does not
      lastYear: 5,
      ratio: rr.ratio,
      low: rr.low,
      high: rr.high,
      excluded: [{ source: 'patrol', since: '2026-03-01' }],
    });
  });

  it('counts only the chosen area', () => {
    const result = analyseTrends({ ...input, filter: { ...input.filter, areaId: b.areaId } });
    expect(result.meta.n).toBe(1);
    expect(result.weekly[1]!.count).toBe(1);
    expect(result.change).toMatchObject({ current: 1, lastYear: 0, ratio: null, high: null });
    expect(result.change.low).toBeGreaterThan(0);
  });

  it('says nothing of a year earlier when the records do not reach back', () => {
    const young = inputFor(
      region,
      incidents,
      { from: '2026-03-04', to: '2026-04-14' },
      '2025-03-20',
    );
    const result = analyseTrends(young);
    expect(result.change).toEqual({
      current: 10,
      lastYear: null,
      ratio: null,
      low: null,
      high: null,
    });
    expect(result.weekly[0]!.lastYear).toBeNull(); // 5 March 2025 is before the records
    expect(result.weekly[3]!.lastYear).toBe(0); // 24 March 2025 onwards is known
    expect(result.monthly.map((p) => p.lastYear)).toEqual([null, 2]);
  });

  it('compares a leap February per day, and a period longer than a year not at all', () => {
    const leap = [...on(['2028-02-01', '2028-02-29'], 3), ...on(['2027-02-10'], 4)];
    const feb = inputFor(region, leap, { from: '2028-02-01', to: '2028-02-29' }, '2026-01-01');
    const rr = rateRatio(6, 4, { ta: 29, tb: 28 })!;
    expect(analyseTrends(feb).change).toEqual({
      current: 6,
      lastYear: 4,
      ratio: rr.ratio,
      low: rr.low,
      high: rr.high,
    });
    const long = inputFor(region, leap, { from: '2026-06-01', to: '2028-02-29' }, '2020-01-01');
    expect(analyseTrends(long).change.ratio).toBeNull();
  });

  it('has all nulls with nothing in either period, and one bucket per week of a long period', () => {
    const empty = inputFor(region, [], { from: '2026-01-01', to: '2026-12-31' }, '2024-01-01');
    const result = analyseTrends(empty);
    expect(result.change).toEqual({ current: 0, lastYear: 0, ratio: null, low: null, high: null });
    expect(result.weekly).toHaveLength(53); // 29 Dec 2025 … 28 Dec 2026
    expect(result.monthly).toHaveLength(12);
    expect(result.weekly.at(-1)!.start).toBe(dayToIso(isoToDay('2026-12-28')));
  });
});
