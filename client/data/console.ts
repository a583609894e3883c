import type {
  AuditEntryView,
  ConsoleStats,
  FlaggedReporterView,
  OpenedAlert,
  OpenedDetail,
  StaffMember,
} from '../../shared/console.js';
import type { Role, UserStatus } from '../../shared/types.js';
import { call } from './api.js';

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
  /** Sends a dispatched alert to another unit (server/console/redispatch.ts). */
  redispatch: (alertId: string, unitId: string) =>
    call<{ ok: true }>('POST', `/console/alerts/${encodeURIComponent(alertId)}/redispatch`, {
      unitId,
    }),
  flagged: () => call<{ reporters: FlaggedReporterView[] }>('GET', '/console/flagged'),
  audit: (query: { before?: number; action?: string; limit?: number } = {}) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
    const qs = params.toString();
    return call<{ entries: AuditEntryView[] }>('GET', `/console/audit${qs ? `?${qs}` : ''}`);
  },
  users: (status: UserStatus) => call<{ users: UserView[] }>('GET', `/users?status=${status}`),
  locks: () => call<{ locks: SignInLock[] }>('GET', '/users/locks'),
  releaseLock: (lock: Pick<SignInLock, 'kind' | 'key'>) =>
    call<{ ok: true }>('POST', '/users/locks/release', { kind: lock.kind, key: lock.key }),
  setUser: (id: string, action: UserAction) =>
    call<{ user: UserView }>('POST', `/users/${encodeURIComponent(id)}/${action}`),
  siren: (id: string, command: 'test' | 'silence') =>
    call<{ ok: true }>('POST', `/sirens/${encodeURIComponent(id)}/${command}`),
};
