import { describe, expect, it } from 'vitest';
import { isUp, nextChange, nextUp } from './flap.js';
import { flapFigures, flapPressTimes } from './figures.js';

const s = { periodMs: 15_000, downMs: 10_000 };

describe('the flapping schedule', () => {
  it('is up for the first 5 s of every 15 s and down for the other 10', () => {
    expect(isUp(s, 1000, 0)).toBe(true);
    expect(isUp(s, 1000, 1000)).toBe(true);
    expect(isUp(s, 1000, 5999)).toBe(true);
    expect(isUp(s, 1000, 6000)).toBe(false);
    expect(isUp(s, 1000, 15_999)).toBe(false);
    expect(isUp(s, 1000, 16_000)).toBe(true);
  });

  it('names the next change and the link’s return', () => {
    expect(nextChange(s, 0, 0)).toBe(5000);
    expect(nextChange(s, 0, 5000)).toBe(15_000);
    expect(nextChange(s, 0, 14_999)).toBe(15_000);
    expect(nextUp(s, 0, 3000)).toBe(3000);
    expect(nextUp(s, 0, 7000)).toBe(15_000);
    expect(nextUp(s, 0, 37_000)).toBe(45_000);
  });

  it('presses alerts in outages and up-times alike', () => {
    const times = flapPressTimes(10, s, 0);
    const down = times.filter((t) => !isUp(s, 0, t)).length;
    expect(down).toBeGreaterThan(3);
    expect(down).toBeLessThan(10);
  });

  it('times each alert from the link being up and counts copies and losses', () => {
    const f = flapFigures(
      [
        { id: 'a', pressAt: 1000, rowAt: 1200, copies: 1 },
        { id: 'b', pressAt: 7000, rowAt: 16_500, copies: 1 },
        { id: 'c', pressAt: 8000, rowAt: 15_300, copies: 2 },
        { id: 'd', pressAt: 9000, rowAt: null, copies: 0 },
      ],
      s,
      0,
    );
    expect(f.delays).toEqual([200, 1500, 300, null]);
    expect(f.exactlyOnce).toBe(2);
    expect(f.missing).toBe(1);
    expect(f.afterReturn).toEqual({ p50: 300, p99: 1500, max: 1500 });
  });
});
