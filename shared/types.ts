/** Domain types shared by client and server. One definition of each thing. */

export type Role = 'citizen' | 'officer' | 'operator' | 'analyst' | 'admin';
export type UserStatus = 'pending' | 'active' | 'suspended' | 'rejected';

export type AlertTypeCode = 'general' | 'medical' | 'gender_violence' | 'bicycle_theft' | 'fire';
export type Priority = 'normal' | 'high' | 'critical';
export type SirenPattern = 'alert' | 'fire';

export const OPEN_STATUSES = ['received', 'acknowledged', 'dispatched', 'on_scene'] as const;
export const CLOSED_STATUSES = ['resolved', 'false_alarm', 'cancelled'] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];
export type ClosedStatus = (typeof CLOSED_STATUSES)[number];
export type AlertStatus = OpenStatus | ClosedStatus;

export type RequestCategory =
  | 'street_lighting'
  | 'trash'
  | 'weeds'
  | 'abandoned_vehicle'
  | 'debris'
  | 'cleanliness'
  | 'noise'
  | 'tree_pruning'
  | 'other';

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface Fix extends GeoPoint {
  /** metres, as reported by the device */
  accuracy: number;
}

/** The user as the API returns it (`/api/auth/login`, `/api/me`). */
export interface SessionUser {
  id: string;
  role: Role;
  areaId: string | null;
  unitId: string | null;
}

export interface Me extends SessionUser {
  name: string;
  username: string;
  status: UserStatus;
  home: GeoPoint | null;
  showName: boolean;
  /** the resident's own contact details (staff: null) */
  phone: string | null;
  address: string | null;
  /** a new home the resident asked for, until an operator approves or rejects it */
  pendingHome: PendingHome | null;
  /** the account was approved and the resident has not been told yet in the app */
  approvedNotice: boolean;
}

/** A home change waiting for an operator; the current home stays in force meanwhile. */
export interface PendingHome {
  address: string;
  home: GeoPoint;
  areaId: string;
  requestedAt: string;
}

/** What the client writes when it raises an alert (DESIGN §4, contract). */
export interface AlertDraft {
  id: string;
  type: AlertTypeCode;
  createdAt: string;
  location: Fix | null;
  note: string;
}

/** The alert as a resident's room holds it. */
export interface UserAlert extends AlertDraft {
  cancelledAt?: string;
  receivedAt?: string;
  status?: AlertStatus;
  statusAt?: string;
  unitLabel?: string;
  /** when the dispatched crew set off (server-written, not for silent alerts) */
  enRouteAt?: string;
  /** the crew's own step on the dispatch (`accepted`, `en_route`…; server-written) */
  unitStatus?: string;
  /** when a crew accepted the dispatch: only then is a unit "on its way" */
  acceptedAt?: string;
  /** what the per-resident threshold held back (server-written, only on such an alert) */
  heldBack?: HeldBack;
  /** when an operator released what the threshold held back */
  releasedAt?: string;
}

/** What the per-resident threshold held back of an alert (server/alerts/threshold.ts). */
export interface HeldBack {
  siren: boolean;
  neighbours: boolean;
}

/** Which words say what was held back: both, only the siren, only the neighbours. */
export function heldWhat(h: HeldBack | undefined): 'both' | 'siren' | 'neighbours' | null {
  if (!h) return null;
  if (h.siren && h.neighbours) return 'both';
  return h.siren ? 'siren' : h.neighbours ? 'neighbours' : null;
}

export interface TimelineEntry {
  status: AlertStatus;
  at: string;
  by: string;
}

/** The full alert as the operators' room holds it. */
export interface OpsAlert extends UserAlert {
  /** absent on a silent alert: only the audited identity view names its reporter */
  reporterId?: string;
  reporterName: string;
  reporterPhone: string;
  reporterAddress: string;
  areaId: string | null;
  assignedUnit?: string;
  escalatedAt?: string;
  /** set by the server when no crew accepted the dispatch in time (server/console) */
  acceptOverdueAt?: string;
  sirenRequested: boolean;
  flagged: boolean;
  /** the operator who released it (see `releasedAt`) */
  releasedBy?: string;
  timeline: TimelineEntry[];
}

/** The neighbours' view (area room): no exact location, no contact details. */
export interface AreaAlert {
  id: string;
  type: AlertTypeCode;
  createdAt: string;
  receivedAt: string;
  status: AlertStatus;
  statusAt: string;
  areaId: string;
  /** rounded to about 100 m */
  location: GeoPoint | null;
  reporterName?: string;
}

export interface AreaFeature {
  type: 'Feature';
  properties: { id: string; name: string };
  geometry: { type: 'Polygon'; coordinates: number[][][] };
}

export interface CityInfo {
  name: string;
  centre: GeoPoint;
  areas: { type: 'FeatureCollection'; features: AreaFeature[] };
  alertTypes: import('./catalogue.js').AlertTypeInfo[];
  requestCategories: RequestCategory[];
  phones: { emergency: string; monitoringCentre: string; monitoringCentreSms: string };
  tiles: { url: string; attribution: string } | null;
  /** the city's street list for typing an address (empty: the address is typed freely) */
  streets: import('./streets.js').Street[];
}

/** Error codes of the HTTP API (DESIGN §8): a literal union, never widened. */
export type ApiErrorCode =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'account_pending'
  | 'account_suspended'
  | 'invalid_credentials'
  | 'too_large'
  /** a browser request from another site (server/http/origin.ts) */
  | 'cross_site'
  /** a JSON route sent something else */
  | 'unsupported_media_type'
  /** sign-in or registration throttled: wait `Retry-After` seconds */
  | 'too_many_attempts'
  /** a password that is too short, too common or too close to the username */
  | 'weak_password'
  /** a home outside every area of the city */
  | 'outside_city'
  | 'internal';

export interface ApiErrorBody {
  /** `field`: the input the error is about (`phone`, `username`, `home.lat`), when there is one. */
  error: { code: ApiErrorCode; message: string; field?: string };
}
