import type { obsReportsEs } from './obs-reports.es.js';

export const obsReportsEn: Record<keyof typeof obsReportsEs, string> = {
  'obs.section.reports': 'Reports',
};
