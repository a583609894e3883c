import type { FlapSchedule } from './profiles.js';

/**
 * A flapping link's up and down times from a start instant `t0`: each cycle is up first,
 * then down for its last `downMs`. Pure functions of the clock, so the forwarder (which
 * applies it) and the bench (which measures from the link's return) agree to the
 * millisecond without talking.
 */
export function isUp(s: FlapSchedule, t0: number, t: number): boolean {
  if (t < t0) return true;
  return (t - t0) % s.periodMs < s.periodMs - s.downMs;
}

/** The first instant at or after `t` when the link is up: `t` itself when it is up then. */
export function nextUp(s: FlapSchedule, t0: number, t: number): number {
  if (isUp(s, t0, t)) return t;
  const cycle = Math.floor((t - t0) / s.periodMs);
  return t0 + (cycle + 1) * s.periodMs;
}

/** The next instant after `t` when the link changes state (up → down or down → up). */
export function nextChange(s: FlapSchedule, t0: number, t: number): number {
  if (t < t0) return t0 + s.periodMs - s.downMs;
  const cycle = Math.floor((t - t0) / s.periodMs);
  const start = t0 + cycle * s.periodMs;
  const downAt = start + s.periodMs - s.downMs;
  return t < downAt ? downAt : start + s.periodMs;
}
