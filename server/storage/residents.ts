import type { GeoPoint } from '../../shared/types.js';

/** A resident's new home, waiting for an operator: the old one stays in force meanwhile. */
export interface HomeChangeRow {
  userId: string;
  address: string;
  home: GeoPoint;
  areaId: string;
  requestedAt: string;
}

/** An operator-issued one-time password reset code, kept only as a hash. */
export interface ResetCodeRow {
  userId: string;
  codeHash: string;
  expiresAt: string;
  issuedBy: string;
  issuedAt: string;
}

/**
 * What residents change about their account after registration (phone, home, password) and
 * the one-time notice of their approval. A home change is a request: the approved home
 * (and with it the area, alerts-at-home and sirens) changes only when an operator approves.
 */
export interface ResidentStore {
  setPhone(userId: string, phone: string): void;
  /** Replaces the user's waiting change, if any: one request per resident at a time. */
  requestHome(row: HomeChangeRow): void;
  homeChange(userId: string): HomeChangeRow | undefined;
  /** Every waiting change, oldest first (the operators' list). */
  homeChanges(): HomeChangeRow[];
  dropHomeChange(userId: string): boolean;
  /** Makes a change the user's home: address, position and area. */
  applyHome(row: HomeChangeRow): void;
  /** Replaces the user's code, if any: only the newest code works. */
  setResetCode(row: ResetCodeRow): void;
  resetCode(userId: string): ResetCodeRow | undefined;
  dropResetCode(userId: string): void;
  setPasswordHash(userId: string, passwordHash: string): void;
  setApprovedNotice(userId: string, on: boolean): void;
  approvedNotice(userId: string): boolean;
}
