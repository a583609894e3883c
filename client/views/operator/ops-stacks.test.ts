import { describe, expect, it } from 'vitest';
import { ringOffset, stacks } from './ops-stacks.js';

const at = (lat: number, lng: number) => ({ location: { lat, lng } });

describe('alerts at one spot', () => {
  it('are grouped within 15 m, apart beyond, and never without a location', () => {
    const a = at(-32.9275, -68.845);
    const b = at(-32.92751, -68.84501); // about 1.5 m away
    const c = at(-32.9285, -68.845); // about 110 m away
    const groups = stacks([a, b, c, { location: null }]);
    expect(groups).toEqual([[a, b], [c]]);
  });

  it('spread on a ring of distinct pixel offsets, none for a lone alert', () => {
    expect(ringOffset(0, 1)).toEqual([0, 0]);
    const offsets = [0, 1, 2, 3].map((i) => ringOffset(i, 4).join());
    expect(new Set(offsets).size).toBe(4);
    expect(ringOffset(0, 3)).toEqual([0, -21]);
  });
});
