import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log.js';
import type { OutboxRow } from '../storage/storage.js';
import { BatchWriter } from './batch-writer.js';
import { OutboxWorker, SLICE_ROWS } from './outbox-worker.js';
import { MemoryOutbox } from './testing/memory-outbox.js';
import type { SendOutcome, Subscription } from './web-push-sender.js';

const workers: OutboxWorker[] = [];
afterEach(async () => {
  for (const w of workers.splice(0)) await w.stop();
});

/**
 * A sender over an in-memory outbox whose push service answers on the next turn of the
 * event loop (as a sender thread's reply does), and a counter of the loop's turns.
 */
function setup(
  answer: (sub: number, attempt: number) => SendOutcome = () => ({ kind: 'sent' }),
  intervalMs = 60_000,
) {
  const mem = new MemoryOutbox();
  const storage = mem.storage();
  const log = createLogger('silent');
  let clock = 1_000_000;
  let turn = 0;
  let ticking = true;
  const tick = () => {
    turn++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  /** turn of the loop in which each push was handed to the push service, by subscription */
  const sends: { sub: number; turn: number }[] = [];
  const taken: OutboxRow[] = [];
  const transport = {
    send: (sub: Subscription): Promise<SendOutcome> => {
      const id = Number(sub.endpoint.split('/').pop());
      const attempt = sends.filter((s) => s.sub === id).length;
      sends.push({ sub: id, turn });
      return new Promise((resolve) => setImmediate(() => resolve(answer(id, attempt))));
    },
  };
  const worker = new OutboxWorker({
    storage,
    log,
    transport,
    sirens: { take: (row) => taken.push(row) },
    writer: new BatchWriter(storage, log, 0),
    intervalMs,
    now: () => clock,
  });
  workers.push(worker);
  const settled = () => [...mem.rows.values()].every((r) => r.kind === 'siren' || r.doneAt !== null); // prettier-ignore
  const until = async (ok: () => boolean) => {
    for (let i = 0; i < 2000 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
    expect(ok()).toBe(true);
  };
  return {
    mem,
    worker,
    sends,
    taken,
    settled,
    until,
    advance: (ms: number) => void (clock += ms),
    stopTicking: () => void (ticking = false),
  };
}

describe('the outbox sender on the event loop', () => {
  it('begins a burst of pushes in slices that yield between them, each push once', async () => {
    const t = setup();
    const ids = Array.from({ length: 600 }, (_, i) => t.mem.addPush(i + 1));
    t.worker.start();
    await t.until(t.settled);
    t.stopTicking();
    expect(t.sends.map((s) => s.sub).sort((a, b) => a - b)).toEqual(ids.map((_, i) => i + 1));
    expect([...t.mem.doneCount.values()].every((n) => n === 1)).toBe(true);
    expect(t.mem.doneCount.size).toBe(600);
    const perTurn = new Map<number, number>();
    for (const s of t.sends) perTurn.set(s.turn, (perTurn.get(s.turn) ?? 0) + 1);
    // Never more than a slice in one turn: an alert's socket read gets a turn in between.
    expect(Math.max(...perTurn.values())).toBeLessThanOrEqual(SLICE_ROWS);
    expect(perTurn.size).toBeGreaterThanOrEqual(600 / SLICE_ROWS);
    // Rows are read once, not again with every refill while earlier ones are in flight.
    const read = t.mem.reads.reduce((a, b) => a + b, 0);
    expect(read).toBeLessThan(2 * 600);
  });

  it('finds a push whose retry came due below the rows read since, and sends it once more', async () => {
    const t = setup(
      (sub, attempt) =>
        sub === 1 && attempt === 0
          ? { kind: 'retry', status: 503, afterMs: null }
          : { kind: 'sent' },
      5,
    );
    t.mem.addPush(1);
    t.worker.start();
    await t.until(() => t.mem.rows.get(1)!.attempts === 1);
    for (let i = 2; i <= 200; i++) t.mem.addPush(i);
    t.worker.poke();
    await t.until(() => t.sends.length === 200);
    // The retry's backoff (about 2 s) passes: the periodic read from the oldest row finds it.
    t.advance(5_000);
    await t.until(t.settled);
    t.stopTicking();
    expect(t.sends.filter((s) => s.sub === 1)).toHaveLength(2);
    expect(t.mem.doneCount.get(1)).toBe(1);
    expect(t.sends).toHaveLength(201);
  });

  it('hands a siren command over at once, even behind a full queue of pushes', async () => {
    const t = setup();
    for (let i = 1; i <= 1000; i++) t.mem.addPush(i);
    t.worker.start();
    const siren = t.mem.add('siren', '{}');
    t.worker.poke();
    await t.until(() => t.taken.some((r) => r.id === siren));
    // It was handed over before most of the pushes had even been begun.
    expect(t.sends.length).toBeLessThan(1000);
    await t.until(t.settled);
    t.stopTicking();
  });

  it('does not read again and again a full read of siren commands it handed over', async () => {
    const t = setup();
    for (let i = 0; i < 300; i++) t.mem.add('siren', '{}');
    t.worker.start();
    await new Promise((r) => setTimeout(r, 100));
    t.stopTicking();
    // Taken once each by the first read (the hub leases them); no loop of reads meanwhile.
    expect(t.mem.reads.length).toBeLessThanOrEqual(2);
    expect(new Set(t.taken.map((r) => r.id)).size).toBe(t.taken.length);
  });
});
