import type { AuditEntryView } from '../../shared/console.js';
import type { AlertStatus, AlertTypeCode, UserStatus } from '../../shared/types.js';
import type { SearchStore } from './search.js';

export type * from './search.js';

/**
 * What the operator console keeps in the system of record beyond the alert's own
 * row and events: escalations, outcomes, the notes thread, and the reads behind response
 * times, the audit view and the reporter's history. Part of `Storage` (storage.ts).
 */

/** An operator's note on an alert; its id is the client's UUID, so a resend is stored once. */
export interface AlertNoteRow {
  id: string;
  alertId: string;
  text: string;
  at: string;
  by: string;
}

/**
 * The stamps of one alert's response (DESIGN §4): the first time it reached each stage. Read
 * from the `alert_response_times` view over `alert_events`, so it can never disagree with them.
 */
export interface ResponseTimesRow {
  alertId: string;
  type: AlertTypeCode;
  areaId: string | null;
  receivedAt: string;
  acknowledgedAt: string | null;
  dispatchedAt: string | null;
  onSceneAt: string | null;
  /** resolved, false alarm or cancelled, whichever came first */
  closedAt: string | null;
  /** the alert's status now: a median of closing times leaves out what the resident cancelled */
  status: AlertStatus;
  escalatedAt: string | null;
}

export interface AuditQuery {
  limit: number;
  /** entries older than this id (paging backwards) */
  beforeId?: number;
  /** an action, or a prefix ending in '.' (`alert.`) */
  action?: string;
  actorId?: string;
}

/**
 * The stored row with what SQL knows of its subject; the console names the rest (units,
 * sirens) from the city (server/console/audit-names.ts).
 */
export type AuditEntry = Omit<AuditEntryView, 'about' | 'said'> & {
  alertType: AlertTypeCode | null;
  alertArea: string | null;
  alertAt: string | null;
  userName: string | null;
  userUsername: string | null;
  requestCategory: string | null;
  requestArea: string | null;
  noteText: string | null;
};

/** One of a reporter's earlier alerts, for the false-alarm history. */
export interface ReporterAlert {
  id: string;
  type: AlertTypeCode;
  status: AlertStatus;
  receivedAt: string;
  outcome: string | null;
}

/** A resident whose false alarms repeat, surfaced for suspension (DESIGN §4). */
export interface FlaggedReporter {
  id: string;
  username: string;
  name: string;
  phone: string | null;
  areaId: string | null;
  status: UserStatus;
  falseAlarms: number;
}

export interface ConsoleStore extends SearchStore {
  /** Records the first escalation; false when the alert was already escalated (or is unknown). */
  escalate(alertId: string, at: string, by: string): boolean;
  setOutcome(alertId: string, outcome: string): void;
  /** false when the note is stored already */
  addNote(row: AlertNoteRow): boolean;
  notes(alertId: string): AlertNoteRow[];
  responseTimes(alertId: string): ResponseTimesRow | undefined;
  /** Alerts received at or after `sinceIso`, with their stamps. */
  responseTimesSince(sinceIso: string): ResponseTimesRow[];
  audit(query: AuditQuery): AuditEntry[];
  /** The reporter's alerts, newest first, silent ones never (DESIGN §2). */
  reporterAlerts(reporterId: string, limit: number): ReporterAlert[];
  /** Residents with at least `min` false alarms, most first. */
  repeatFalseAlarms(min: number, limit: number): FlaggedReporter[];
}
