import { nextUp } from './flap.js';
import type { FlapSchedule } from './profiles.js';
import { percentile, round } from '../stats.js';

/** A figure over rounds: the median and the spread, null when no round produced it. */
export interface Spread {
  n: number;
  median: number | null;
  min: number | null;
  max: number | null;
  /** rounds that hit the time cap (counted at the cap, so they can only worsen the median) */
  capped: number;
}

/** Median and min–max of the rounds' values; `null` entries are rounds that hit the cap. */
export function spread(values: readonly (number | null)[], cap?: number): Spread {
  const capped = values.filter((v) => v === null).length;
  const all = values.map((v) => (v === null ? (cap ?? null) : v)).filter((v) => v !== null);
  if (all.length === 0) return { n: values.length, median: null, min: null, max: null, capped };
  return {
    n: values.length,
    median: round(percentile(all, 50), 0),
    min: round(Math.min(...all), 0),
    max: round(Math.max(...all), 0),
    capped,
  };
}

export interface FlapAlert {
  id: string | null;
  /** page clock of the "send now" press, epoch ms */
  pressAt: number;
  /** first frame the operator's screen drew its row, epoch ms */
  rowAt: number | null;
  /** most rows the operator's screen ever showed for it at once */
  copies: number;
}

export interface FlapFigures {
  alerts: number;
  /** alerts whose row appeared exactly once */
  exactlyOnce: number;
  /** alerts that never reached the operator within the wait */
  missing: number;
  /** from the link being up (at the press, or its return after it) to the row, ms */
  afterReturn: { p50: number | null; p99: number | null; max: number | null };
  delays: (number | null)[];
}

/**
 * Flapping: each alert is timed from the first instant at or after its press when the link
 * was up, so an alert pressed in an outage is not blamed for the outage, and one pressed
 * while up is timed from the press.
 */
export function flapFigures(list: readonly FlapAlert[], s: FlapSchedule, t0: number): FlapFigures {
  const delays = list.map((a) => (a.rowAt === null ? null : a.rowAt - nextUp(s, t0, a.pressAt)));
  const got = delays.filter((d): d is number => d !== null);
  return {
    alerts: list.length,
    exactlyOnce: list.filter((a) => a.id !== null && a.rowAt !== null && a.copies === 1).length,
    missing: list.filter((a) => a.rowAt === null).length,
    afterReturn: {
      p50: round(percentile(got, 50), 0),
      p99: round(percentile(got, 99), 0),
      max: round(got.length ? Math.max(...got) : null, 0),
    },
    delays: delays.map((d) => round(d, 0)),
  };
}

/** When to press the i-th of n alerts: spread over several cycles so they fall in outages and up-times alike. */
export function flapPressTimes(n: number, s: FlapSchedule, t0: number): number[] {
  // A step that is not a divisor of the period walks the press through every phase of the cycle.
  const step = s.periodMs * 0.47;
  return Array.from({ length: n }, (_, i) => t0 + 1000 + Math.round(i * step));
}
