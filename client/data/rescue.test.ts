import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate } from '../../sync/policy/index.js';
import { merge, rescue, restore } from './rescue.js';

const USER = 'user:u1';
const WRITER = { userId: 'u1', role: 'citizen' as const, unitId: null };
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

function alert(n: number): Y.Map<unknown> {
  return new Y.Map<unknown>(
    Object.entries({
      id: id(n),
      type: 'general',
      createdAt: '2026-12-04T21:00:00.000Z',
      location: null,
      note: '',
    }),
  );
}

const sv = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

describe('a phone refused its copy of a room', () => {
  it('keeps what the server has not stored, with only the fields the phone may write', () => {
    // The server's copy: alert 1, receipted. The phone then raised alert 2, cancelled 1, and
    // holds a `receivedAt` on alert 2 that a crash took back from the server.
    const server = new Y.Doc();
    server.getMap('alerts').set(id(1), alert(1));
    (server.getMap('alerts').get(id(1)) as Y.Map<unknown>).set('receivedAt', '2026-12-04T21:00:01Z');
    const stored = sv(server);
    const phone = new Y.Doc();
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(server));
    phone.getMap('alerts').set(id(2), alert(2));
    (phone.getMap('alerts').get(id(1)) as Y.Map<unknown>).set('cancelledAt', '2026-12-04T21:01Z');
    const ghost = new Y.Doc();
    Y.applyUpdate(ghost, Y.encodeStateAsUpdate(phone));
    (ghost.getMap('alerts').get(id(2)) as Y.Map<unknown>).set('receivedAt', '2026-12-04T21:02Z');
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(ghost, Y.encodeStateVector(phone)));

    const kept = rescue(phone, USER, stored, `alerts/${id(2)}/receivedAt: not writable by citizen`);
    expect(kept).toEqual([
      { collection: 'alerts', id: id(1), create: false, fields: { cancelledAt: '2026-12-04T21:01Z' } },
      {
        collection: 'alerts',
        id: id(2),
        create: true,
        fields: {
          id: id(2),
          type: 'general',
          createdAt: '2026-12-04T21:00:00.000Z',
          location: null,
          note: '',
        },
      },
    ]);

    // Written into the server's copy, it is what the policy accepts from the phone.
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(fresh);
    restore(fresh, kept);
    const update = Y.encodeStateAsUpdate(fresh, before);
    expect(checkUpdate({ kind: 'user', id: 'u1' }, WRITER, server, update).ok).toBe(true);
  });

  it('leaves a record the server turns out to hold as it is', () => {
    const server = new Y.Doc();
    server.getMap('alerts').set(id(3), alert(3));
    const phone = new Y.Doc();
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(server));
    // The receipt never arrived: the phone counts the record as not stored.
    const kept = rescue(phone, USER, new Map(), 'alerts: refused');
    expect(kept.map((r) => r.id)).toEqual([id(3)]);
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(fresh);
    restore(fresh, kept);
    // Nothing new to send: a second record under the same id would be refused.
    expect(Y.encodeStateVector(fresh)).toEqual(before);
  });

  it('keeps nothing in rooms where the phone creates no records, and merges repeats', () => {
    const doc = new Y.Doc();
    doc.getMap('alerts').set(id(4), alert(4));
    expect(rescue(doc, 'ops', new Map(), '')).toEqual([]);
    const a = rescue(doc, USER, new Map(), '');
    expect(merge(a, a)).toHaveLength(1);
  });
});
