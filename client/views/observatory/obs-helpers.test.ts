import { describe, expect, it } from 'vitest';
import type { HourWeekResult } from '../../../shared/observatory.js';
import { presetPeriod, shiftDay } from './obs-filters.js';
import { gapSentence, uncoveredRanges } from './obs-hours.js';

const week = (open: (h: number) => boolean) =>
  Array.from({ length: 7 }, () => Array.from({ length: 24 }, (_, h) => !open(h)));

describe('observatory periods', () => {
  it('shift by calendar months, clamped to the month, and by days', () => {
    expect(shiftDay('2026-03-31', -1)).toBe('2026-02-28');
    expect(shiftDay('2024-03-31', -1)).toBe('2024-02-29');
    expect(shiftDay('2026-12-04', -12, 1)).toBe('2025-12-05');
    expect(shiftDay('2026-01-01', 0, -1)).toBe('2025-12-31');
  });

  it('presets end yesterday in the city and include both ends', () => {
    // 2026-12-05 02:00 UTC is still 4 December in Mendoza (UTC−3).
    const now = Date.parse('2026-12-05T02:00:00Z');
    expect(presetPeriod('12m', now)).toEqual({ from: '2025-12-04', to: '2026-12-03' });
    expect(presetPeriod('1m', now)).toEqual({ from: '2026-11-04', to: '2026-12-03' });
  });
});

describe('the coverage gap', () => {
  it('names the hours no weekday covers as ranges', () => {
    expect(uncoveredRanges(week((h) => h >= 3 && h < 7))).toBe('03:00–07:00');
    expect(uncoveredRanges(week((h) => h >= 22 || h < 2))).toBe('00:00–02:00, 22:00–00:00');
    expect(uncoveredRanges(week(() => false))).toBe('');
  });

  it('says the share of incidents in those hours', () => {
    const r = {
      meta: { n: 200, suppressedBelow: 0 },
      coverage: { planned: week((h) => h >= 3 && h < 7), uncovered: 68, share: 0.34 },
    } as unknown as HourWeekResult;
    expect(gapSentence(r)).toBe(
      'El 34 % de los incidentes ocurre en horas sin puntos fijos (03:00–07:00): 68 de 200.',
    );
  });
});
