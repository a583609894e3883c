import type { obsPerceptionEs } from './obs-perception.es.js';

export const obsPerceptionEn: Record<keyof typeof obsPerceptionEs, string> = {
  'obs.section.perception': 'Perception',
  'obs.method.wilson_shares':
    'Share of answers with a 95 % Wilson interval; only with {min} answers or more.',
};
