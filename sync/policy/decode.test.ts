import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeWrites } from './decode.js';
import { addRecord, capture, diff, docWithClient, pull, record } from './testing.js';
import { ARRAY_MARKER, MAP_MARKER, type Write } from './types.js';

const ID = '6f1c1f7e-1b2a-4c3d-9e8f-0a1b2c3d4e5f';

function writes(doc: Y.Doc, update: Uint8Array): Write[] {
  const r = decodeWrites(doc, update);
  if (!r.ok) throw new Error(r.reason);
  return r.writes;
}

const brief = (ws: Write[]): string[] =>
  ws.map((w) => `${w.op} ${w.path.join('/')}${w.effective ? '' : ' (hidden)'}`);

describe('decodeWrites', () => {
  it('resolves a new record and its fields, parents given by id', () => {
    const client = new Y.Doc();
    const server = new Y.Doc();
    const update = addRecord(client, 'alerts', { id: ID, type: 'fire', note: '' });
    const ws = writes(server, update);
    expect(ws).toContainEqual(
      expect.objectContaining({
        op: 'set',
        path: ['alerts', ID],
        value: MAP_MARKER,
        newParent: false,
      }),
    );
    expect(ws).toContainEqual(
      expect.objectContaining({ path: ['alerts', ID, 'type'], value: 'fire', newParent: true }),
    );
    expect(ws.every((w) => w.effective)).toBe(true);
    expect(ws).toHaveLength(4);
  });

  it('treats a re-sent update as no writes at all', () => {
    const client = new Y.Doc();
    const server = new Y.Doc();
    const update = addRecord(client, 'alerts', { id: ID, type: 'fire' });
    Y.applyUpdate(server, update);
    expect(writes(server, update)).toEqual([]);
    // A full state (the HTTP fallback's resend) too, deletions included.
    capture(client, () => record(client, 'alerts', ID).set('type', 'medical'));
    Y.applyUpdate(server, diff(client, server));
    expect(writes(server, Y.encodeStateAsUpdate(client))).toEqual([]);
  });

  it('resolves an overwrite whose parent comes only from its origin', () => {
    const client = new Y.Doc();
    const server = new Y.Doc();
    Y.applyUpdate(server, addRecord(client, 'alerts', { id: ID, status: 'received' }));
    const update = capture(client, () =>
      record(client, 'alerts', ID).set('status', 'acknowledged'),
    );
    const [item] = Y.decodeUpdate(update).structs;
    expect(item instanceof Y.Item && item.parent).toBe(null);
    expect(writes(server, update)).toEqual([
      expect.objectContaining({ op: 'set', path: ['alerts', ID, 'status'], value: 'acknowledged' }),
      // The key keeps a value (the new one), so the delete removes nothing visible.
      expect.objectContaining({ op: 'delete', path: ['alerts', ID, 'status'], effective: false }),
    ]);
  });

  it('follows overwrites chained inside one update (offline edits)', () => {
    const client = new Y.Doc();
    const server = new Y.Doc();
    Y.applyUpdate(server, addRecord(client, 'alerts', { id: ID, status: 'received' }));
    const rec = record(client, 'alerts', ID);
    capture(client, () => rec.set('status', 'acknowledged'));
    capture(client, () => rec.set('status', 'dispatched'));
    // The client has GC'd 'acknowledged': it travels as a deleted placeholder, which would
    // delete the key's value if it won the key, so it reads as a delete.
    const ws = writes(server, diff(client, server));
    expect(ws.map((w) => [w.op, w.value, w.effective])).toEqual([
      ['delete', undefined, false],
      ['set', 'dispatched', true],
      ['delete', undefined, false],
    ]);
  });

  it('resolves concurrent overwrites from two clients and knows which one wins', () => {
    for (const [a, b] of [
      [1, 2],
      [2, 1],
    ] as const) {
      const server = docWithClient(100);
      const one = docWithClient(a);
      const two = docWithClient(b);
      Y.applyUpdate(server, addRecord(one, 'alerts', { id: ID, status: 'received' }));
      pull(two, server);
      const u1 = capture(one, () => record(one, 'alerts', ID).set('status', 'acknowledged'));
      const u2 = capture(two, () => record(two, 'alerts', ID).set('status', 'false_alarm'));
      Y.applyUpdate(server, u1);
      const ws = writes(server, u2);
      const set = ws.find((w) => w.op === 'set');
      expect(set).toMatchObject({ path: ['alerts', ID, 'status'] });
      // The previous value is already gone from the server: nothing to delete.
      expect(ws.filter((w) => w.op === 'delete')).toEqual([]);
      Y.applyUpdate(server, u2);
      expect(set?.effective).toBe(record(server, 'alerts', ID).get('status') === 'false_alarm');
    }
  });

  it('gives array elements the array path and tells appends from inserts', () => {
    const client = new Y.Doc();
    const server = new Y.Doc();
    const notes = new Y.Array<unknown>();
    Y.applyUpdate(
      server,
      capture(client, () => {
        const rec = new Y.Map<unknown>();
        rec.set('notes', notes);
        client.getMap('alerts').set(ID, rec);
      }),
    );
    const first = capture(client, () => notes.push([{ n: 1 }, { n: 2 }]));
    expect(brief(writes(server, first))).toEqual([
      `set alerts/${ID}/notes/[]`,
      `set alerts/${ID}/notes/[]`,
    ]);
    Y.applyUpdate(server, first);
    const later = capture(client, () => notes.push([{ n: 3 }]));
    expect(writes(server, later)).toEqual([
      expect.objectContaining({
        path: ['alerts', ID, 'notes', '[]'],
        value: { n: 3 },
        append: true,
      }),
    ]);
    Y.applyUpdate(server, later);
    const inserted = capture(client, () => notes.insert(0, [{ n: 0 }]));
    expect(writes(server, inserted)[0]?.append).toBe(false);
  });

  it('marks nested containers created in the update', () => {
    const client = new Y.Doc();
    const server = new Y.Doc();
    Y.applyUpdate(server, addRecord(client, 'alerts', { id: ID }));
    const update = capture(client, () => {
      const checklist = new Y.Map<unknown>();
      checklist.set('call_back', true);
      record(client, 'alerts', ID).set('checklist', checklist);
      record(client, 'alerts', ID).set('notes', new Y.Array());
    });
    const ws = writes(server, update);
    expect(ws).toContainEqual(
      expect.objectContaining({ path: ['alerts', ID, 'checklist'], value: MAP_MARKER }),
    );
    expect(ws).toContainEqual(
      expect.objectContaining({ path: ['alerts', ID, 'notes'], value: ARRAY_MARKER }),
    );
    expect(ws).toContainEqual(
      expect.objectContaining({
        path: ['alerts', ID, 'checklist', 'call_back'],
        value: true,
        newParent: true,
      }),
    );
  });

  it('refuses text, binary and other content kinds', () => {
    const server = new Y.Doc();
    const refused = { ok: false, reason: 'unsupported content' };
    const fresh = (change: (doc: Y.Doc) => void): Uint8Array => {
      const client = new Y.Doc();
      return capture(client, () => change(client));
    };
    const text = fresh((d) => d.getMap('alerts').set(ID, new Y.Text('hi')));
    expect(decodeWrites(server, text)).toEqual(refused);
    const binary = fresh((d) => d.getMap('x').set('b', new Uint8Array([1])));
    expect(decodeWrites(server, binary)).toEqual(refused);
    const string = fresh((d) => d.getText('t').insert(0, 'hi'));
    expect(decodeWrites(server, string)).toEqual(refused);
  });

  it('refuses malformed bytes without throwing', () => {
    const server = new Y.Doc();
    for (const bytes of [[], [1], [255, 255, 255], [1, 1, 1, 1, 1, 1, 1, 1], [0, 5, 7, 9]]) {
      expect(decodeWrites(server, new Uint8Array(bytes)).ok).toBe(false);
    }
  });

  it('refuses an update that depends on items the server lacks', () => {
    const client = new Y.Doc();
    const server = new Y.Doc();
    addRecord(client, 'alerts', { id: ID, status: 'received' });
    const update = capture(client, () => record(client, 'alerts', ID).set('status', 'x'));
    expect(decodeWrites(server, update)).toEqual({
      ok: false,
      reason: 'update depends on missing history',
    });
  });
});
