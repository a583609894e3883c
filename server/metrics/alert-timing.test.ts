import { describe, expect, it } from 'vitest';
import { AlertTiming, type Observer } from './alert-timing.js';

/** Counts observations; their values are durations and never asserted. */
function counting() {
  const seen = { toOps: 0, toSiren: 0, toSirenAck: 0, toPush: 0 };
  const observer = (k: keyof typeof seen): Observer => ({ observe: () => void seen[k]++ });
  const timing = new AlertTiming({
    toOps: observer('toOps'),
    toSiren: observer('toSiren'),
    toSirenAck: observer('toSirenAck'),
    toPush: observer('toPush'),
  });
  return { seen, timing };
}

describe('AlertTiming', () => {
  it("finds a push row's alert by its range, and times nothing it has no start for", () => {
    const { seen, timing } = counting();
    timing.received('a', performance.now());
    timing.received('b', performance.now());
    timing.pushesWritten('a', 10, 20);
    timing.pushesWritten('b', 21, 30);
    timing.pushesWritten('unknown', 31, 40);
    for (const row of [9, 10, 15, 20, 21, 30, 31, 40, 41]) timing.pushAccepted(row);
    expect(seen.toPush).toBe(5);
    timing.sirenSent('a');
    timing.sirenAcked('b');
    timing.sirenSent('unknown');
    expect(seen).toMatchObject({ toSiren: 1, toSirenAck: 1 });
  });

  it('lets a later range win over ids a rolled-back commit handed out', () => {
    const { seen, timing } = counting();
    timing.received('a', performance.now());
    timing.received('b', performance.now());
    timing.pushesWritten('a', 10, 20);
    // The commit of `a` failed; its ids are used again by `b`.
    timing.pushesWritten('b', 10, 12);
    for (const row of [10, 12, 13, 20]) timing.pushAccepted(row);
    expect(seen.toPush).toBe(2);
  });

  it('forgets starts older than an hour', () => {
    const { seen, timing } = counting();
    timing.received('old', performance.now() - 3_600_001);
    timing.received('new', performance.now());
    timing.sirenSent('old');
    timing.sirenSent('new');
    expect(seen.toSiren).toBe(1);
  });
});
