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
 * A push's payload is encrypted for its recipient, so arrivals are matched in order: a
 * resident's n-th push belongs to the n-th public alert of the resident's area. Raisers hold
 * no subscription, so nobody is both reporter and recipient, and operators subscribe to
 * nothing, so every arrival is an area member's.
 */
export function attributePushes(
  alerts: AlertTiming[],
  arrivals: [number, number][],
  userArea: string[],
): PushFigures {
  const queues = new Map<string, AlertTiming[]>();
  for (const a of [...alerts].sort((x, y) => x.sentWallMs - y.sentWallMs)) {
    if (!a.pushExpected) continue;
    const q = queues.get(a.areaId) ?? [];
    q.push(a);
    queues.set(a.areaId, q);
  }
  const seen = new Map<number, number>();
  let unattributed = 0;
  for (const [idx, at] of [...arrivals].sort((x, y) => x[1] - y[1])) {
    const n = seen.get(idx) ?? 0;
    seen.set(idx, n + 1);
    const a = queues.get(userArea[idx] ?? '')?.[n];
    if (!a) {
      unattributed++;
      continue;
    }
    a.pushGot++;
    if (a.pushGot >= a.pushExpected && a.pushAll === null) a.pushAll = at - a.sentWallMs;
  }
  const times = arrivals.map(([, at]) => at);
  const span = times.length > 1 ? (Math.max(...times) - Math.min(...times)) / 1000 : 0;
  return {
    arrivals: arrivals.length,
    unattributed,
    perS: span > 0 ? Math.round(arrivals.length / span) : null,
  };
}
