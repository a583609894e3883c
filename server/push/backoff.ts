export const BASE_BACKOFF_MS = 2_000;
export const MAX_BACKOFF_MS = 10 * 60_000;
/** After this many failed attempts (about 30 minutes of backoff) a push is dropped. */
export const MAX_ATTEMPTS = 8;

/** Exponential with ±20 % jitter, so a push service that hiccuped is not hit in lockstep. */
export function backoff(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** attempts);
  return Math.round(base * (0.8 + 0.4 * random()));
}
