/**
 * Status machines. An update that writes a status once must make one allowed step. An offline
 * client batches several steps into one update, and its Yjs GC has already dropped the values
 * in between, so only "current in the doc", "new", and how many values the update wrote are
 * known: such a batch may go as many allowed steps as it wrote values. That grants nothing a
 * writer could not do with one update per step.
 */
export type Steps = (from: string) => readonly string[];

export interface Reach {
  /** at most this many steps (default: unbounded) */
  within?: number;
  /** never passing through this state */
  avoid?: string;
}

/** Whether `to` is reachable from `from` in one or more steps. */
export function reachable(from: string, to: string, steps: Steps, reach: Reach = {}): boolean {
  const seen = new Set<string>([from]);
  let frontier = [from];
  for (let depth = 1; frontier.length > 0 && depth <= (reach.within ?? Infinity); depth++) {
    const next: string[] = [];
    for (const s of frontier) {
      for (const n of steps(s)) {
        if (n === to) return true;
        if (seen.has(n) || n === reach.avoid) continue;
        seen.add(n);
        next.push(n);
      }
    }
    frontier = next;
  }
  return false;
}

/** Every way from `from` to `to` within `within` steps passes through `via` (or ends there). */
export const passesThrough = (
  from: string,
  to: string,
  via: string,
  steps: Steps,
  within?: number,
): boolean => to === via || !reachable(from, to, steps, { within, avoid: via });
