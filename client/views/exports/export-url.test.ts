import { describe, expect, it } from 'vitest';
import { exportUrl, periodDays, periodProblem } from './export-url.js';

// 10:00 on 15 March 2026 in the city (UTC−3).
const now = Date.parse('2026-03-15T13:00:00Z');

describe('the export screen’s choices', () => {
  it('presets end today in the city’s calendar', () => {
    expect(periodDays('this_month', now)).toEqual({ from: '2026-03-01', to: '2026-03-15' });
    expect(periodDays('last_month', now)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodDays('12m', now)).toEqual({ from: '2025-03-16', to: '2026-03-15' });
    expect(periodProblem('2025-03-16', '2026-03-15')).toBeNull();
    // 1 a.m. on the 1st in UTC is still the last day of the month before in the city.
    expect(periodDays('this_month', Date.parse('2026-04-01T01:00:00Z')).from).toBe('2026-03-01');
  });

  it('a custom period must be whole, in order and at most a year', () => {
    expect(periodProblem('', '2026-01-01')).toBe('missing');
    expect(periodProblem('2026-02-01', '2026-01-01')).toBe('order');
    expect(periodProblem('2024-01-01', '2024-12-31')).toBeNull();
    expect(periodProblem('2025-01-01', '2026-01-02')).toBe('long');
  });

  it('the link carries the filters the dataset has', () => {
    const c = { dataset: 'alerts', format: 'csv', from: '2026-01-01', to: '2026-12-31' } as const;
    expect(exportUrl({ ...c, type: 'fire', area: 'area-3', lang: 'es' })).toBe(
      '/api/exports/alerts.csv?from=2026-01-01&to=2026-12-31&type=fire&area=area-3&lang=es',
    );
    expect(
      exportUrl({
        ...c,
        dataset: 'checkins',
        format: 'geojson',
        type: 'fire',
        area: '',
        lang: 'en',
      }),
    ).toBe('/api/exports/checkins.geojson?from=2026-01-01&to=2026-12-31&lang=en');
  });
});
