import type { ObservatoryDataset } from './observatory.js';

/**
 * What the observatory's response-time and perception figures read from the system of record.
 * Silent (gender-violence) alerts are left out by the SQL itself: never loaded, not even to be
 * filtered away. Conversations are read as answers and place only: never the officer, never
 * the note.
 */
export interface ResponseAlertRow {
  id: string;
  type: string;
  areaId: string | null;
  /** the unit the alert is assigned to now */
  unitId: string | null;
  receivedAt: string;
}

export interface ResponseRows {
  alerts: ResponseAlertRow[];
  /** `alert_events` of those alerts */
  events: { alertId: string; status: string; at: string }[];
  /** `dispatch_events` of those alerts */
  crew: { alertId: string; unitId: string; status: string; at: string }[];
}

export interface ResponseStore {
  /**
   * Non-silent alerts received in [fromIso, toIso) of these catalogue types (only non-silent
   * codes reach the SQL), in one area or all, with every stage stamped for them.
   */
  timelines(q: {
    fromIso: string;
    toIso: string;
    types: readonly string[];
    areaId: string | null;
  }): ResponseRows;
  /**
   * Moves an alert's final close (its status time and the closing event) to a later instant.
   * Used by the demo's history only, whose alerts were written with a close before their stages.
   */
  moveClose(alertId: string, status: string, at: string): void;
}

export interface PerceptionRow {
  /** the answers as stored (JSON object of question → answer) */
  answers: string;
  at: string;
  lat: number | null;
  lng: number | null;
  areaId: string | null;
}

export interface PerceptionStore {
  /** Conversations the officer held in [fromIso, toIso): answers and place only. */
  answers(fromIso: string, toIso: string): PerceptionRow[];
  /** Observatory I's dataset reads on this connection, for the incidents beside perception. */
  dataset(): ObservatoryDataset;
}
