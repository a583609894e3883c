import type { MessageKey } from '../../shared/i18n/core.js';
import type { AlertTypeCode } from '../../shared/types.js';

/** CAP 1.2's closed lists (OASIS CAP-v1.2 §3.2.2), the values this feed uses. */
export type CapCategory = 'Security' | 'Safety' | 'Health' | 'Fire' | 'Rescue';
export type CapResponseType = 'Avoid' | 'Monitor' | 'None' | 'AllClear';
export type CapSeverity = 'Extreme' | 'Severe' | 'Moderate' | 'Minor';

/** How one alert type reads in CAP while the alert is open. */
export interface CapTypeMapping {
  category: CapCategory;
  severity: CapSeverity;
  /** what residents of the area should do while it is open */
  responseType: CapResponseType;
  /** the instruction, in both languages; `{phone}` is the city's emergency number */
  instruction: MessageKey;
}

/**
 * The catalogue's types in CAP terms. A type missing here (a silent type, or one a city adds
 * without a mapping) is never published: leaving a type out is the safe default.
 *
 * - severity: a fire or a medical emergency threatens life (Severe); a robbery, intrusion or
 *   something suspicious may (Moderate); a bicycle theft is a loss of property (Minor).
 * - urgency and certainty follow the step, not the type (lifecycle.ts): Immediate / Observed
 *   while open (an operator verified it), Past once closed.
 */
export const CAP_TYPES: Partial<Record<AlertTypeCode, CapTypeMapping>> = {
  general: {
    category: 'Security',
    severity: 'Moderate',
    responseType: 'Monitor',
    instruction: 'cap.instruction.general',
  },
  medical: {
    category: 'Health',
    severity: 'Severe',
    responseType: 'None',
    instruction: 'cap.instruction.medical',
  },
  bicycle_theft: {
    category: 'Security',
    severity: 'Minor',
    responseType: 'Monitor',
    instruction: 'cap.instruction.bicycle_theft',
  },
  fire: {
    category: 'Fire',
    severity: 'Severe',
    responseType: 'Avoid',
    instruction: 'cap.instruction.fire',
  },
};
