/** Nearest-rank percentile of a list of numbers; null when there is nothing to rank. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export interface Summary {
  n: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
}

export function summarize(values: readonly number[]): Summary {
  return {
    n: values.length,
    p50: round(percentile(values, 50)),
    p99: round(percentile(values, 99)),
    max: round(values.length ? Math.max(...values) : null),
  };
}

/** One decimal is as precise as a loopback benchmark on a shared machine deserves. */
export function round(x: number | null, digits = 1): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every `everyMs` until it holds or `timeoutMs` passes; returns whether it held. */
export async function waitFor(
  check: () => boolean,
  timeoutMs: number,
  everyMs = 50,
): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await sleep(everyMs);
  }
  return check();
}

/** A figure measured in several rounds: the median is the figure, min–max its spread. */
export interface Spread {
  median: number | null;
  min: number | null;
  max: number | null;
  /** rounds that had a value */
  rounds: number;
}

/** The median and range of per-round values (rounds without a value are left out). */
export function spread(values: readonly (number | null)[], digits = 1): Spread {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (!xs.length) return { median: null, min: null, max: null, rounds: 0 };
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    median: round(median, digits),
    min: round(sorted[0]!, digits),
    max: round(sorted.at(-1)!, digits),
    rounds: xs.length,
  };
}

/** `list` cut into `n` consecutive slices of (nearly) equal length; none empty. */
export function slices<T>(list: readonly T[], n: number): T[][] {
  const k = Math.min(n, list.length);
  return Array.from({ length: k }, (_, i) =>
    list.slice(Math.floor((i * list.length) / k), Math.floor(((i + 1) * list.length) / k)),
  );
}
