import type { ObservatoryFilter } from '../../../shared/observatory.js';
import type { DosageResult } from '../../../shared/observatory-evaluation.js';
import { DWELL_MINUTES } from '../../../shared/plan.js';
import type { Services } from '../../services.js';
import { DWELL_BAND_MINUTES, dwellSummary, residualCurve } from '../evaluation/dosage.js';
import { evaluationMeta } from '../evaluation-meta.js';

/** Patrol dosage of the filter's period. Placeholder: the shape is final, nothing counted yet. */
export async function dosageFigure(s: Services, filter: ObservatoryFilter): Promise<DosageResult> {
  return {
    meta: evaluationMeta({
      sources: ['patrol'],
      filter,
      n: 0,
      method: 'dosage_checkins',
      now: s.observatory.now(),
    }),
    byUnit: [],
    byShift: [],
    total: { planned: 0, done: 0, share: null },
    unplannedStays: 0,
    band: { ...DWELL_BAND_MINUTES, planned: DWELL_MINUTES },
    dwell: dwellSummary([]),
    residual: residualCurve({ points: [], stays: [], incidents: [], from: 0, to: 0 }),
  };
}
