/**
 * The alert history and the residents' directory the console reads over HTTP, beyond the
 * `ops` room's last 24 hours: one definition of their queries and shapes for both sides.
 */
import type { OpsAlert, UserStatus } from './types.js';

/** Rows a page may hold; the offset a page may start at (deeper paging is a narrower search). */
export const PAGE_MAX = 100;
export const PAGE_DEFAULT = 50;
export const OFFSET_MAX = 10_000;

/** What the queue's status filter may ask of the history. */
export const HISTORY_STATUS_FILTERS = ['all', 'open', 'closed'] as const;

/** A calendar day in the city, as `<input type=date>` writes it. */
export const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `GET /api/console/alerts`: one page of the history, newest first. An alert as the console
 * reads it from `ops`, so the same detail panel shows it; a silent alert names no reporter
 * (`identityProtected`, no `reporterId`, empty name, phone and address), as in the room.
 */
export interface HistoryAlert extends OpsAlert {
  outcome?: string;
  identityProtected?: boolean;
  notes: { id: string; text: string; at: string; by: string }[];
}

export interface HistoryPage {
  alerts: HistoryAlert[];
  /** every alert matching the query, across pages */
  total: number;
  offset: number;
  limit: number;
}

/** `GET /api/users/residents`: a resident as the directory shows them to operators and admins. */
export interface ResidentView {
  id: string;
  username: string;
  name: string;
  phone: string | null;
  address: string | null;
  home: { lat: number; lng: number } | null;
  areaId: string | null;
  status: UserStatus;
  falseAlarms: number;
  createdAt: string;
}

export interface ResidentPage {
  residents: ResidentView[];
  total: number;
  offset: number;
  limit: number;
}

/** Folds a text for matching: lower case, accents dropped ("María" is found as "maria"). */
export function foldText(text: string): string {
  // Most stored text is plain ASCII; SQL calls this on every row a search reads.
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('es');
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/** The words of a search, folded; a handful at most (each is one more condition in SQL). */
export function searchTerms(q: string): string[] {
  return foldText(q)
    .split(/\s+/)
    .map((w) => w.trim())
    .filter(Boolean)
    .slice(0, 6);
}
