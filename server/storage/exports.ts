/**
 * What the staff's exports read (server/exports): the records of a period, one at a time, so
 * a year never sits in memory at once. Rows carry everything an operator may take; which
 * columns a role gets is decided in one place, server/exports/columns.ts.
 */

export const EXPORT_DATASETS = ['alerts', 'requests', 'checkins', 'conversations'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

export interface ExportQuery {
  /** instants, `fromIso` included, `toIso` excluded (the city's days, already converted) */
  fromIso: string;
  toIso: string;
  /** an alert type (alerts) or a request category (requests); null: all */
  type: string | null;
  areaId: string | null;
  /** silent alert types are read only when true (operators and admins) */
  withSilent: boolean;
}

interface Position {
  lat: number | null;
  lng: number | null;
  accuracy: number | null;
}

export interface AlertExportRow extends Position {
  id: string;
  type: string;
  createdAt: string;
  receivedAt: string;
  status: string;
  statusAt: string;
  acknowledgedAt: string | null;
  dispatchedAt: string | null;
  onSceneAt: string | null;
  closedAt: string | null;
  escalatedAt: string | null;
  outcome: string | null;
  areaId: string | null;
  assignedUnit: string | null;
  sirenRequested: boolean;
  flagged: boolean;
  note: string;
  /** null for a silent alert: her identity is only behind the audited identity view */
  reporter: { id: string; name: string; phone: string; address: string } | null;
}

export interface RequestExportRow extends Position {
  id: string;
  category: string;
  source: string;
  status: string;
  createdAt: string;
  receivedAt: string;
  statusAt: string;
  cancelledAt: string | null;
  areaId: string | null;
  unitId: string | null;
  description: string;
  reply: string;
  reporter: { id: string; name: string; phone: string };
}

export interface CheckinExportRow extends Position {
  id: string;
  unitId: string;
  officerId: string;
  officerName: string;
  point: string;
  kind: string;
  at: string;
  receivedAt: string;
  distanceM: number | null;
  planKey: string | null;
  /** the plan point's area (check-ins carry no area of their own) */
  areaId: string | null;
}

export interface ConversationExportRow extends Position {
  id: string;
  unitId: string;
  officerId: string;
  officerName: string;
  at: string;
  receivedAt: string;
  areaId: string | null;
  answers: Record<string, string>;
  note: string;
}

export interface ExportRows {
  alerts: AlertExportRow;
  requests: RequestExportRow;
  checkins: CheckinExportRow;
  conversations: ConversationExportRow;
}

/**
 * One export's read: how many rows it holds and the rows themselves, from one consistent
 * snapshot (the count is what the audit log records, and exactly what the file holds). Close
 * it when done or abandoned: it holds a read snapshot and a connection of its own.
 */
export interface ExportCursor<R> {
  count: number;
  rows: Iterator<R>;
  close(): void;
}

export interface ExportStore {
  /** `null` when too many exports are being read at once (the caller answers 429). */
  open<D extends ExportDataset>(dataset: D, q: ExportQuery): ExportCursor<ExportRows[D]> | null;
}
