import { describe, expect, it } from 'vitest';
import type { Stay } from './dosage.js';
import { residualCurve } from './residual.js';
import { seededRandom } from '../../../shared/demo-city.js';

const MIN = 60_000;
const T0 = Date.parse('2026-03-02T00:00:00Z');
const WEEK_MIN = 7 * 24 * 60;

/**
 * The residual-deterrence curve against a brute force that shares none of its code: every
 * minute of a seeded random week is classified on its own (present at the point? how long since
 * the last stay there ended, and has a new one begun?), and exposures and incident counts are
 * tallied minute by minute. Stays and incidents fall on whole minutes, so both must agree
 * exactly (hours to 1e-12).
 */
describe('the residual-deterrence curve against minute-by-minute counting', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}`, () => {
      const r = seededRandom(seed);
      const P = { id: 'P', lat: -32.89, lng: -68.83 };
      // one ends 12 minutes before the week: its half hour reaches into it
      const stays: Stay[] = [{ unitId: 'u9', point: 'P', from: T0 - 40 * MIN, to: T0 - 12 * MIN }];
      for (let i = 0; i < 60; i++) {
        const start = Math.floor(r() * (WEEK_MIN + 60)) - 30; // some begin before the week
        const length = 3 + Math.floor(r() * 25);
        stays.push({
          unitId: `u${i % 3}`,
          point: 'P',
          from: T0 + start * MIN,
          to: T0 + (start + length) * MIN,
        });
      }
      const incidents = Array.from({ length: 400 }, () => ({
        lat: P.lat + (r() - 0.5) * 0.004, // up to ~220 m away: some outside the radius
        lng: P.lng,
        at: T0 + Math.floor(r() * WEEK_MIN) * MIN,
      }));
      const curve = residualCurve({
        points: [P],
        stays,
        incidents,
        from: T0,
        to: T0 + WEEK_MIN * MIN,
      });

      // brute force
      const present = (m: number) =>
        stays.some((s) => s.from <= T0 + m * MIN && T0 + m * MIN < s.to!);
      const kind: (number | 'during' | 'other')[] = [];
      let lastEnd = -Infinity;
      for (let m = 0; m < WEEK_MIN; m++) {
        if (present(m)) {
          kind.push('during');
          continue;
        }
        // the end of the latest presence before this minute
        for (const s of stays) if (s.to! <= T0 + m * MIN && s.to! > lastEnd) lastEnd = s.to!;
        const since = (T0 + m * MIN - lastEnd) / MIN;
        kind.push(since < 30 ? Math.floor(since / 5) : 'other');
      }
      const minutes = (k: number | 'during' | 'other') => kind.filter((x) => x === k).length;
      const inRadius = incidents.filter((i) => Math.abs(i.lat - P.lat) * 111_195 <= 150);
      const hits = (k: number | 'during' | 'other') =>
        inRadius.filter((i) => kind[(i.at - T0) / MIN] === k).length;

      expect(curve.during.hours * 60).toBeCloseTo(minutes('during'), 9);
      expect(curve.during.incidents).toBe(hits('during'));
      expect(curve.other.hours * 60).toBeCloseTo(minutes('other'), 9);
      expect(curve.other.incidents).toBe(hits('other'));
      for (const [k, bin] of curve.bins.entries()) {
        expect(bin.hours * 60, `bin ${k}`).toBeCloseTo(minutes(k), 9);
        expect(bin.incidents, `bin ${k}`).toBe(hits(k));
      }
    });
  }
});
