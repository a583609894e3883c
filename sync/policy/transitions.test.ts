import { describe, expect, it } from 'vitest';
import { passesThrough, reachable } from './transitions.js';

const steps = (s: string): readonly string[] =>
  ({ a: ['b', 'x'], b: ['c'], c: ['d'], x: ['d'] })[s] ?? [];

describe('reachable', () => {
  it('follows allowed steps forward only', () => {
    expect(reachable('a', 'b', steps)).toBe(true);
    expect(reachable('a', 'd', steps)).toBe(true);
    expect(reachable('c', 'a', steps)).toBe(false);
    expect(reachable('d', 'd', steps)).toBe(false);
  });

  it('bounds the number of steps', () => {
    expect(reachable('a', 'b', steps, { within: 1 })).toBe(true);
    expect(reachable('a', 'c', steps, { within: 1 })).toBe(false);
    expect(reachable('a', 'c', steps, { within: 2 })).toBe(true);
    expect(reachable('b', 'd', steps, { within: 2 })).toBe(true);
  });

  it('can avoid a state', () => {
    expect(reachable('a', 'd', steps, { avoid: 'c' })).toBe(true);
    expect(reachable('b', 'd', steps, { avoid: 'c' })).toBe(false);
    expect(passesThrough('b', 'd', 'c', steps)).toBe(true);
    expect(passesThrough('a', 'd', 'c', steps)).toBe(false);
    expect(passesThrough('a', 'c', 'c', steps)).toBe(true);
  });
});
