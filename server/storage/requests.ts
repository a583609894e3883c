import type { REQUEST_STATUSES } from '../../sync/policy/index.js';
import type { Fix, RequestCategory } from '../../shared/types.js';

/**
 * Storage shapes of neighbour requests (DESIGN §3, §7) and of the resident's profile
 * settings. Part of the `Storage` interface (storage.ts); kept in their own file so the
 * requests feature reads as one piece.
 */
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * Who filed the request: a resident from the app, an officer for a neighbour, or another
 * system through Open311 (server/open311) with an API key.
 */
export type RequestSource = 'resident' | 'officer' | 'open311';

export interface RequestRow {
  id: string;
  source: RequestSource;
  /** the resident, or the officer who filed it for a neighbour; null when Open311 filed it */
  reporterId: string | null;
  /** the API client (storage.apiClients) that filed it through Open311, else null or absent */
  clientId?: string | null;
  /** the officer's unit; null for a resident's request */
  unitId: string | null;
  category: RequestCategory;
  description: string;
  location: Fix | null;
  areaId: string | null;
  createdAt: string;
  receivedAt: string;
  status: RequestStatus;
  statusAt: string;
  reply: string;
  cancelledAt: string | null;
}

export interface RequestTallyRow {
  category: RequestCategory;
  status: RequestStatus;
  replied: boolean;
  count: number;
}

/** One step in a request's history: an operator's status change or reply, or a cancel. */
export interface RequestEventRow {
  requestId: string;
  status: RequestStatus | 'cancelled';
  reply: string;
  at: string;
  by: string;
}

/** A request's one photo: the bytes are a file (server/requests/photo-files.ts), this is the rest. */
export interface RequestPhotoRow {
  requestId: string;
  type: 'image/jpeg' | 'image/png' | 'image/webp';
  width: number;
  height: number;
  bytes: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
  /** set once an operator publishes it: until then only the reporter and staff see it */
  publishedAt: string | null;
  publishedBy: string | null;
}

export interface RequestStore {
  /** Returns false when the id exists already (a re-sent request is stored once). */
  insert(row: RequestRow): boolean;
  byId(id: string): RequestRow | undefined;
  setStatus(id: string, status: RequestStatus, reply: string, at: string): void;
  cancel(id: string, at: string): void;
  addEvent(event: RequestEventRow): void;
  events(requestId: string): RequestEventRow[];
  count(): number;
  /**
   * Requests received in [fromIso, toIso), of one area or all, not withdrawn: how many per
   * category, status and whether the requester got a reply. Counts only, for the reports.
   */
  tally(fromIso: string, toIso: string, areaId: string | null): RequestTallyRow[];
  /** Requests not yet closed, or answered since then: the ones the rooms must show. */
  openOrSince(sinceIso: string): RequestRow[];
  /** Returns false when the request has a photo already (one per request). */
  addPhoto(row: RequestPhotoRow): boolean;
  photo(requestId: string): RequestPhotoRow | undefined;
  /** Returns false when it was published already. */
  publishPhoto(requestId: string, at: string, by: string): boolean;
}

/** A public alert of a reporter, to carry a change of their name setting to the area room. */
export interface ReporterAlertRef {
  id: string;
  areaId: string | null;
}

export interface ProfileStore {
  setShowName(userId: string, showName: boolean): void;
  /** The reporter's alerts received since `sinceIso`: the ones neighbours may still see. */
  alertsSince(reporterId: string, sinceIso: string): ReporterAlertRef[];
}
