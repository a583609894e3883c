import type { obsResponseEs } from './obs-response.es.js';

export const obsResponseEn: Record<keyof typeof obsResponseEs, string> = {
  'obs.section.response': 'Response times',
  'obs.method.response_quantiles':
    'Median and 90th percentile (R type 7) per stage; cancelled alerts and false alarms apart.',
};
