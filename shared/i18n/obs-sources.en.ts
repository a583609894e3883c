import type { obsSourcesEs } from './obs-sources.es.js';

export const obsSourcesEn: Record<keyof typeof obsSourcesEs, string> = {
  'obs.section.sources': 'Other sources',
  'obs.method.imported_records': 'Imported records, aggregated per cell.',
};
