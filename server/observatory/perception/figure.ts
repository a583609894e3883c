import type { ObservatoryFilter } from '../../../shared/observatory.js';
import type { PerceptionResult } from '../../../shared/observatory-evaluation.js';
import type { Services } from '../../services.js';
import { MIN_ANSWERS } from '../evaluation/wilson.js';
import { evaluationMeta } from '../evaluation-meta.js';

/** Perception per place from conversations. Placeholder: the shape is final, nothing counted yet. */
export async function perceptionFigure(
  s: Services,
  filter: ObservatoryFilter,
): Promise<PerceptionResult> {
  return {
    meta: evaluationMeta({
      sources: ['patrol'],
      filter,
      n: 0,
      method: 'wilson_shares',
      now: s.observatory.now(),
    }),
    minAnswers: MIN_ANSWERS,
    cellMetres: 0,
    questions: [],
    quadrant: [],
  };
}
