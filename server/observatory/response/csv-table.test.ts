import { describe, expect, it } from 'vitest';
import type { EvaluationMeta } from '../../../shared/observatory-evaluation.js';
import { csvTable, minutes, ratio } from './csv-table.js';

const meta: EvaluationMeta = {
  sources: ['alerts'],
  from: '2026-01-01',
  to: '2026-01-31',
  n: 3,
  method: 'response_quantiles',
  computedAt: '2026-02-01T00:00:00.000Z',
  suppressedBelow: 0,
};

describe('csvTable', () => {
  it('quotes as RFC 4180, defuses formulas, keeps numbers, repeats the meta', () => {
    const text = csvTable(
      ['a', 'b', 'c'],
      [
        ['=SUM(A1)', -2.5, 'x,"y"'],
        ['@x', null, '+1'],
      ],
      meta,
    );
    expect(text.split('\r\n')).toEqual([
      'a,b,c,sources,from,to,n,method,computed_at,suppressed_below',
      '\'=SUM(A1),-2.5,"x,""y""",alerts,2026-01-01,2026-01-31,3,response_quantiles,2026-02-01T00:00:00.000Z,0',
      "'@x,,'+1,alerts,2026-01-01,2026-01-31,3,response_quantiles,2026-02-01T00:00:00.000Z,0",
      '',
    ]);
  });

  it('writes one empty row rather than none, so the meta is never missing', () => {
    expect(csvTable(['a'], [], meta).split('\r\n')[1]).toBe(
      ',alerts,2026-01-01,2026-01-31,3,response_quantiles,2026-02-01T00:00:00.000Z,0',
    );
  });

  it('rounds minutes and ratios for a spreadsheet', () => {
    expect(minutes(125)).toBe(2.08);
    expect(minutes(null)).toBeNull();
    expect(ratio(2 / 3)).toBe(0.6667);
    expect(ratio(undefined)).toBeNull();
  });
});
