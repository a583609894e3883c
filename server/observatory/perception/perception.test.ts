import { describe, expect, it } from 'vitest';
import { perceptionQuadrant, perceptionQuestions, sharesOf, tallyByArea } from './shares.js';

const tally = (yes: number, no: number, unsure: number) => ({ yes, no, unsure });

describe('perception shares', () => {
  it('withholds a share below 10 answers and shows it, with its Wilson interval, from 10', () => {
    const nine = sharesOf(tally(3, 5, 1));
    expect(nine.no).toEqual({ shown: false, x: 5, n: 9 });
    const ten = sharesOf(tally(3, 5, 2));
    expect(ten.no.shown).toBe(true);
    // prop.test(5, 10, correct = FALSE)$conf.int: 0.2365931 0.7634069
    if (ten.no.shown) {
      expect(ten.no.share).toBe(0.5);
      expect(ten.no.low).toBeCloseTo(0.2365931, 6);
      expect(ten.no.high).toBeCloseTo(0.7634069, 6);
    }
  });

  it('counts each question where it was answered, per area and per cell, ignoring odd answers', () => {
    const cell = {
      id: 'c1-1',
      areaId: 'a',
      centre: { lat: 0, lng: 0 },
      bounds: [
        [0, 0],
        [1, 1],
      ] as [[number, number], [number, number]],
    };
    const rows = [
      { answers: { feels_safe_night: 'no' }, areaId: 'a', cell },
      { answers: { feels_safe_night: 'yes', trash_pickup: 'maybe' }, areaId: 'a', cell: null },
      { answers: { trash_pickup: 'no' }, areaId: null, cell },
    ];
    const q = perceptionQuestions(rows);
    const night = q.find((x) => x.question === 'feels_safe_night')!;
    expect(night.total.no).toEqual({ shown: false, x: 1, n: 2 });
    expect(night.areas).toEqual([{ areaId: 'a', answers: 2, shares: sharesOf(tally(1, 1, 0)) }]);
    expect(night.cells.map((c) => [c.id, c.answers])).toEqual([['c1-1', 1]]);
    const trash = q.find((x) => x.question === 'trash_pickup')!;
    expect(trash.total.no).toEqual({ shown: false, x: 1, n: 1 });
    expect(trash.areas).toEqual([]);
  });

  it('places areas in the quadrant at the medians, leaving out those under 10 answers or without homes', () => {
    const answered = new Map([
      ['dark', tally(2, 10, 0)], // unsafe, few incidents
      ['hot', tally(3, 9, 0)], // unsafe, many
      ['calm', tally(10, 2, 0)], // safe, few
      ['busy', tally(9, 3, 0)], // safe, many
      ['thin', tally(1, 8, 0)], // 9 answers: out
      ['empty', tally(1, 10, 0)], // no households: out
    ]);
    const incidents = new Map([
      ['dark', 2],
      ['hot', 40],
      ['calm', 1],
      ['busy', 30],
      ['thin', 5],
    ]);
    const homes = new Map([
      ['dark', 100],
      ['hot', 100],
      ['calm', 100],
      ['busy', 100],
      ['thin', 100],
    ]);
    const q = perceptionQuadrant(answered, incidents, homes);
    expect(q.map((r) => [r.areaId, r.kind, r.rate])).toEqual([
      ['busy', 'safe_many', 300],
      ['calm', 'safe_few', 10],
      ['dark', 'unsafe_few', 20],
      ['hot', 'unsafe_many', 400],
    ]);
    expect(
      tallyByArea(
        [{ answers: { feels_safe_night: 'no' }, areaId: 'x', cell: null }],
        'feels_safe_night',
      ).get('x'),
    ).toEqual(tally(0, 1, 0));
  });
});
