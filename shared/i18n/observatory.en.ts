import type { observatoryEs } from './observatory.es.js';

export const observatoryEn: Record<keyof typeof observatoryEs, string> = {
  'obs.console_tab': 'Observatory',
};
