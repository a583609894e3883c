import type { ImportedIncidentRow } from './imports.js';

/**
 * What the observatory reads from the system of record. Each read says what it may hold:
 * the rows that feed the analyses are chosen by SQL that leaves silent alerts out (they are
 * never loaded, not even to be filtered away), and silent alerts are read only as instants and
 * areas, for the staff's monthly counts.
 */
export interface ObservatoryAlertRow {
  type: string;
  status: string;
  receivedAt: string;
  lat: number;
  lng: number;
}

export interface ObservatoryPatrolRow {
  at: string;
  lat: number;
  lng: number;
}

export interface ObservatoryStore {
  /**
   * Changes whenever an alert, an alert's status, an officer's conversation or a resident's
   * account changes: the observatory's cache key. Cheap (index look-ups only).
   */
  version(): string;
  /** Silent alerts the centre took, received in [fromIso, toIso): instant and area only. */
  silentAlerts(fromIso: string, toIso: string): { receivedAt: string; areaId: string | null }[];
}

/** The reads of the analyses' input (dataset.ts), on the observatory's own connection. */
export interface ObservatoryDataset {
  /** verified, non-silent alerts of these types with a location */
  alerts(types: readonly string[]): ObservatoryAlertRow[];
  /** officers' conversations that record suspicious activity, with a location */
  suspiciousActivity(): ObservatoryPatrolRow[];
  /** the earliest instant of any row the two reads above could return, null with none */
  firstRecord(): string | null;
  /** active residents' registered homes */
  homes(): { lat: number; lng: number }[];
  /**
   * records of imports of kind `incidents` (other sources): they label the hot-spot cells they
   * fall in, never enter the alert-based statistics. Optional: a store without imports has none.
   */
  importedIncidents?(): ImportedIncidentRow[];
}
