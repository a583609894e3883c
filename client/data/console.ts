import type {
  AuditEntryView,
  ConsoleStats,
  FlaggedReporterView,
  OpenedAlert,
  OpenedDetail,
  StaffMember,
} from '../../shared/console.js';
import type { HistoryPage, ResidentPage } from '../../shared/history.js';
import type { Role, UserStatus } from '../../shared/types.js';
import { call } from './api.js';

/** A query string from the values that are set. */
function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** `GET /api/console/alerts`: the history, any days (the city's calendar), any words. */
export interface HistoryQuery {
  from?: string;
  to?: string;
  q?: string;
  status?: string;
  type?: string;
  area?: string;
  limit?: number;
  offset?: number;
}

/** A user as `/api/users` shows it to staff (server/users/routes.ts). */
export interface UserView {
  id: string;
  username: string;
  role: Role;
  status: UserStatus;
  name: string;
  phone: string | null;
  address: string | null;
  areaId: string | null;
  unitId: string | null;
  falseAlarms: number;
  createdAt: string;
  /** the registered home, to show it on a map */
  home?: { lat: number; lng: number } | null;
  /** a pending registration's phone on other accounts (server/users/routes.ts) */
  samePhone?: { id: string; username: string; name: string; status: UserStatus }[];
}

/** An account or a source address the sign-in throttle makes wait (server/users/locks.ts). */
export interface SignInLock {
  kind: 'account' | 'address';
  key: string;
  until: string;
  user: { id: string; name: string; role: Role; status: UserStatus } | null;
}

export type UserAction = 'approve' | 'reject' | 'suspend' | 'reinstate';

/** The operator console's calls: everything it needs besides the `ops` room. */
export const consoleApi = {
  stats: () => call<ConsoleStats>('GET', '/console/stats'),
  staff: () => call<{ staff: StaffMember[] }>('GET', '/console/staff'),
  /** Opening an alert's detail: audited for a silent alert (server/console/routes.ts). */
  opened: (alertId: string) =>
    call<OpenedDetail>('POST', `/console/alerts/${encodeURIComponent(alertId)}/opened`),
  /** Revealing a silent alert's reporter: audited before the server answers. */
  identity: (alertId: string) =>
    call<OpenedAlert>('POST', `/console/alerts/${encodeURIComponent(alertId)}/identity`),
  /** Sends what the per-resident threshold held back of an alert (audited). */
  release: (alertId: string) =>
    call<{ ok: true }>('POST', `/console/alerts/${encodeURIComponent(alertId)}/release`),
  /** Sends a dispatched alert to another unit (server/console/redispatch.ts). */
  redispatch: (alertId: string, unitId: string) =>
    call<{ ok: true }>('POST', `/console/alerts/${encodeURIComponent(alertId)}/redispatch`, {
      unitId,
    }),
  flagged: () => call<{ reporters: FlaggedReporterView[] }>('GET', '/console/flagged'),
  audit: (q: { before?: number; action?: string; limit?: number } = {}) =>
    call<{ entries: AuditEntryView[] }>('GET', `/console/audit${query(q)}`),
  history: (q: HistoryQuery) => call<HistoryPage>('GET', `/console/alerts${query({ ...q })}`),
  residents: (q: { q?: string; status?: string; area?: string; limit?: number; offset?: number }) =>
    call<ResidentPage>('GET', `/users/residents${query(q)}`),
  users: (status: UserStatus) => call<{ users: UserView[] }>('GET', `/users?status=${status}`),
  locks: () => call<{ locks: SignInLock[] }>('GET', '/users/locks'),
  releaseLock: (lock: Pick<SignInLock, 'kind' | 'key'>) =>
    call<{ ok: true }>('POST', '/users/locks/release', { kind: lock.kind, key: lock.key }),
  setUser: (id: string, action: UserAction) =>
    call<{ user: UserView }>('POST', `/users/${encodeURIComponent(id)}/${action}`),
  siren: (id: string, command: 'test' | 'silence') =>
    call<{ ok: true }>('POST', `/sirens/${encodeURIComponent(id)}/${command}`),
};
