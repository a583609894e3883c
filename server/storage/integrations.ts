/**
 * Storage shapes of the open-data interfaces: the API keys an admin issues to other
 * systems (the city's 311 tool, civil protection), and the stores the Open311, CAP and
 * export routes read through. Part of the `Storage` interface (storage.ts).
 */
import type { AlertStatus, AlertTypeCode } from '../../shared/types.js';

import type { RequestCategory } from '../../shared/types.js';
import type { RequestRow, RequestStatus } from './requests.js';

// The scopes are shared with the admin's screen; re-exported here where the store needs them.
import type { ApiScope } from '../../shared/integrations.js';
export { API_SCOPES, type ApiScope } from '../../shared/integrations.js';

/** One system holding an API key. The key itself is never stored, only its SHA-256. */
export interface ApiClientRow {
  id: string;
  /** who holds it, as the admin named it ("Mesa de ayuda 147", "Defensa Civil") */
  name: string;
  scopes: ApiScope[];
  /** hex SHA-256 of the key */
  keyHash: string;
  /** the key's first characters, to tell keys apart on screen */
  keyPrefix: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
  lastUsedAt: string | null;
}

export interface ApiClientStore {
  insert(row: ApiClientRow): void;
  byId(id: string): ApiClientRow | undefined;
  byKeyHash(keyHash: string): ApiClientRow | undefined;
  /** every client, newest first, revoked ones included */
  list(): ApiClientRow[];
  /** Returns false when there is no such client or it was revoked already. */
  revoke(id: string, at: string, by: string): boolean;
  /** Records a use; cheap enough for every request. */
  touch(id: string, at: string): void;
}

/** The contact details an Open311 client may send with a request: staff read them, no one else. */
export interface Open311Contact {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
}

/**
 * A request as the public GeoReport feed may read it. No reporter, client, description or
 * contact: they are not selected, so no route can leak them by mistake. The position is exact
 * here; the route rounds it.
 */
export interface Open311Row {
  id: string;
  category: RequestCategory;
  status: RequestStatus;
  reply: string;
  lat: number | null;
  lng: number | null;
  areaId: string | null;
  receivedAt: string;
  statusAt: string;
}

export interface Open311Query {
  /** received in [fromIso, toIso) */
  fromIso: string;
  toIso: string;
  /** SAC statuses to include, or all */
  statuses: readonly RequestStatus[] | null;
  categories: readonly RequestCategory[] | null;
  limit: number;
}

/** Open311 GeoReport v2 reads and writes of neighbour requests (server/open311). */
export interface Open311Store {
  /** Stores a request and its contact details together; false when the id exists already. */
  file(row: RequestRow, contact: Open311Contact | null): boolean;
  contact(requestId: string): Open311Contact | undefined;
  /** Requests not withdrawn by their reporter, newest first. */
  list(q: Open311Query): Open311Row[];
  /** One request, unless its reporter withdrew it. */
  byId(id: string): Open311Row | undefined;
}

/**
 * An alert as the CAP feed may know it: what happened, where (the area only) and its stamped
 * steps. Nothing the resident wrote, no position, no person: the store does not read them, so
 * no message can carry them.
 */
export interface CapAlertRow {
  id: string;
  type: AlertTypeCode;
  areaId: string;
  status: AlertStatus;
  statusAt: string;
  /** held back by the per-resident threshold (DESIGN §4); public only once released */
  flagged: boolean;
  releasedAt: string | null;
  /** its transitions in time order (who made them is not read) */
  events: { status: AlertStatus; at: string }[];
}

/**
 * The CAP 1.2 feed's reads (server/cap). Only alerts an operator verified, of a type that is
 * not silent, with an area: the lifecycle (server/cap/lifecycle.ts) decides the rest.
 */
export interface CapStore {
  /** verified alerts still open, or closed at or after `sinceIso` */
  current(sinceIso: string): CapAlertRow[];
  /** one verified alert of any age, or undefined (unknown, silent, never verified, no area) */
  byId(id: string): CapAlertRow | undefined;
  /** when the newest verified alert closed before `sinceIso` closed: it left the index 24 h later */
  lastClosedBefore(sinceIso: string): string | null;
  /**
   * Changes whenever an alert's steps may have: a new stamp (`alert_events`) or an operator's
   * action such as a release (`audit_log`). Cheap (two row ids), so a poll answered from the
   * index already built costs no scan.
   */
  version(): string;
}

/** The staff's streamed exports (server/exports). */
export type { ExportStore } from './exports.js';
