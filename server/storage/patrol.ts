import type { AlertStatus, AlertTypeCode, Fix } from '../../shared/types.js';

/**
 * The patrol's records in the system of record: what officers log in their unit's
 * room, projected by server/units. Ids are the client's UUIDs, so a record that arrives twice
 * (two paths, a resend after reconnecting) is stored once.
 */
export interface CheckinRow {
  id: string;
  unitId: string;
  officerId: string;
  /** the plan point's id */
  point: string;
  kind: 'in' | 'out';
  /** the phone's time of the check-in */
  at: string;
  /** when the server committed it (later than `at` after a shift without signal) */
  receivedAt: string;
  location: Fix | null;
  /** metres from the plan point, when both are known */
  distanceM: number | null;
  planKey: string | null;
}

export interface ConversationRow {
  id: string;
  unitId: string;
  officerId: string;
  at: string;
  receivedAt: string;
  location: Fix | null;
  areaId: string | null;
  answers: Record<string, string>;
  note: string;
}

/** A step of a unit on a dispatched alert (accepted, en route, on scene, done). */
export interface DispatchEventRow {
  alertId: string;
  unitId: string;
  status: string;
  /** the phone's time of the step when it sent one, else the server's */
  at: string;
  by: string;
  receivedAt: string;
}

/** What the hot-spot ranking reads of an alert. */
export interface IncidentRow {
  type: AlertTypeCode;
  /** the current status: hot spots count verified alerts only (server/hotspots/evidence.ts) */
  status: AlertStatus;
  receivedAt: string;
  lat: number;
  lng: number;
}

export interface PatrolStore {
  /** false when the id is stored already */
  addCheckin(row: CheckinRow): boolean;
  checkins(unitId: string, sinceIso: string): CheckinRow[];
  addConversation(row: ConversationRow): boolean;
  conversations(unitId: string, sinceIso: string): ConversationRow[];
  /** false when this alert already has this step */
  addDispatchEvent(row: DispatchEventRow): boolean;
  dispatchEvents(alertId: string): DispatchEventRow[];
  /**
   * Alerts with a location received at or after `sinceIso` (the hot-spot window), every type
   * and status: the caller applies the evidence rule (`isPatrolEvidence`).
   */
  incidentsSince(sinceIso: string): IncidentRow[];
}
