import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeWrites } from './decode.js';
import { addRecord, capture, diff, docWithClient, pull, record } from './testing.js';
import type { Write } from './types.js';

const ID = '6f1c1f7e-1b2a-4c3d-9e8f-0a1b2c3d4e5f';

function writes(doc: Y.Doc, update: Uint8Array): Write[] {
  const r = decodeWrites(doc, update);
  if (!r.ok) throw new Error(r.reason);
  return r.writes;
}

const brief = (ws: Write[]): string[] =>
  ws.map((w) => `${w.op} ${w.path.join('/')}${w.effective ? '' : ' (hidden)'}`);

describe('decodeWrites: deletions', () => {
  it('reads a placeholder that wins a key as a delete of its value', () => {
    const server = docWithClient(1000);
    const low = docWithClient(1);
    const high = docWithClient(2);
    Y.applyUpdate(server, addRecord(server, 'alerts', { id: ID }));
    pull(low, server);
    pull(high, server);
    // Concurrent: 'high' sets and then deletes the key, 'low' just sets it.
    capture(high, () => record(high, 'alerts', ID).set('status', 'x'));
    capture(high, () => record(high, 'alerts', ID).delete('status'));
    Y.applyUpdate(
      server,
      capture(low, () => record(low, 'alerts', ID).set('status', 'received')),
    );
    const update = diff(high, server);
    expect(Y.decodeUpdate(update).ds.clients.has(1)).toBe(false);
    expect(writes(server, update)).toEqual([
      expect.objectContaining({ op: 'delete', path: ['alerts', ID, 'status'], effective: true }),
    ]);
    Y.applyUpdate(server, update);
    expect(record(server, 'alerts', ID).has('status')).toBe(false);
  });

  it('reports deletions with the path of what they delete', () => {
    const client = new Y.Doc();
    const server = new Y.Doc();
    Y.applyUpdate(server, addRecord(client, 'alerts', { id: ID, note: 'x' }));
    const update = capture(client, () => client.getMap('alerts').delete(ID));
    // Yjs deletes the record's fields with it; the record's own delete comes first.
    expect(brief(writes(server, update))).toEqual([
      `delete alerts/${ID}`,
      `delete alerts/${ID}/id`,
      `delete alerts/${ID}/note`,
    ]);
  });

  it('marks writes a same-update delete undoes as without effect', () => {
    const client = new Y.Doc();
    const server = new Y.Doc();
    const update = capture(client, () => {
      client.getMap('alerts').set(ID, new Y.Map([['note', 'x']]));
      client.getMap('alerts').delete(ID);
    });
    const ws = writes(server, update);
    expect(ws.length).toBeGreaterThan(0);
    expect(ws.every((w) => !w.effective)).toBe(true);
  });

  it('refuses deleting items the server has not seen yet', () => {
    const client = new Y.Doc();
    const server = new Y.Doc();
    addRecord(client, 'alerts', { id: ID });
    const update = capture(client, () => client.getMap('alerts').delete(ID));
    expect(decodeWrites(server, update)).toEqual({
      ok: false,
      reason: 'update deletes unknown items',
    });
  });

  it('ignores writes into a record the server has already deleted', () => {
    const client = new Y.Doc();
    const server = new Y.Doc();
    Y.applyUpdate(server, addRecord(client, 'alerts', { id: ID, status: 'received' }));
    server.getMap('alerts').delete(ID);
    const update = capture(client, () => {
      record(client, 'alerts', ID).set('status', 'acknowledged');
      record(client, 'alerts', ID).set('cancelledAt', 'x');
    });
    expect(writes(server, update)).toEqual([]);
  });

  it('counts every overwritten value of a merged placeholder', () => {
    const client = docWithClient(1);
    const server = docWithClient(1000);
    Y.applyUpdate(server, addRecord(client, 'alerts', { id: ID, status: 'a' }));
    const rec = record(client, 'alerts', ID);
    for (const s of ['b', 'c', 'd']) capture(client, () => rec.set('status', s));
    // Yjs merges the GC'd 'b' and 'c' into one two-clock placeholder.
    expect(Y.decodeUpdate(diff(client, server)).structs).toHaveLength(2);
    expect(brief(writes(server, diff(client, server)))).toEqual([
      `delete alerts/${ID}/status (hidden)`,
      `delete alerts/${ID}/status (hidden)`,
      `set alerts/${ID}/status`,
      `delete alerts/${ID}/status (hidden)`,
    ]);
  });

  it('reads overwritten values a client without GC merged into one item', () => {
    const client = new Y.Doc({ gc: false });
    const server = docWithClient(1000);
    Y.applyUpdate(server, addRecord(client, 'alerts', { id: ID, status: 'a' }));
    const rec = record(client, 'alerts', ID);
    for (const s of ['b', 'c', 'd']) capture(client, () => rec.set('status', s));
    const ws = writes(server, diff(client, server)).filter((w) => w.op === 'set');
    expect(ws.map((w) => [w.value, w.effective])).toEqual([
      ['b', false],
      ['c', false],
      ['d', true],
    ]);
  });
});
