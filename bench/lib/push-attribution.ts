import type { AlertTiming } from './probe-types.js';

export interface PushFigures {
  arrivals: number;
  /** arrivals that matched no expected alert */
  unattributed: number;
  /** arrivals per second from the first to the last */
  perS: number | null;
}

/**
 * Matches the sink's arrivals to alerts and sets each alert's `pushAll` (ms from the write
 * until the last subscribed member of its area was handed over) and `pushGot`.
 *
 * The server folds the alerts a member has not been sent yet into one push, and the push's
 * `tag` is the newest alert it covers: an arrival covers that alert and every earlier alert
 * of the member's area not covered before. An arrival without a readable tag counts as the
 * member's next alert in order (the rule before pushes were folded). Raisers hold no
 * subscription, so nobody is both reporter and recipient, and operators subscribe to
 * nothing, so every arrival is an area member's.
 */
export function attributePushes(
  alerts: AlertTiming[],
  arrivals: [number, number, string | null][],
  userArea: string[],
): PushFigures {
  const queues = new Map<string, AlertTiming[]>();
  for (const a of [...alerts].sort((x, y) => x.sentWallMs - y.sentWallMs)) {
    if (!a.pushExpected) continue;
    const q = queues.get(a.areaId) ?? [];
    q.push(a);
    queues.set(a.areaId, q);
  }
  /** per member: how many of the area's alerts are covered */
  const covered = new Map<number, number>();
  let unattributed = 0;
  for (const [idx, at, tag] of [...arrivals].sort((x, y) => x[1] - y[1])) {
    const q = queues.get(userArea[idx] ?? '') ?? [];
    const from = covered.get(idx) ?? 0;
    const upTo = tag === null ? from + 1 : q.findIndex((a) => a.id === tag) + 1;
    if (upTo <= from || upTo > q.length) {
      unattributed++;
      continue;
    }
    covered.set(idx, upTo);
    for (const a of q.slice(from, upTo)) {
      a.pushGot++;
      if (a.pushGot >= a.pushExpected && a.pushAll === null) a.pushAll = at - a.sentWallMs;
    }
  }
  const times = arrivals.map(([, at]) => at);
  const span = times.length > 1 ? (Math.max(...times) - Math.min(...times)) / 1000 : 0;
  return {
    arrivals: arrivals.length,
    unattributed,
    perS: span > 0 ? Math.round(arrivals.length / span) : null,
  };
}
