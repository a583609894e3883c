import type { IncidentType } from '../../shared/observatory.js';

/**
 * The harm-weighted layer's default weight per incident type, in the spirit of a crime harm
 * index (Sherman, Neyroud & Neyroud 2016: count harm, not just events): one bicycle theft is the
 * unit. A general alert stands for a robbery or an assault on the street, and a fire for a
 * threat to life and home, each judged about five times the harm of a bicycle theft; a medical
 * emergency marks need, not crime, and weighs what a theft does; a neighbour's report of
 * suspicious activity to a patrol is a signal, not a harm, and weighs half. A city sets its own
 * in `city.json` (`observatory.harmWeights`), per type; types it leaves out keep these.
 */
export const DEFAULT_HARM_WEIGHTS: Readonly<Record<IncidentType, number>> = {
  general: 5,
  fire: 5,
  bicycle_theft: 1,
  medical: 1,
  suspicious_activity: 0.5,
};

export function harmWeights(
  city: Partial<Record<IncidentType, number>>,
): Record<IncidentType, number> {
  return { ...DEFAULT_HARM_WEIGHTS, ...city };
}
