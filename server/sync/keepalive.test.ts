import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeepAlive } from './keepalive.js';
import type { Connection } from './connection.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const fakeConnection = () => {
  const sent: number[] = [];
  const conn = {
    closed: false,
    lastSentAt: -Infinity,
    keepaliveSlot: -1,
    sendReceipt: () => sent.push(performance.now()),
  };
  return { conn: conn as unknown as Connection, sent };
};

describe('KeepAlive', () => {
  it('visits every connection once per 20 s, a few sockets per tick', () => {
    const wheel = new KeepAlive();
    const all = Array.from({ length: 5000 }, fakeConnection);
    for (const { conn } of all) wheel.add(conn);
    vi.advanceTimersByTime(20_000);
    expect(all.every((c) => c.sent.length === 1)).toBe(true);
    const perTick = new Map<number, number>();
    for (const c of all) perTick.set(c.sent[0]!, (perTick.get(c.sent[0]!) ?? 0) + 1);
    expect(Math.max(...perTick.values())).toBeLessThanOrEqual(3);
    vi.advanceTimersByTime(20_000);
    expect(all.every((c) => c.sent.length === 2 && c.sent[1]! - c.sent[0]! === 20_000)).toBe(true);
    wheel.stop();
  });

  it('skips a connection that was just sent something, and forgets one removed', () => {
    const wheel = new KeepAlive();
    const busy = fakeConnection();
    const gone = fakeConnection();
    wheel.add(busy.conn);
    wheel.add(gone.conn);
    wheel.remove(gone.conn);
    vi.advanceTimersByTime(10); // slot 0's first visit
    expect(busy.sent).toHaveLength(1);
    busy.conn.lastSentAt = performance.now() + 17_000; // a frame 3 s before the next visit
    vi.advanceTimersByTime(20_000);
    expect(busy.sent).toHaveLength(1);
    expect(gone.sent).toEqual([]);
    // Never more than 25 s without a frame: the visit after sends again.
    vi.advanceTimersByTime(20_000);
    expect(busy.sent).toHaveLength(2);
    wheel.stop();
  });
});
