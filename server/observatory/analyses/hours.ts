import type { HourWeekResult, HourWeekTable } from '../../../shared/observatory.js';
import type { ObservatoryInput } from '../input.js';
import { figureMeta, inPeriod } from './meta.js';

const empty = (): HourWeekTable => Array.from({ length: 7 }, () => new Array<number>(24).fill(0));

/** Placeholder until the analysis lands: the right shape, zero counts. */
export function analyseHours(input: ObservatoryInput): HourWeekResult {
  return {
    meta: figureMeta(input, 'hour_week_counts', inPeriod(input, true)),
    counts: empty(),
    previous: { from: input.filter.from, to: input.filter.to, n: 0, counts: empty() },
    coverage: { planned: input.programme, uncovered: 0, share: 0 },
  };
}
