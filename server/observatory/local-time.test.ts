import { describe, expect, it } from 'vitest';
import { localParts } from '../../shared/plan.js';
import { dayNumber, isoDay, localClock } from './local-time.js';

describe('localClock', () => {
  it('agrees with Intl on every hour of a year in Mendoza and in a zone with DST', () => {
    for (const zone of ['America/Argentina/Mendoza', 'Europe/Madrid', 'Asia/Kolkata']) {
      const clock = localClock(zone);
      for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2026, 0, 1); t += 3_600_000 + 17 * 60_000) {
        const got = clock(t);
        const want = localParts(new Date(t), zone);
        expect(isoDay(got.day), `${zone} ${new Date(t).toISOString()}`).toBe(
          `${want.y}-${String(want.m).padStart(2, '0')}-${String(want.d).padStart(2, '0')}`,
        );
        expect(got.hour).toBe(want.hour);
        // localParts counts Sunday as 0; the observatory counts Monday as 0.
        expect(got.weekday).toBe((want.weekday + 6) % 7);
      }
    }
  });

  it('puts 02:30 UTC of a Monday in Mendoza on Sunday 23:30', () => {
    const p = localClock('America/Argentina/Mendoza')(Date.parse('2026-03-02T02:30:00Z'));
    expect(isoDay(p.day)).toBe('2026-03-01');
    expect(p).toMatchObject({ hour: 23, weekday: 6 });
  });
});

describe('dayNumber', () => {
  it('reads real dates and refuses the rest', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(isoDay(dayNumber('2024-02-29'))).toBe('2024-02-29');
    for (const bad of ['2023-02-29', '2026-13-01', '2026-1-01', '0099-01-01', '', 'x'])
      expect(dayNumber(bad), bad).toBeNaN();
  });
});
