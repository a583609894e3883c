import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate } from './check.js';
import { addRecord, capture, diff, docWithClient, pull, record } from './testing.js';
import type { Writer } from './types.js';

const room = { kind: 'user', id: 'u1' } as const;
const owner: Writer = { userId: 'u1', role: 'citizen', unitId: null };
const ID = '0b7c2a8e-5d1f-4e3a-9c6b-7f8e9d0a1b2c';
const OTHER = '1c8d3b9f-6e2a-4f4b-8d7c-8a9f0e1b2c3d';

const alert = (id = ID): Record<string, unknown> & { id: string } => ({
  id,
  type: 'medical',
  createdAt: '2025-03-01T21:14:05.120Z',
  location: { lat: -32.9275, lng: -68.845, accuracy: 12 },
  note: 'second floor',
});

/** A server room and the owner's phone, in sync. */
function setup(): { server: Y.Doc; phone: Y.Doc } {
  return { server: docWithClient(1000), phone: docWithClient(1) };
}

const check = (server: Y.Doc, update: Uint8Array, writer: Writer = owner) =>
  checkUpdate(room, writer, server, update);

describe('user room', () => {
  it('accepts a resident creating a valid alert, with exact changes', () => {
    const { server, phone } = setup();
    expect(check(server, addRecord(phone, 'alerts', alert()))).toEqual({
      ok: true,
      changes: [{ collection: 'alerts', id: ID, created: true, fields: alert(), removed: [] }],
    });
  });

  it('refuses a missing or invalid field', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ note: undefined }, 'note: required'],
      [{ type: 'flood' }, 'type: not an alert type'],
      [{ id: OTHER }, 'id: must equal the record key'],
      [{ createdAt: 'yesterday' }, 'createdAt: not an ISO 8601 time'],
      [{ location: { lat: 91, lng: 0, accuracy: 1 } }, 'location: bad latitude'],
      [{ location: { lat: 0, lng: 0, accuracy: 1, alt: 3 } }, 'location: not a location'],
      [{ note: 'x'.repeat(501) }, 'note: length not in 0..500'],
      [{ status: 'resolved' }, 'status: not writable by citizen'],
      [{ receivedAt: '2025-03-01T21:14:05.120Z' }, 'receivedAt: not writable by citizen'],
    ];
    for (const [patch, reason] of cases) {
      const { server, phone } = setup();
      const fields = Object.fromEntries(
        Object.entries({ ...alert(), ...patch }).filter(([, v]) => v !== undefined),
      );
      const update = capture(phone, () =>
        phone.getMap('alerts').set(ID, new Y.Map(Object.entries(fields))),
      );
      expect(check(server, update)).toEqual({ ok: false, reason: `alerts/${ID}/${reason}` });
    }
  });

  it('refuses a record key that is not a UUID', () => {
    const { server, phone } = setup();
    const update = addRecord(phone, 'alerts', { ...alert(), id: 'alert-1' });
    expect(check(server, update)).toEqual({ ok: false, reason: 'alerts/alert-1: bad record key' });
  });

  it('refuses the owner writing status on an existing alert', () => {
    const { server, phone } = setup();
    Y.applyUpdate(server, addRecord(phone, 'alerts', alert()));
    const update = capture(phone, () => record(phone, 'alerts', ID).set('status', 'resolved'));
    expect(check(server, update)).toEqual({
      ok: false,
      reason: `alerts/${ID}/status: not writable by citizen`,
    });
  });

  it('accepts cancelling once and refuses it twice', () => {
    const { server, phone } = setup();
    Y.applyUpdate(server, addRecord(phone, 'alerts', alert()));
    const at = '2025-03-01T21:14:09.000Z';
    const cancel = capture(phone, () => record(phone, 'alerts', ID).set('cancelledAt', at));
    expect(check(server, cancel)).toEqual({
      ok: true,
      changes: [
        { collection: 'alerts', id: ID, created: false, fields: { cancelledAt: at }, removed: [] },
      ],
    });
    Y.applyUpdate(server, cancel);
    const again = capture(phone, () => record(phone, 'alerts', ID).set('cancelledAt', at));
    expect(check(server, again)).toEqual({
      ok: false,
      reason: `alerts/${ID}/cancelledAt: already set`,
    });
  });

  it('refuses cancelling a closed alert, accepts it before the server received it', () => {
    const { server, phone } = setup();
    Y.applyUpdate(server, addRecord(phone, 'alerts', alert()));
    server.transact(() => record(server, 'alerts', ID).set('status', 'resolved'));
    pull(phone, server);
    const cancel = capture(phone, () =>
      record(phone, 'alerts', ID).set('cancelledAt', '2025-03-01T22:00:00Z'),
    );
    expect(check(server, cancel)).toEqual({
      ok: false,
      reason: `alerts/${ID}/cancelledAt: alert is closed`,
    });
    // Raised and cancelled offline: both travel in one update.
    const fresh = setup();
    addRecord(fresh.phone, 'alerts', alert());
    capture(fresh.phone, () =>
      record(fresh.phone, 'alerts', ID).set('cancelledAt', '2025-03-01T21:14:07Z'),
    );
    const result = check(fresh.server, diff(fresh.phone, fresh.server));
    expect(result.ok && result.changes[0]?.fields.cancelledAt).toBe('2025-03-01T21:14:07Z');
  });

  it('accepts a re-sent update as a no-op', () => {
    const { server, phone } = setup();
    const update = addRecord(phone, 'alerts', alert());
    Y.applyUpdate(server, update);
    expect(check(server, update)).toEqual({ ok: true, changes: [] });
    expect(check(server, Y.encodeStateAsUpdate(phone))).toEqual({ ok: true, changes: [] });
  });

  it('refuses a new record whose id the room already holds', () => {
    const { server, phone } = setup();
    Y.applyUpdate(server, addRecord(phone, 'alerts', alert()));
    const other = docWithClient(2);
    const update = addRecord(other, 'alerts', { ...alert(), note: 'again' });
    expect(check(server, update)).toEqual({ ok: false, reason: `alerts/${ID}: already exists` });
  });

  it('refuses deleting a record or a field', () => {
    const { server, phone } = setup();
    Y.applyUpdate(server, addRecord(phone, 'alerts', alert()));
    const field = capture(phone, () => record(phone, 'alerts', ID).delete('note'));
    expect(check(server, field)).toEqual({
      ok: false,
      reason: `alerts/${ID}/note: not writable by citizen`,
    });
    const drop = capture(phone, () => phone.getMap('alerts').delete(ID));
    expect(check(server, drop)).toEqual({
      ok: false,
      reason: `alerts/${ID}: records may not be deleted`,
    });
  });

  it('refuses removing a server field through a concurrent set-and-delete', () => {
    // A hand-made history: the phone's entry, concurrent with the server's status and ordered
    // after it (higher client id), is deleted again. Applied, it deletes the server's status.
    const server = docWithClient(1000);
    const phone = docWithClient(2000);
    Y.applyUpdate(server, addRecord(server, 'alerts', alert()));
    pull(phone, server);
    server.transact(() => record(server, 'alerts', ID).set('status', 'received'));
    capture(phone, () => record(phone, 'alerts', ID).set('status', 'x'));
    capture(phone, () => record(phone, 'alerts', ID).delete('status'));
    expect(check(server, diff(phone, server))).toEqual({
      ok: false,
      reason: `alerts/${ID}/status: not writable by citizen`,
    });
  });

  it('refuses text and binary content', () => {
    const { server, phone } = setup();
    const text = capture(phone, () =>
      phone.getMap('alerts').set(ID, new Y.Map<unknown>([['note', new Y.Text('hi')]])),
    );
    expect(check(server, text)).toEqual({ ok: false, reason: 'unsupported content' });
  });

  it('refuses malformed bytes without throwing', () => {
    const { server } = setup();
    expect(check(server, new Uint8Array([0xff, 0x01, 0x02])).ok).toBe(false);
    expect(check(server, new Uint8Array(0)).ok).toBe(false);
  });

  it('refuses collections the owner does not write', () => {
    const { server, phone } = setup();
    const update = addRecord(phone, 'sirens', { id: ID });
    expect(check(server, update)).toEqual({
      ok: false,
      reason: `sirens/${ID}: not writable by citizen`,
    });
    const proto = addRecord(setup().phone, 'constructor', { id: ID });
    expect(check(server, proto)).toEqual({
      ok: false,
      reason: `constructor/${ID}: not writable by citizen`,
    });
  });

  it('refuses anyone but the owner', () => {
    const { server, phone } = setup();
    const update = addRecord(phone, 'alerts', alert());
    const admin: Writer = { userId: 'a1', role: 'admin', unitId: null };
    expect(check(server, update, admin)).toEqual({
      ok: false,
      reason: 'user:u1: read-only for admin',
    });
  });

  it('accepts a valid neighbour request and refuses an empty description', () => {
    const request = {
      id: OTHER,
      category: 'street_lighting',
      description: 'Lamp out at the corner',
      location: null,
      createdAt: '2025-03-01T10:00:00-03:00',
    };
    const { server, phone } = setup();
    expect(check(server, addRecord(phone, 'requests', request)).ok).toBe(true);
    const empty = addRecord(docWithClient(5), 'requests', { ...request, description: '' });
    expect(check(server, empty)).toEqual({
      ok: false,
      reason: `requests/${OTHER}/description: length not in 1..1000`,
    });
  });

  it('checks a room of 300 records', () => {
    const { server, phone } = setup();
    for (let i = 0; i < 300; i++) {
      const id = `00000000-0000-4000-8000-${i.toString().padStart(12, '0')}`;
      Y.applyUpdate(server, addRecord(phone, 'alerts', alert(id)));
    }
    expect(check(server, Y.encodeStateAsUpdate(phone))).toEqual({ ok: true, changes: [] });
    const result = check(server, addRecord(phone, 'alerts', alert()));
    expect(result.ok && result.changes.map((c) => c.id)).toEqual([ID]);
  });
});
