import type { AlertRow, UserRow } from '../storage/storage.js';

/**
 * Writes notification work into the outbox inside the alert's own transaction (DESIGN §6).
 * Both methods run inside a commit; they must only write rows, never send.
 */
export interface FanOut {
  onReceived(alert: AlertRow, reporter: UserRow): void;
  onStatus(alert: AlertRow): void;
  /** An operator released an alert the threshold held back: what it held back goes out now. */
  onReleased(alert: AlertRow, reporter: UserRow): void;
  /** A crew accepted the alert's dispatch: the reporter may now hear a patrol is coming. */
  onAccepted?(alert: AlertRow): void;
}

export const noFanOut: FanOut = { onReceived: () => {}, onStatus: () => {}, onReleased: () => {} };
