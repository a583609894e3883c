import { describe, expect, it } from 'vitest';
import {
  addMonths,
  countedPeriod,
  isDay,
  isMonth,
  lastFullMonth,
  lastFullWeek,
  mondayOf,
  monthBounds,
  weekBounds,
  weekday,
} from './report-periods.js';

describe('report periods', () => {
  it('bounds a month, leap years and December included', () => {
    expect(monthBounds('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthBounds('2025-02')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(monthBounds('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('moves months across years: the previous month and the same month a year earlier', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-03', -12)).toBe('2025-03');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
  });

  it('takes the last full month from the city today', () => {
    expect(lastFullMonth('2026-12-05')).toBe('2026-11');
    expect(lastFullMonth('2026-01-01')).toBe('2025-12');
  });

  it('starts weeks on Monday and ends them on Sunday', () => {
    expect(weekday('2026-12-07')).toBe(0); // a Monday
    expect(weekday('2026-12-06')).toBe(6); // a Sunday
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    expect(weekBounds('2026-12-28')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });

  it('takes the last week that has ended: on a Sunday the week is not over yet', () => {
    expect(lastFullWeek('2026-12-07')).toBe('2026-11-30'); // Monday: last week just ended
    expect(lastFullWeek('2026-12-06')).toBe('2026-11-23'); // Sunday: this week runs to tonight
    expect(lastFullWeek('2026-12-05')).toBe('2026-11-23');
  });

  it('counts a period up to yesterday, and not at all before it starts', () => {
    expect(countedPeriod(monthBounds('2026-11'), '2026-12-05')).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      complete: true,
    });
    expect(countedPeriod(monthBounds('2026-12'), '2026-12-05')).toEqual({
      from: '2026-12-01',
      to: '2026-12-04',
      complete: false,
    });
    expect(countedPeriod(monthBounds('2026-12'), '2026-12-01')).toBeNull();
  });

  it('checks months and days', () => {
    expect(isMonth('2026-12')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('latest')).toBe(false);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-02-28')).toBe(true);
  });
});
