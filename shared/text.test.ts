import { describe, expect, it } from 'vitest';
import { hasInvisible, normaliseText, withoutHiddenControls } from './text.js';

describe('names as typed', () => {
  it('normalises to NFC, trims and collapses whitespace', () => {
    expect(normaliseText('  Ana \t  Mari\u0301a\u00a0 Paz \n')).toBe('Ana María Paz');
    expect(normaliseText('Ana María')).toBe(normaliseText('Ana Mari\u0301a'));
  });

  it('refuses controls and invisible format characters', () => {
    for (const bad of [
      'Ana\u202eaíraM', // right-to-left override
      'Ana\u2066x\u2069', // isolates
      'A\u200bna', // zero-width space
      'A\u200dna', // zero-width joiner
      'An\u00ada', // soft hyphen
      'A\ufeffna', // BOM (at the ends, trim() drops it)
      'Ana\u0000',
      'Ana\u001b[31m',
      'Ana\u007f',
      'Ana\ue000', // private use
    ])
      expect(hasInvisible(bad), JSON.stringify(bad)).toBe(true);
    for (const good of ['Ana María', 'José Ñúñez', "O'Higgins 1200", 'Zoë  Li', 'a\tb'])
      expect(hasInvisible(good), good).toBe(false);
  });
});

describe('free text as typed', () => {
  it('keeps line breaks, tabs, accents and emoji, and drops bidi and control characters', () => {
    expect(withoutHiddenControls('Portón verde\n\tal fondo 👩‍👧')).toBe(
      'Portón verde\n\tal fondo 👩‍👧',
    );
    expect(withoutHiddenControls('llamar al \u202e119\u202c ya\u0007\u2066')).toBe(
      'llamar al 119 ya',
    );
  });
});
