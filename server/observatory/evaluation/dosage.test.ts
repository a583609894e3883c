import { describe, expect, it } from 'vitest';
import { pointStays, type ShiftPlan } from '../../../shared/plan.js';
import {
  dwellSummary,
  plannedVersusDone,
  residualCurve,
  staysOf,
  type CheckinRecord,
  type Stay,
} from './dosage.js';

/** Dosage on constructed check-ins, plans and incidents; every number is worked by hand. */
const DAY = '2026-03-02T';
const iso = (hhmm: string) => `${DAY}${hhmm}:00.000Z`;
const t = (hhmm: string) => Date.parse(iso(hhmm));

let n = 0;
const c = (unitId: string, point: string, kind: 'in' | 'out', hhmm: string): CheckinRecord => ({
  id: `c${++n}`,
  unitId,
  point,
  kind,
  at: iso(hhmm),
});

const checkins = [
  c('unit-1', 'P', 'in', '10:00'),
  c('unit-1', 'P', 'in', '10:01'), // the second officer of the car: the same stay
  c('unit-1', 'P', 'out', '10:14'),
  c('unit-1', 'Q', 'out', '10:50'), // an out with nothing open: ignored
  c('unit-1', 'Q', 'in', '11:30'),
  c('unit-1', 'Q', 'out', '11:39'),
  c('unit-1', 'P', 'in', '12:00'),
  c('unit-1', 'P', 'out', '12:17'),
  c('unit-1', 'R', 'in', '13:05'), // never checked out
  c('unit-2', 'P', 'in', '10:05'),
  c('unit-2', 'P', 'out', '10:21'),
  c('unit-2', 'Z', 'in', '11:00'),
  c('unit-2', 'Z', 'out', '11:12'),
];
const stays = staysOf(checkins);

describe('stays and dwell times', () => {
  it('pairs check-ins per unit as the phone does (the same pairs as pointStays)', () => {
    expect(
      stays.map((s) => [s.unitId, s.point, s.to === null ? null : (s.to - s.from) / 60_000]),
    ).toEqual([
      ['unit-1', 'P', 14],
      ['unit-2', 'P', 16],
      ['unit-2', 'Z', 12],
      ['unit-1', 'Q', 9],
      ['unit-1', 'P', 17],
      ['unit-1', 'R', null],
    ]);
    const phone = pointStays(checkins.filter((x) => x.unitId === 'unit-1'));
    const ours = stays.filter((s) => s.unitId === 'unit-1');
    expect(ours.map((s) => [s.point, s.from, s.to])).toEqual(
      phone.map((s) => [s.point, Date.parse(s.from), s.to === null ? null : Date.parse(s.to)]),
    );
  });

  it('leaves a stay open longer than a shift unclosed, so it cannot swallow the next day', () => {
    const forgot = staysOf([
      c('unit-9', 'P', 'in', '01:00'),
      c('unit-9', 'P', 'in', '10:00'), // nine hours later: a new stay
      c('unit-9', 'P', 'out', '10:12'),
      c('unit-9', 'Q', 'in', '02:00'),
      c('unit-9', 'Q', 'out', '10:30'), // the open stay expired: this out closes nothing
    ]);
    expect(forgot.map((s) => [s.point, s.to === null ? null : (s.to - s.from) / 60_000])).toEqual([
      ['P', null],
      ['Q', null],
      ['P', 12],
    ]);
  });

  it('summarises the distribution and the 10–16 minute band, both ends in', () => {
    const d = dwellSummary(stays);
    // closed: 9, 12, 14, 16, 17 → in band 12, 14, 16
    expect(d).toMatchObject({ stays: 5, unclosed: 1, short: 1, inBand: 3, long: 1, share: 0.6 });
    expect(d.median).toBe(14);
    expect(d.p10).toBeCloseTo(9 + 0.4 * 3, 12); // h = 0.4 between 9 and 12
    expect(d.p90).toBeCloseTo(16 + 0.6 * 1, 12); // h = 3.6 between 16 and 17
    expect(d.interval!.low).toBeLessThan(0.6);
    expect(d.interval!.high).toBeGreaterThan(0.6);
    const counts = Object.fromEntries(
      d.histogram.filter((b) => b.count).map((b) => [b.from, b.count]),
    );
    expect(counts).toEqual({ 8: 1, 12: 1, 14: 1, 16: 2 });
    expect(d.histogram.at(-1)).toEqual({ from: 30, to: null, count: 0 });
    expect(dwellSummary([])).toMatchObject({ stays: 0, median: null, share: null, interval: null });
  });
});

function plan(unitId: string, visits: [string, string][]): ShiftPlan {
  return {
    key: '2026-03-02.morning',
    unitId,
    unitLabel: unitId,
    quadrant: ['a1'],
    shift: 'morning',
    start: iso('09:00'),
    end: iso('17:00'),
    points: [],
    visits: visits.map(([point, start]) => ({
      point,
      start: iso(start),
      end: new Date(t(start) + 14 * 60_000).toISOString(),
    })),
    generatedAt: iso('08:00'),
    source: 'generated',
  };
}

describe('planned versus done', () => {
  const plans = [
    plan('unit-1', [
      ['S', '09:10'], // never visited
      ['P', '10:00'], // stay 10:00–10:14
      ['Q', '11:00'], // stay 11:30–11:39: starts 16 minutes after the visit's end, within 20
      ['P', '12:00'], // stay 12:00–12:17
      ['R', '12:40'], // check-in at 13:05, never out: the instant is 11 minutes after the end
    ]),
    plan('unit-2', [
      ['P', '10:00'], // stay 10:05–10:21
      ['Q', '12:00'], // unit-1 was at Q, not unit-2
      ['P', '13:00'], // no stay
    ]),
  ];

  it('counts a visit done when the unit stayed at its point, 20 minutes of slack each side', () => {
    const r = plannedVersusDone(plans, stays);
    expect(r.plans.map((p) => [p.unitId, p.planned, p.done])).toEqual([
      ['unit-1', 5, 4],
      ['unit-2', 3, 1],
    ]);
    expect(r.byUnit).toEqual([
      { unitId: 'unit-1', planned: 5, done: 4, share: 0.8 },
      { unitId: 'unit-2', planned: 3, done: 1, share: 1 / 3 },
    ]);
    expect(r.byShift).toEqual([{ shift: 'morning', planned: 8, done: 5, share: 5 / 8 }]);
    expect(r.total).toEqual({ planned: 8, done: 5, share: 5 / 8 });
    expect(r.plans[0]).toMatchObject({ date: '2026-03-02', shift: 'morning' });
    // unit-2's stop at Z served no visit
    expect(r.unplannedStays).toBe(1);
  });

  it('does not count a stay that ended more than 20 minutes before the visit or began after', () => {
    const late = plannedVersusDone([plan('unit-1', [['Q', '10:55']])], stays); // ends 11:09 + 20 = 11:29
    expect(late.total.done).toBe(0);
    const early = plannedVersusDone([plan('unit-1', [['Q', '11:59']])], stays); // from 11:39
    expect(early.total.done).toBe(1);
    const tooEarly = plannedVersusDone([plan('unit-1', [['Q', '12:00']])], stays);
    expect(tooEarly.total.done).toBe(0);
  });
});

describe('the residual-deterrence curve', () => {
  const P = { id: 'P', lat: -32.89, lng: -68.83 };
  const near = (hhmm: string) => ({ lat: P.lat + 0.00045, lng: P.lng, at: t(hhmm) }); // ~50 m
  const stay = (unitId: string, a: string, b: string): Stay => ({
    unitId,
    point: 'P',
    from: t(a),
    to: t(b),
  });
  const curve = residualCurve({
    points: [P, { id: 'Q', lat: -32.8, lng: -68.8 }],
    stays: [
      stay('unit-1', '02:00', '02:15'),
      stay('unit-2', '02:10', '02:20'), // merged: present 02:00–02:20
      stay('unit-1', '02:40', '03:00'), // cuts the first after-window at 20 minutes
      stay('unit-1', '09:50', '10:10'), // clipped at the period's end: no after-window
      stay('unit-1', '23:00', '23:50'), // after the period: not counted
      { unitId: 'unit-3', point: 'P', from: t('05:00'), to: null }, // never closed: ignored
    ],
    incidents: [
      near('01:00'), // before any stay: other
      near('02:05'), // during
      near('02:22'), // bin 0
      near('02:39'), // bin 3
      near('02:41'), // during the second stay
      near('03:26'), // bin 5
      near('03:31'), // other
      near('05:00'), // other
      near('09:55'), // during
      near('10:00'), // after the period
      { lat: P.lat + 0.0045, lng: P.lng, at: t('02:22') }, // ~500 m away
    ],
    from: t('00:00'),
    to: t('10:00'),
  });

  it('splits the period into presence, 5-minute bins after each stay, and other times', () => {
    expect(curve).toMatchObject({ points: 1, stays: 3, radiusMetres: 150 });
    // present 20 + 20 + 10 minutes; bins 0–3 get 5 + 5 minutes, bins 4–5 only the 5 after 03:00
    expect(curve.during).toMatchObject({ incidents: 3, hours: 50 / 60 });
    expect(curve.during.rate).toBeCloseTo(3.6, 12);
    expect(curve.bins.map((b) => [b.fromMinute, b.incidents, b.hours * 60])).toEqual([
      [0, 1, 10],
      [5, 0, 10],
      [10, 0, 10],
      [15, 1, 10],
      [20, 0, 5],
      [25, 1, 5],
    ]);
    expect(curve.other.incidents).toBe(3);
    expect(curve.other.hours * 60).toBeCloseTo(500, 9);
    expect(curve.other.rate).toBeCloseTo(0.36, 12);
  });

  it('compares each bin with the other times as an exact Poisson rate ratio', () => {
    expect(curve.bins[0]!.rate).toBeCloseTo(6, 12);
    expect(curve.bins[0]!.ratio!.ratio).toBeCloseTo(6 / 0.36, 9);
    expect(curve.bins[1]!.ratio!.ratio).toBe(0);
    expect(curve.bins[0]!.ratio!.low).toBeLessThan(curve.bins[0]!.ratio!.ratio);
  });

  it('has nothing to say for points never visited', () => {
    const none = residualCurve({
      points: [P],
      stays: [],
      incidents: [near('02:00')],
      from: 0,
      to: t('10:00'),
    });
    expect(none).toMatchObject({ points: 0, stays: 0, during: { hours: 0, rate: null } });
    expect(none.bins.every((b) => b.ratio === null)).toBe(true);
  });
});
