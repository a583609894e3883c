import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate } from './check.js';
import { decodeWrites } from './decode.js';
import { CLOCK_ALLOWANCE } from './bounds.js';
import { hostileUpdate } from './hostile.js';
import { addRecord, docWithClient } from './testing.js';
import type { Writer } from './types.js';

const operator: Writer = { userId: 'op1', role: 'operator', unitId: null };
const TOO_LONG = {
  ok: false,
  reason: 'malformed update (update too long for its size)',
  malformed: true,
};

/** Runs `f` and returns its result with the milliseconds it took. */
function timed<T>(f: () => T): [T, number] {
  const start = performance.now();
  const result = f();
  return [result, performance.now() - start];
}

describe('the work an update may cause is bounded by its size', () => {
  it('refuses a few bytes declaring millions of deleted clocks, at once', () => {
    const update = hostileUpdate([{ kind: 'deleted', client: 7, clock: 0, length: 5_000_000 }]);
    expect(update.byteLength).toBeLessThan(60);
    const [result, ms] = timed(() => checkUpdate({ kind: 'ops' }, operator, new Y.Doc(), update));
    expect(result).toEqual(TOO_LONG);
    // Before the bound: over a minute and gigabytes. Generous, never flaky: a refusal
    // before any per-clock work takes microseconds.
    expect(ms).toBeLessThan(500);
  });

  it('refuses long GC runs, and values merged into one long map entry', () => {
    const doc = new Y.Doc();
    const gc = hostileUpdate([{ kind: 'gc', client: 7, clock: 0, length: 1e12 }]);
    expect(decodeWrites(doc, gc)).toEqual(TOO_LONG);
    // A map entry of 60,000 one-byte values: bytes enough for its clocks in general, but
    // map entries are replayed clock by clock and Y.Map#set writes one value per entry.
    const entry = hostileUpdate([{ kind: 'any', client: 7, clock: 0, length: 60_000 }]);
    expect(decodeWrites(doc, entry)).toEqual(TOO_LONG);
  });

  it('keeps deleted runs within the allowance, as a phone compacting offline writes them', () => {
    const doc = new Y.Doc();
    const run = hostileUpdate([
      {
        kind: 'deleted',
        client: 7,
        clock: 0,
        length: CLOCK_ALLOWANCE - 10,
        root: 'plan',
        key: 'k',
      },
    ]);
    const result = decodeWrites(doc, run);
    expect(result.ok).toBe(true);
  });

  it('refuses clocks beyond the doc state, gaps after skips, and out-of-range clocks', () => {
    const doc = new Y.Doc();
    const missing = { ok: false, reason: 'update depends on missing history' };
    const ahead = hostileUpdate([{ kind: 'deleted', client: 7, clock: 1e9, length: 1 }]);
    expect(decodeWrites(doc, ahead)).toEqual(missing);
    const skipped = hostileUpdate([
      { kind: 'skip', client: 7, clock: 0, length: 5 },
      { kind: 'deleted', client: 7, clock: 5, length: 1 },
    ]);
    expect(decodeWrites(doc, skipped)).toEqual(missing);
    const huge = hostileUpdate([{ kind: 'skip', client: 7, clock: 2 ** 50, length: 1 }]);
    expect(decodeWrites(doc, huge)).toEqual({
      ok: false,
      reason: 'malformed update (clock out of range)',
      malformed: true,
    });
    const deletes = hostileUpdate([], [{ client: 7, clock: 0, len: 2 ** 52 }]);
    expect(decodeWrites(doc, deletes)).toMatchObject({ ok: false, malformed: true });
  });

  it('still accepts what Yjs clients write, resent in full', () => {
    const phone = docWithClient(3);
    const server = docWithClient(1000);
    for (let i = 0; i < 50; i++) addRecord(phone, 'plan', { id: `p${i}` });
    phone.getMap('plan').set('p0', { id: 'p0', again: true });
    const full = Y.encodeStateAsUpdate(phone);
    expect(decodeWrites(server, full).ok).toBe(true);
  });

  it('tells a malformed update from a refused one', () => {
    const doc = new Y.Doc();
    expect(decodeWrites(doc, new Uint8Array([1, 2, 3]))).toMatchObject({ malformed: true });
    const foreign = addRecord(docWithClient(3), 'sirens', { id: 'x' });
    const refused = checkUpdate(
      { kind: 'user', id: 'u1' },
      { userId: 'u1', role: 'citizen', unitId: null },
      doc,
      foreign,
    );
    expect(refused.ok).toBe(false);
    expect(refused).not.toHaveProperty('malformed');
  });
});
