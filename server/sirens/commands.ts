import type { SirenPattern } from '../../shared/types.js';
import type { AlertRow } from '../storage/storage.js';
import type { SirenJob } from '../push/jobs.js';

/** How long each pattern sounds, in seconds. The device stops by itself when it is over. */
export const PATTERN_SECONDS: Record<SirenPattern, number> = { alert: 60, fire: 120 };

/**
 * An operator's test or silence of one unit is worth this long. A test that reaches a unit
 * ten minutes later alarms a block for nothing, and the operator who pressed it has long
 * concluded it did not arrive: both are shown as missed instead.
 */
export const CONTROL_TTL_MS = 2 * 60_000;

/**
 * Every command carries its expiry (`expires`, ms since the epoch); the hub never delivers one
 * past it and records it as missed. A sound is worth its pattern's length from the moment the
 * alert (or its release) committed: a unit that connects late sounds only what remains, so the
 * block's units stop together, and a unit that returns after the pattern ended stays quiet.
 */
export function soundJob(
  sirenId: string,
  pattern: SirenPattern,
  alertId: string,
  startMs: number,
): SirenJob {
  const seconds = PATTERN_SECONDS[pattern];
  return { siren: sirenId, cmd: 'sound', pattern, seconds, alert: alertId, expires: startMs + seconds * 1000 }; // prettier-ignore
}

/** When the alert's sirens stop by themselves: its sound's expiry. */
export function soundEndsAt(
  alert: Pick<AlertRow, 'receivedAt' | 'releasedAt'>,
  pattern: SirenPattern,
): number {
  return Date.parse(alert.releasedAt ?? alert.receivedAt) + PATTERN_SECONDS[pattern] * 1000;
}

/**
 * Silencing the units an alert sounded, once it is cancelled or closed: worth as long as the
 * sound it stops, since after that the units are quiet anyway.
 */
export function alertSilenceJob(sirenId: string, alertId: string, expires: number): SirenJob {
  return { siren: sirenId, cmd: 'silence', alert: alertId, expires };
}

export function controlJob(sirenId: string, cmd: 'silence' | 'test', nowMs: number): SirenJob {
  return { siren: sirenId, cmd, expires: nowMs + CONTROL_TTL_MS };
}
