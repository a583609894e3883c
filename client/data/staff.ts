import { call } from './api.js';

/** A staff account as `GET /api/users/staff` lists it (admins only). */
export interface StaffAccount {
  id: string;
  username: string;
  name: string;
  role: 'analyst' | 'operator';
  status: string;
  createdAt: string;
}

export type StaffRole = StaffAccount['role'];

export const staffApi = {
  list: (role: StaffRole) =>
    call<{ staff: StaffAccount[] }>('GET', `/users/staff?role=${role}`).then((r) => r.staff),
  create: (input: { username: string; password: string; name: string; role: StaffRole }) =>
    call<{ user: StaffAccount }>('POST', '/users/staff', input).then((r) => r.user),
};
