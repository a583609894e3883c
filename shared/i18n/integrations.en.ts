import type { integrationsEs } from './integrations.es.js';

/** English for integrations.es.ts. */
export const integrationsEn: Record<keyof typeof integrationsEs, string> = {
  'ops.tab.integrations': 'Integrations',
};
