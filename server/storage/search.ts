import type { AlertStatus, AlertTypeCode, UserStatus } from '../../shared/types.js';
import type { ResidentView } from '../../shared/history.js';
import type { AlertRow } from './storage.js';

/**
 * The console's searches over the system of record: the alert history (any day, any
 * words) and the residents' directory. Part of `ConsoleStore` (console.ts).
 */

export interface AlertSearch {
  /** received at or after (ISO instant) */
  fromIso: string;
  /** received before (ISO instant) */
  toIso: string;
  statuses: readonly AlertStatus[] | null;
  type: AlertTypeCode | null;
  areaId: string | null;
  /**
   * Folded words; every one must match something of the alert: its note, the start of its id,
   * one of `types` or `areas` (the words' matches in the catalogue and the city, found by the
   * caller in every language), or — never for a silent alert — the reporter's name or address.
   */
  terms: readonly { text: string; types: readonly AlertTypeCode[]; areas: readonly string[] }[];
  limit: number;
  offset: number;
}

/** An alert of the history, with the reporter's contact only when the type is not silent. */
export interface AlertSearchRow extends Omit<AlertRow, 'reporterId' | 'releasedAt' | 'releasedBy'> {
  escalatedAt: string | null;
  escalatedBy: string | null;
  outcome: string | null;
  /** null for a silent alert: only the audited identity view names her */
  reporter: { id: string; name: string; phone: string; address: string } | null;
  timeline: { status: AlertStatus; at: string; by: string }[];
  notes: { id: string; text: string; at: string; by: string }[];
}

export interface ResidentSearch {
  terms: readonly string[];
  status: UserStatus | null;
  areaId: string | null;
  limit: number;
  offset: number;
}

/** A resident as the directory lists them: the same shape the route answers. */
export type ResidentRow = ResidentView;

export interface SearchStore {
  searchAlerts(q: AlertSearch): { rows: AlertSearchRow[]; total: number };
  searchResidents(q: ResidentSearch): { rows: ResidentRow[]; total: number };
}
