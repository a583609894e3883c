import type {
  AlertStatus,
  AlertTypeCode,
  Fix,
  GeoPoint,
  Role,
  UserStatus,
} from '../../shared/types.js';
import type { ProfileStore, RequestStore } from './requests.js';
import type { PatrolStore } from './patrol.js';
import type { ObservatoryStore } from './observatory.js';
import type { PerceptionStore, ResponseStore } from './responses.js';
import type { DosageStore } from './dosage.js';
import type { PlanLogStore } from './evaluation.js';
import type { TrialStore } from './trials.js';
import type { ImportStore } from './imports.js';
import type { ConsoleStore } from './console.js';
import type { ResidentStore } from './residents.js';
import type { ApiClientStore, CapStore, ExportStore, Open311Store } from './integrations.js';

export type * from './requests.js';
export type * from './patrol.js';
export type * from './evaluation.js';
export type * from './console.js';
export type * from './residents.js';

/**
 * The system of record (DESIGN §7) behind one interface, so that PostgreSQL can replace
 * SQLite. Methods are synchronous because the embedded store is; a networked store would
 * wrap the same shapes in promises at this seam.
 */
export interface UserRow {
  id: string;
  username: string;
  role: Role;
  status: UserStatus;
  name: string;
  phone: string | null;
  address: string | null;
  home: GeoPoint | null;
  areaId: string | null;
  unitId: string | null;
  showName: boolean;
  falseAlarms: number;
  createdAt: string;
}

/**
 * A user's password hash is not part of `UserRow`: rows live on in sessions and sync
 * connections, and the hash is read only by sign-in (`users.credentials`).
 */
export type NewUser = Omit<UserRow, 'falseAlarms' | 'createdAt'> & { passwordHash: string };

/**
 * What a sync socket keeps of its user, for its whole life: who they are to the write policy,
 * the room's presence and the socket caps. The rest of the row (~470 B a socket with the city
 * connected) is read when a write needs it.
 */
export type SocketUser = Pick<UserRow, 'id' | 'role' | 'name' | 'areaId' | 'unitId'>;

export interface SessionRow {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface AlertRow {
  id: string;
  reporterId: string;
  type: AlertTypeCode;
  createdAt: string;
  receivedAt: string;
  location: Fix | null;
  note: string;
  areaId: string | null;
  status: AlertStatus;
  statusAt: string;
  sirenRequested: boolean;
  flagged: boolean;
  assignedUnit: string | null;
  /** when an operator let a held-back (`flagged`) alert reach its sirens and neighbours */
  releasedAt?: string;
  /** the operator who released it */
  releasedBy?: string;
}

export interface AlertEventRow {
  alertId: string;
  status: AlertStatus;
  at: string;
  by: string;
}

export interface OutboxRow {
  id: number;
  kind: 'push' | 'siren';
  key: string;
  payload: string;
  attempts: number;
  notBefore: number;
  /** one member's coalescing group (see `outbox.pendingFold`), or null */
  fold: string | null;
}

/** A browser's Web Push subscription; `lang` is the language its notifications are written in. */
export interface PushSubscriptionRow {
  id: number;
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  lang: 'es' | 'en';
}

export type NewPushSubscription = Omit<PushSubscriptionRow, 'id'> & { sessionHash: string };

/** Who a push goes to (DESIGN §6). Only subscriptions with a live session of an active user. */
export type PushAudience =
  | { kind: 'area'; areaId: string; except: string }
  | { kind: 'staff' }
  | { kind: 'unit'; unitId: string }
  | { kind: 'user'; userId: string };

/** A siren central unit; its token is kept only as a SHA-256 hash. */
export interface DeviceRow {
  id: string;
  areaId: string;
  createdAt: string;
}

export interface SirenMissRow {
  sirenId: string;
  cmd: 'sound' | 'silence' | 'test';
  /** the alert the command was for; null for an operator's test or silence */
  alertId: string | null;
  expiredAt: string;
}

export interface AuditRow {
  at: string;
  actorId: string;
  action: string;
  subject: string;
  detail: string;
}

export interface RoomLog {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** seq of the last update included, for compaction */
  lastSeq: number;
}

export interface Storage {
  /** Runs fn in one transaction, durable when it returns (SQLite: synchronous=FULL, WAL). */
  transaction<T>(fn: () => T): T;
  /**
   * Runs fn in one transaction and returns once it is committed, before it is on disk:
   * `durable` resolves once it is (the log's sync, off the event loop), in commit order, and
   * rejects if that sync fails, and so does every later one. Until then nothing it wrote may
   * reach anyone: no receipt, relay or answer. The group commit's (server/sync/committer.ts).
   */
  transactionSyncedLater<T>(fn: () => T): { value: T; durable: Promise<void> };
  /**
   * Null when every such commit is durable (or failed); else settles once it is. A reader that
   * acts on what it reads (the outbox: a push, a siren) reads only then: committed, a row is
   * readable before its sync ends.
   */
  unsynced(): Promise<void> | null;
  /** Resolves once every handle on the data is closed (threads included): the files may go. */
  close(): Promise<void>;

  users: {
    insert(user: NewUser): void;
    byId(id: string): UserRow | undefined;
    byUsername(username: string): UserRow | undefined;
    /** For sign-in only: the user and their password hash. */
    credentials(username: string): { user: UserRow; passwordHash: string } | undefined;
    /** Every account with this phone: more than one is shown to the approving operator. */
    withPhone(phone: string): UserRow[];
    list(filter: { status?: UserStatus; role?: Role }): UserRow[];
    setStatus(id: string, status: UserStatus): void;
    count(): number;
    incrementFalseAlarms(id: string): void;
  };
  sessions: {
    insert(row: SessionRow): void;
    byTokenHash(tokenHash: string): SessionRow | undefined;
    /** The session's user as a sync socket needs them, in one lookup (every socket, every restart). */
    identity(
      tokenHash: string,
    ): (SocketUser & { status: UserStatus; expiresAt: string }) | undefined;
    revoke(tokenHash: string): void;
    revokeAllFor(userId: string): void;
    purgeExpired(nowIso: string): number;
  };
  alerts: {
    /** Returns false when the id exists already (a re-sent alert is stored once). */
    insert(row: AlertRow): boolean;
    byId(id: string): AlertRow | undefined;
    /** The reporter's non-silent alerts received since then (the threshold, DESIGN §2, §4). */
    reporterSince(reporterId: string, sinceIso: string): AlertRow[];
    /** Marks a held-back alert released; false when it was not held back or is released already. */
    release(id: string, at: string, by: string): boolean;
    setStatus(id: string, status: AlertStatus, at: string, assignedUnit?: string | null): void;
    addEvent(event: AlertEventRow): void;
    events(alertId: string): AlertEventRow[];
    count(): number;
    /** The area's alerts received since then, oldest first. */
    inAreaSince(areaId: string, sinceIso: string): AlertRow[];
    /** Alerts still open, or closed since then: the ones the rooms must show (start-up check). */
    openOrSince(sinceIso: string): AlertRow[];
  };
  outbox: {
    /** The new row's id, or null when the key was written before (nothing is added). */
    add(kind: OutboxRow['kind'], key: string, payload: string, fold?: string | null): number | null;
    /**
     * Undelivered rows due by `now`, siren commands first, then in the order written; pushes
     * only past `afterId` (the sender's read position; 0, the default: all).
     */
    due(now: number, limit: number, afterId?: number): OutboxRow[];
    /** The newest undelivered row of a coalescing group. */
    pendingFold(fold: string): { id: number; payload: string } | undefined;
    /** Rewrites an undelivered row's payload (a later alert folded into it). */
    refold(id: number, payload: string): void;
    /**
     * The row as it is now, for the sender just before it sends: its payload may have been
     * rewritten since it was read, and a newer row of its group supersedes it.
     */
    current(id: number): { payload: string; done: boolean; superseded: boolean } | undefined;
    done(id: number): void;
    retry(id: number, notBefore: number): void;
    /** Deletes rows delivered before `beforeMs`; their idempotency keys are no longer needed. */
    purgeDone(beforeMs: number): number;
  };
  push: {
    /** Inserts or re-binds (by endpoint) a subscription to this user and session; returns its id. */
    upsert(row: NewPushSubscription): number;
    /** Removes the user's subscription with this endpoint; false when there was none. */
    remove(userId: string, endpoint: string): boolean;
    removeById(id: number): void;
    /** Keeps only the user's `keep` newest subscriptions (a cap on fan-out per person). */
    keepNewest(userId: string, keep: number): void;
    /** The subscription if it still has a live session of an active user. */
    liveById(id: number, nowIso: string): PushSubscriptionRow | undefined;
    live(audience: PushAudience, nowIso: string): PushSubscriptionRow[];
    /** Drops subscriptions whose session ended; returns how many. */
    purgeOrphans(nowIso: string): number;
  };
  devices: {
    /** Issues a unit's token: a new one replaces the old (rotation after a leak or repair). */
    upsert(row: DeviceRow & { tokenHash: string }): void;
    byTokenHash(tokenHash: string): DeviceRow | undefined;
    count(): number;
    /** A command that expired before its unit acknowledged it (shown to operators). */
    addMiss(row: SirenMissRow): void;
    missesSince(sinceIso: string): SirenMissRow[];
  };
  audit: {
    add(row: AuditRow): void;
    list(limit: number): AuditRow[];
  };
  rooms: {
    load(room: string): RoomLog;
    append(room: string, update: Uint8Array): number;
    /** Replaces everything up to and including `uptoSeq` with one snapshot. */
    compact(room: string, snapshot: Uint8Array, uptoSeq: number): void;
  };
  /** Neighbour requests; shapes in requests.ts. */
  requests: RequestStore;
  /** The resident's own settings. */
  profile: ProfileStore;
  /** Phone, home and password changes after registration; see residents.ts. */
  residents: ResidentStore;
  /** Check-ins, conversations and dispatch steps of patrol units; see patrol.ts. */
  patrol: PatrolStore;
  /** The observatory's cache key and the staff's silent counts; see observatory.ts. */
  observatory: ObservatoryStore;
  /** The operator console's records: escalations, outcomes, notes, response times. */
  console: ConsoleStore;
  /** Every shift plan as issued or edited, for the observatory's evaluation; see evaluation.ts. */
  planLog: PlanLogStore;
  /** Check-ins and counted incidents for the patrol dosage; see dosage.ts. */
  dosage: DosageStore;
  /** The plan generator's randomised trials; see trials.ts. */
  trials: TrialStore;
  /** Other sources imported by analysts, with their provenance; see imports.ts. */
  imports: ImportStore;
  /** Alerts' stages for the response times, conversations' answers for perception; see responses.ts. */
  responses: ResponseStore;
  perception: PerceptionStore;
  /** API keys issued to other systems; see integrations.ts. */
  apiClients: ApiClientStore;
  /** Open311 GeoReport v2, the CAP feed and the staff's exports; see integrations.ts. */
  open311: Open311Store;
  cap: CapStore;
  exports: ExportStore;
}
