import { describe, expect, it } from 'vitest';
import { offsetDateTime } from './zoned-time.js';

describe('times handed to other systems', () => {
  it('read the city’s clock with its offset, whole seconds', () => {
    const time = offsetDateTime();
    expect(time('2026-11-04T00:14:05.987Z')).toBe('2026-11-03T21:14:05-03:00');
    expect(time(null)).toBe('');
    expect(time('not a time')).toBe('');
  });

  it('follow a zone’s own offset: half hours, and summer time on both sides of its change', () => {
    expect(offsetDateTime('Asia/Kolkata')('2026-01-01T00:00:00Z')).toBe(
      '2026-01-01T05:30:00+05:30',
    );
    const madrid = offsetDateTime('Europe/Madrid');
    expect(madrid('2026-03-29T00:59:59Z')).toBe('2026-03-29T01:59:59+01:00');
    expect(madrid('2026-03-29T01:00:00Z')).toBe('2026-03-29T03:00:00+02:00');
  });
});
