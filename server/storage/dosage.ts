import type { IncidentType } from '../../shared/observatory.js';

/**
 * What the observatory's patrol dosage reads beyond the plan log (evaluation.ts): check-ins
 * as stays are made of (never the officer who made them: figures name units only) and the
 * incidents the observatory counts, as instants and places.
 */
export interface DosageCheckin {
  id: string;
  unitId: string;
  point: string;
  kind: 'in' | 'out';
  /** the phone's time */
  at: string;
}

export interface DosageIncident {
  /** epoch ms */
  at: number;
  lat: number;
  lng: number;
}

export interface DosageStore {
  /** These units' check-ins whose phone time is in [fromIso, toIso), by time. */
  checkins(unitIds: readonly string[], fromIso: string, toIso: string): DosageCheckin[];
  /**
   * The observatory's incidents of a type received in [fromIso, toIso): verified non-silent
   * alerts with a location and officers' records of suspicious activity, as the analyses'
   * dataset reads them (never a silent alert, whoever asks).
   */
  incidents(type: IncidentType | 'all', fromIso: string, toIso: string): DosageIncident[];
}
