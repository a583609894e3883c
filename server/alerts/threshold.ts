import { ALERT_THRESHOLD, alertType } from '../../shared/catalogue.js';
import type { HeldBack } from '../../shared/types.js';
import type { AlertRow } from '../storage/storage.js';

/**
 * The per-resident threshold (DESIGN §4: never refused, but past 3 alerts in 10 minutes a
 * resident's further alerts reach operators only, until an operator releases one).
 *
 * - The clock is when the resident raised the alert (`createdAt`, the phone's), not when it
 *   arrived: alerts queued on a phone without signal arrive together and were not a burst.
 *   The phone's clock is believed only between the arrival and a day before it.
 * - Silent alerts never count and are never held back (there is nothing of theirs to hold).
 * - What counts: alerts still open, and those closed as false alarms. Not those the centre
 *   resolved (it confirmed a real incident: a resident with four real incidents is not abuse),
 *   and not the first one the resident cancelled in the window ("fue un error"): one mistake
 *   is forgiven, a habit is not, since pressing and cancelling would otherwise sound the
 *   block's sirens and push every neighbour without end.
 */

/** How far back a phone's own time of raising an alert is believed (an alert queued overnight). */
export const MAX_QUEUED_MS = 24 * 3_600_000;

/** When the resident raised the alert, in ms: `createdAt`, clamped to a day before arrival. */
export function raisedAt(a: Pick<AlertRow, 'createdAt' | 'receivedAt'>): number {
  const received = Date.parse(a.receivedAt);
  const created = Date.parse(a.createdAt);
  if (!Number.isFinite(created)) return received;
  return Math.min(received, Math.max(created, received - MAX_QUEUED_MS));
}

/** Arrivals since this could have been raised within the window before `raised` (received ≥ raised). */
export const thresholdSince = (raised: number): string =>
  new Date(raised - ALERT_THRESHOLD.windowMs).toISOString();

/** True when the resident's earlier alerts (non-silent) put this one past the threshold. */
export function overThreshold(
  alert: Pick<AlertRow, 'id' | 'createdAt' | 'receivedAt'>,
  earlier: readonly AlertRow[],
): boolean {
  const at = raisedAt(alert);
  const inWindow = earlier.filter((a) => {
    if (a.id === alert.id || alertType(a.type).silent) return false;
    const r = raisedAt(a);
    return r <= at && r >= at - ALERT_THRESHOLD.windowMs;
  });
  const cancelled = inWindow.filter((a) => a.status === 'cancelled').length;
  const counted = inWindow.filter((a) => a.status !== 'resolved' && a.status !== 'cancelled');
  return counted.length + Math.max(0, cancelled - 1) >= ALERT_THRESHOLD.count;
}

/** What this alert would send besides the operators (sirens only when raised near home). */
export function wouldReach(a: Pick<AlertRow, 'type' | 'sirenRequested' | 'areaId'>): HeldBack {
  const info = alertType(a.type);
  const area = !info.silent && a.areaId !== null;
  return {
    siren: area && !!info.siren && a.sirenRequested,
    neighbours: area && info.notifyNeighbours,
  };
}

/** Whether an alert reaches its area: the area room, neighbours' pushes, sirens. */
export function reachesArea(a: AlertRow): boolean {
  return !alertType(a.type).silent && (!a.flagged || !!a.releasedAt) && a.areaId !== null;
}

/** What the threshold is holding back now (null when nothing: not flagged, or released). */
export function heldBack(a: AlertRow): HeldBack | null {
  if (!a.flagged || a.releasedAt) return null;
  return wouldReach(a);
}
