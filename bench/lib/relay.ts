import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { DocClient } from './doc-client.js';
import { LightPool } from './light-client.js';
import type { RelayArg, RelayResult } from './api.js';
import { sleep, waitFor } from './stats.js';

const MARK = Buffer.from('bench-w');

/**
 * The relay comparison: one writer appends operator notes to one record, every reader in the
 * room receives each update; latency is send → receipt per reader and write, on one clock.
 * Readers find the write's number in the raw update (the note text travels verbatim).
 */
export async function runRelay(a: RelayArg): Promise<RelayResult> {
  const sent: number[] = [];
  const latencies: number[] = [];
  const readers = new LightPool(a.base, a.addresses, 64);
  readers.onUpdate = (payload, at) => {
    const i = payload.indexOf(MARK);
    if (i < 0) return;
    const end = payload.indexOf(0x23 /* # */, i);
    const n = Number(payload.subarray(i + MARK.length, end).toString());
    const t = sent[n];
    if (t !== undefined) latencies.push(at - t);
  };
  const observers = Array.from(
    { length: a.observers },
    () => new DocClient(a.base + a.writer.path, a.writer.token, a.addresses),
  );
  const writer = new DocClient(a.base + a.writer.path, a.writer.token, a.addresses);
  const fail = (error: string): RelayResult => ({
    readers: readers.counters.synced,
    writes: sent.length,
    latencies,
    missing: 0,
    roomBytes: 0,
    error,
  });
  try {
    if (!(await waitFor(() => observers.every((o) => o.synced), 60_000)))
      return fail(`observers ${observers.filter((o) => o.synced).length}/${a.observers}`);
    readers.add(a.readers);
    const ready = await waitFor(
      () => writer.synced && readers.counters.synced === a.readers.length,
      60_000,
    );
    if (!ready)
      return fail(
        `readers ${readers.counters.synced}/${a.readers.length}, writer ${writer.synced}`,
      );
    const alerts = writer.map('alerts');
    if (a.createRecord) {
      writer.doc.transact(() => alerts.set(a.recordId, new Y.Map<unknown>([['id', a.recordId]])));
    }
    const rec = alerts.get(a.recordId);
    if (!(rec instanceof Y.Map)) return fail(`record ${a.recordId} not in the room`);
    if (!(rec.get('notes') instanceof Y.Array)) rec.set('notes', new Y.Array<unknown>());
    await sleep(500);
    const notes = rec.get('notes') as Y.Array<unknown>;
    for (let n = 0; n < a.writes && !writer.final; n++) {
      const note = {
        id: randomUUID(),
        text: `bench-w${n}#`,
        at: new Date().toISOString(),
        by: a.writerUserId,
      };
      sent[n] = performance.now();
      notes.push([note]);
      await sleep(a.spacingMs);
    }
    await waitFor(() => latencies.length >= sent.length * a.readers.length, 5000);
    if (writer.final) return fail(`writer closed with ${writer.closeCode}`);
    return {
      readers: a.readers.length,
      writes: sent.length,
      latencies,
      missing: sent.length * a.readers.length - latencies.length,
      roomBytes: Y.encodeStateAsUpdate(writer.doc).length,
      error: null,
    };
  } finally {
    writer.close();
    readers.close();
    for (const o of observers) o.close();
  }
}
