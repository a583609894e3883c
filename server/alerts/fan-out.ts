import type { AlertRow, UserRow } from '../storage/storage.js';

/**
 * Writes notification work into the outbox inside the alert's own transaction (DESIGN §6).
 * Both methods run inside a commit; they must only write rows, never send.
 */
export interface FanOut {
  onReceived(alert: AlertRow, reporter: UserRow): void;
  onStatus(alert: AlertRow): void;
  /** A crew accepted the alert's dispatch: the reporter may now hear a patrol is coming. */
  onAccepted?(alert: AlertRow): void;
}

export const noFanOut: FanOut = { onReceived: () => {}, onStatus: () => {} };
