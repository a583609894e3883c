/**
 * The operator console's domain, one definition for both sides: the records the
 * server keeps in `ops` besides alerts, the outcomes an operator closes an alert with, the
 * response-time stages, and the shapes of `/api/console`.
 */
import type { AlertStatus, AlertTypeCode, Role, TimelineEntry, UserStatus } from './types.js';

/** How a resolved alert ended; written with `status: resolved` (sync/policy rooms-ops). */
export const ALERT_OUTCOMES = ['attended', 'arrest', 'referred', 'no_trace', 'other'] as const;
export type AlertOutcome = (typeof ALERT_OUTCOMES)[number];

/**
 * The `by` of the resident's own steps (received, cancelled) in a silent alert's `ops`
 * timeline: her user id would lead to her name (server/console/ops-record.ts `opsActor`).
 */
export const REPORTER_STEP = 'reporter';

/** A resident with this many false alarms is surfaced to operators for suspension. */
export const REPEAT_FALSE_ALARMS = 2;

/** What a patrol car is doing, as `ops.units` shows it (server-written). */
export const UNIT_STATUSES = [
  'available',
  'dispatched',
  'accepted',
  'en_route',
  'on_scene',
] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

/** `ops.units/<unitId>`: written by the server from alerts and the unit's own room. */
export interface OpsUnit {
  id: string;
  label: string;
  /** the areas the unit patrols */
  quadrant: string[];
  status: UnitStatus;
  /** the open alert it is assigned to */
  alertId: string | null;
  statusAt: string | null;
  /** the last position an officer of the unit logged (check-in, conversation, request) */
  lat: number | null;
  lng: number | null;
  positionAt: string | null;
  /** the shift summary server/units keeps: this shift's check-ins and talks */
  shift?: string;
  checkins?: number;
  conversations?: number;
  /** the plan point the crew is checked in at */
  atPoint?: string | null;
  /** the unit's officers with the app connected now (server/console/crew-presence.ts) */
  crew?: CrewMember[];
  /** when an officer of the unit was last connected; null: not since the server started */
  seenAt?: string | null;
}

/** An officer of a unit, as the console names them. */
export interface CrewMember {
  id: string;
  name: string;
}

/** `ops.sirens/<id>` (written by server/sirens, DESIGN §6). */
export interface OpsSiren {
  id: string;
  areaId: string;
  label: string;
  lat: number;
  lng: number;
  online: boolean;
  lastHeartbeat: string | null;
  state: 'idle' | 'pending' | 'sounding';
  /** the last command that expired before the unit acknowledged it (server/sirens) */
  missedAt?: string | null;
  missedCmd?: 'sound' | 'silence' | 'test' | null;
  /** the alert that command was for; null for an operator's test or silence */
  missedAlert?: string | null;
}

/** `ops.requests/<id>` (written by server/requests; operators set `status` and `reply`). */
export interface OpsRequest {
  id: string;
  category: string;
  description: string;
  location: { lat: number; lng: number; accuracy: number } | null;
  createdAt: string;
  receivedAt: string;
  status: string;
  statusAt: string;
  reply?: string;
  /** the user who filed it; absent when another system filed it through Open311 */
  reporterId?: string;
  /** the user's name, or the Open311 client's as the admin named it */
  reporterName: string;
  source: 'resident' | 'officer' | 'open311';
  /** the API client that filed it (Open311) */
  clientId?: string;
  /** what an Open311 client sent about its citizen: for staff only */
  contact?: { firstName: string; lastName: string; email: string; phone: string };
  areaId: string | null;
  unitId?: string;
  cancelledAt?: string;
}

/** The stages response times are measured at, from `received` (DESIGN §4). */
export const STAGES = ['acknowledged', 'dispatched', 'on_scene', 'closed'] as const;
export type Stage = (typeof STAGES)[number];

const CLOSING: readonly AlertStatus[] = ['resolved', 'false_alarm', 'cancelled'];

/** The first time an alert reached each stage, from its timeline of server stamps. */
export function stageTimes(
  receivedAt: string | undefined,
  timeline: readonly TimelineEntry[],
): Record<Stage, string | null> & { received: string | null } {
  const first = (match: (s: AlertStatus) => boolean) =>
    timeline.find((e) => match(e.status))?.at ?? null;
  return {
    received: receivedAt ?? first((s) => s === 'received'),
    acknowledged: first((s) => s === 'acknowledged'),
    dispatched: first((s) => s === 'dispatched'),
    on_scene: first((s) => s === 'on_scene'),
    closed: first((s) => CLOSING.includes(s)),
  };
}

/** Seconds from `from` to `to`, or null when either is missing. */
export function secondsBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms / 1000)) : null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** `GET /api/console/stats`: today's medians, in seconds from `received`. */
export interface ConsoleStats {
  /** start of today in the city's time zone */
  since: string;
  received: number;
  /** of those, how many the resident cancelled (left out of the median to close) */
  cancelled: number;
  medians: Record<Stage, number | null>;
  /** how many alerts each median is taken over */
  samples: Record<Stage, number>;
}

/** One of the reporter's alerts in their history. */
export interface ReporterAlertView {
  id: string;
  type: AlertTypeCode;
  status: AlertStatus;
  receivedAt: string;
  outcome: string | null;
}

/** `POST /api/console/alerts/:id/identity`: who raised it, and their record. */
export interface OpenedAlert {
  reporter: {
    id: string;
    name: string;
    phone: string;
    address: string;
    status: UserStatus;
    falseAlarms: number;
  };
  history: ReporterAlertView[];
  /** true when this opening was written to the audit log (a silent alert's identity) */
  audited: boolean;
}

/**
 * `POST /api/console/alerts/:id/opened`: opening a silent alert is audited and brings no
 * identity (that takes `/identity`); opening another brings the reporter's record.
 */
export type OpenedDetail = { audited: true } | ({ audited: false } & Omit<OpenedAlert, 'audited'>);

/** `GET /api/console/staff`: names for the ids in timelines, notes and presence. */
export interface StaffMember {
  id: string;
  name: string;
  role: Role;
  unitId: string | null;
}

/** `GET /api/console/audit` (admins). */
export interface AuditEntryView {
  id: number;
  at: string;
  actorId: string;
  actorName: string | null;
  actorRole: Role | null;
  action: string;
  subject: string;
  detail: string;
  /** an alert's type code, an account's name or a request's category, when known */
  subjectLabel: string | null;
  /** what the entry is about, named (server/console/audit-names.ts); null when unknown */
  about: AuditSubject | null;
  /** the detail as something to read: a unit's name, an outcome, a time, a note, a step */
  said: AuditDetail | null;
}

/**
 * An audit entry's subject, resolved to what a person reads: an alert by its type, area and
 * time (never its reporter: admins read the log, and a silent alert's reporter is named only
 * by the audited identity view), an account by its name, a siren or a car by its label.
 */
export type AuditSubject =
  | { kind: 'alert'; type: AlertTypeCode; areaId: string | null; receivedAt: string }
  | { kind: 'user'; name: string; username: string }
  | { kind: 'request'; category: string; areaId: string | null }
  | { kind: 'siren'; label: string; areaId: string | null }
  | { kind: 'plan'; unit: string; day: string; shift: string }
  | { kind: 'address'; address: string };

export type AuditDetail =
  | { kind: 'unit'; label: string }
  | { kind: 'outcome'; outcome: string }
  | { kind: 'time'; at: string }
  | { kind: 'note'; text: string }
  | { kind: 'step'; step: string; done: boolean }
  /** an export's shape (server/exports): never its data */
  | {
      kind: 'export';
      format: string;
      scope: 'full' | 'anonymised';
      from: string;
      to: string;
      type: string | null;
      area: string | null;
      rows: number;
    };

/** `GET /api/console/flagged`: residents whose false alarms repeat. */
export interface FlaggedReporterView {
  id: string;
  username: string;
  name: string;
  phone: string | null;
  areaId: string | null;
  status: UserStatus;
  falseAlarms: number;
}
