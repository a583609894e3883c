import { describe, expect, it } from 'vitest';
import { observatoryScreenMessages, tObs } from './observatory-screen.js';
import { EMERGING_PATTERNS, HOTSPOT_LAYERS } from '../observatory.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the observatory section's strings", () => {
  const { es, en } = observatoryScreenMessages;

  it('have the same keys and placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(es).sort());
    for (const key of Object.keys(es) as (keyof typeof es)[])
      expect(placeholders(en[key]), key).toEqual(placeholders(es[key]));
  });

  it('use dot-separated lowercase keys', () => {
    for (const key of Object.keys(es)) expect(key).toMatch(/^obs(\.[a-z0-9_]+)+$/);
  });

  it('name every method, layer, pattern and weekday the figures carry', () => {
    const methods = [
      'gi_star_permutation_fdr',
      'emerging_gi_star_mann_kendall',
      'hour_week_counts',
      'poisson_exact',
      'silent_counts',
    ];
    const keys = [
      ...methods.map((m) => `obs.method.${m}`),
      ...HOTSPOT_LAYERS.map((l) => `obs.layer.${l}`),
      ...EMERGING_PATTERNS.map((p) => `obs.pattern.${p}`),
      ...[0, 1, 2, 3, 4, 5, 6].map((d) => `obs.weekday.${d}`),
    ];
    for (const key of keys) expect(es, key).toHaveProperty([key]);
  });

  it('read in the language asked for, with placeholders filled', () => {
    expect(tObs('obs.legend.count', { count: 3 }, 'es')).toBe('3 celdas');
    expect(tObs('obs.legend.count', { count: 3 }, 'en')).toBe('3 cells');
    expect(tObs('obs.weekday.0', undefined, 'es')).toBe('Lunes');
  });
});
