import { describe, expect, it } from 'vitest';
import { ALERT_WINDOWS, alertFigures } from './figures.js';
import { slices, spread } from './stats.js';
import type { AlertTiming } from './probe-types.js';

const alert = (phase: 'steady' | 'burst', ops: number | null): AlertTiming => ({
  id: String(Math.random()),
  type: 'general',
  areaId: 'a',
  phase,
  sentWallMs: 0,
  ops,
  receipt: ops,
  area: ops,
  sirens: [],
  sirenExpected: 0,
  pushAll: null,
  pushGot: 0,
  pushExpected: 0,
});

describe('figures in rounds', () => {
  it('cuts a list into consecutive slices, none empty', () => {
    expect(slices([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([
      [1, 2],
      [3, 4],
      [5, 6, 7],
    ]);
    expect(slices([1, 2], 5)).toEqual([[1], [2]]);
    expect(slices([], 5)).toEqual([]);
  });

  it('gives the median of the rounds and their range, leaving out rounds without a value', () => {
    expect(spread([4, null, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, rounds: 4 });
    expect(spread([null])).toEqual({ median: null, min: null, max: null, rounds: 0 });
  });

  it('takes an alert figure as the median of its windows, one stall moving one window', () => {
    const steady = Array.from({ length: 10 }, (_, i) => alert('steady', i === 3 ? 500 : 5));
    const burst = Array.from({ length: 10 }, () => alert('burst', 8));
    const f = alertFigures({ alerts: [...steady, ...burst], durationMs: 0, sirenCommands: 0, sirenUnattributed: 0, sirenRepeats: 0, rtt: null }, 60_000); // prettier-ignore
    expect(f.rounds.ops).toEqual({ median: 8, min: 5, max: 500, rounds: 2 * ALERT_WINDOWS });
    expect(f.byPhase.all.ops.p99).toBe(500);
  });

  it('counts an alert that never arrived as the settle time in its window', () => {
    const steady = Array.from({ length: 10 }, () => alert('steady', null));
    const f = alertFigures({ alerts: steady, durationMs: 0, sirenCommands: 0, sirenUnattributed: 0, sirenRepeats: 0, rtt: null }, 60_000); // prettier-ignore
    expect(f.rounds.ops.median).toBe(60_000);
  });
});
