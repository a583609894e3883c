import type { staffEs } from './staff.es.js';

/** English for staff.es.ts. */
export const staffEn: Record<keyof typeof staffEs, string> = {
  'audit.action.user.created': 'Created a staff account',
};
