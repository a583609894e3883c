import type { obsImpactEs } from './obs-impact.es.js';

export const obsImpactEn: Record<keyof typeof obsImpactEs, string> = {
  'obs.section.impact': 'Before and after',
  'obs.method.wdd_wdq':
    'Weighted Displacement Difference (Wheeler & Ratcliffe) and Weighted Displacement Quotient (Bowers & Johnson).',
};
