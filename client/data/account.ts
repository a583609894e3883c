import type { GeoPoint, Me, PendingHome, Role, UserStatus } from '../../shared/types.js';
import { call } from './api.js';
import { cache } from './cache.js';

/**
 * A resident's account after registration (server/profile): the phone, a change of home
 * (waits for an operator), the one-time "approved" notice; and the password reset with an
 * operator's code (server/auth/reset.ts). Each answer that is the profile refreshes the
 * copy kept for offline starts.
 */
const keep = (me: Me): Me => (cache.setMe(me), me);

export const account = {
  setPhone: async (phone: string) => keep(await call<Me>('PATCH', '/me', { phone })),
  requestHome: async (address: string, home: GeoPoint) =>
    keep(await call<Me>('POST', '/me/home', { address, home })),
  withdrawHome: async () => keep(await call<Me>('DELETE', '/me/home')),
  approvalSeen: async () => keep(await call<Me>('DELETE', '/me/approved-notice')),
  refresh: async () => keep(await call<Me>('GET', '/me')),
  reset: (username: string, code: string, password: string) =>
    call<{ ok: true }>('POST', '/auth/reset', { username, code, password }),
};

/** A waiting change of home as operators see it (server/users/home-changes.ts). */
export interface HomeChangeView {
  user: { id: string; username: string; name: string; phone: string | null; status: UserStatus };
  current: { address: string | null; home: GeoPoint | null; areaId: string | null };
  requested: Omit<PendingHome, 'requestedAt'>;
  requestedAt: string;
}

export interface AccountRef {
  id: string;
  username: string;
  name: string;
  role: Role;
  status: UserStatus;
  phone: string | null;
}

/** The operators' side: decide changes of home, issue reset codes. */
export const accountDesk = {
  homeChanges: () => call<{ changes: HomeChangeView[] }>('GET', '/users/home-changes'),
  decideHome: (userId: string, verdict: 'approve' | 'reject') =>
    call<{ ok: true }>('POST', `/users/${encodeURIComponent(userId)}/home-change/${verdict}`),
  byUsername: (username: string) =>
    call<{ user: AccountRef }>('GET', `/users/by-username/${encodeURIComponent(username)}`),
  resetCode: (userId: string) =>
    call<{ code: string; expiresAt: string }>(
      'POST',
      `/users/${encodeURIComponent(userId)}/reset-code`,
    ),
};
