import type { TrendResult } from '../../../shared/observatory.js';
import type { ObservatoryInput } from '../input.js';
import { figureMeta, inPeriod } from './meta.js';

/** Placeholder until the analysis lands: the right shape, no points. */
export function analyseTrends(input: ObservatoryInput): TrendResult {
  const counted = inPeriod(input, true);
  return {
    meta: figureMeta(input, 'poisson_exact', counted),
    weekly: [],
    monthly: [],
    change: { current: counted.length, lastYear: null, ratio: null, low: null, high: null },
  };
}
