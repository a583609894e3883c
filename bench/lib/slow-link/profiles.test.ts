import { describe, expect, it } from 'vitest';
import { oneWayMs, parseProfiles, parseRounds, queueBytes, PROFILES } from './profiles.js';
import { spread } from './figures.js';
import { cell, slowLinkLines } from './report.js';

describe('slow-link profiles and flags', () => {
  it('runs the four links by default, in the issue’s order', () => {
    expect(parseProfiles(undefined).map((p) => p.name)).toEqual([
      '3g',
      'poor',
      'terrible',
      'flapping',
    ]);
  });

  it('takes a list, ignores case, spaces and repeats, and refuses an unknown link', () => {
    expect(parseProfiles(' Poor, 3G ,poor').map((p) => p.name)).toEqual(['poor', '3g']);
    expect(() => parseProfiles('edge')).toThrow(/unknown profile "edge"/);
    expect(() => parseProfiles(',')).toThrow(/no profile/);
  });

  it('has the issue’s links', () => {
    expect(PROFILES.terrible!.shape).toMatchObject({ rttMs: 1000, rateBps: 100_000, loss: 0.1 });
    expect(PROFILES.flapping!.shape).toEqual(PROFILES.poor!.shape);
    expect(PROFILES.flapping!.flap).toEqual({ periodMs: 15_000, downMs: 10_000 });
    expect(oneWayMs(PROFILES['3g']!.shape)).toBe(150);
    expect(queueBytes(PROFILES['3g']!.shape)).toBe(200_000);
  });

  it('takes rounds as a whole number from 1 to 100', () => {
    expect(parseRounds('--slow-rounds', undefined, 5)).toBe(5);
    expect(parseRounds('--slow-rounds', '3', 5)).toBe(3);
    for (const bad of ['0', '2.5', 'x', '101'])
      expect(() => parseRounds('--slow-rounds', bad, 5)).toThrow(/--slow-rounds/);
  });

  it('reports the median with the spread, rounds at the cap counted at the cap', () => {
    const s = spread([300, null, 100], 1000);
    expect(s).toEqual({ n: 3, median: 300, min: 100, max: 1000, capped: 1 });
    expect(cell(s, 350, 'ms')[0]).toBe('300 (100–1000) ms, 1 at cap PASS');
    expect(cell(spread([2_500_000]), 300 * 1024, 'KB')).toEqual(['2441 KB FAIL', 'FAIL']);
    expect(cell(spread([]), 1, 's')).toEqual(['n/a', 'n/a']);
  });

  it('says in one line why the phase was skipped, and nothing when it was not asked for', () => {
    expect(slowLinkLines('not root (a network namespace needs root)')).toEqual([
      '',
      'slow link: skipped (not root (a network namespace needs root))',
    ]);
    expect(slowLinkLines(undefined)).toEqual([]);
  });
});
