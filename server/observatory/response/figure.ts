import type { ObservatoryFilter } from '../../../shared/observatory.js';
import type { ResponseGrouping, ResponseResult } from '../../../shared/observatory-evaluation.js';
import type { Services } from '../../services.js';
import { summarise } from '../evaluation/response-summary.js';
import { evaluationMeta } from '../evaluation-meta.js';

/**
 * Response times of the filter's alerts, grouped. Placeholder: the shape is final, the figure
 * counts nothing yet.
 */
export async function responseFigure(
  s: Services,
  filter: ObservatoryFilter,
  by: ResponseGrouping,
): Promise<ResponseResult> {
  const targetMinutes = s.city.observatory.responseTargetMinutes;
  return {
    meta: evaluationMeta({
      sources: ['alerts'],
      filter,
      n: 0,
      method: 'response_quantiles',
      now: s.observatory.now(),
    }),
    targetMinutes,
    total: summarise([], targetMinutes),
    by,
    groups: [],
  };
}
