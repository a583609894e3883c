import type { obsPatrolEs } from './obs-patrol.es.js';

export const obsPatrolEn: Record<keyof typeof obsPatrolEs, string> = {
  'obs.section.patrol': 'Patrol',
  'obs.method.dosage_checkins':
    'Planned versus completed visits (check-ins and check-outs) and dwell times.',
  'obs.method.residual_deterrence':
    'Incidents within {radius} m of a fixed point per hour of exposure, in the 30 minutes after each visit against all other times.',
};
