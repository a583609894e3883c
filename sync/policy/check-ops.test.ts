import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate } from './check.js';
import { addRecord, attempt, capture, diff, docWithClient, pull, record } from './testing.js';
import type { CheckResult, Writer } from './types.js';

const room = { kind: 'ops' } as const;
const op: Writer = { userId: 'op1', role: 'operator', unitId: null };
const ID = '2d9e4c0a-7f3b-4a5c-9e8d-9b0a1f2c3d4e';
const NOTE_ID = '3e0f5d1b-8a4c-4b6d-8f9e-0c1b2a3d4e5f';

/** The ops room as the server builds it, and an operator's desk in sync with it. */
function setup(status = 'received', extra: Record<string, unknown> = {}) {
  const server = docWithClient(1000);
  server.transact(() => {
    const rec = new Y.Map<unknown>(
      Object.entries({ id: ID, type: 'general', status, reporterName: 'Ana P.', ...extra }),
    );
    rec.set('timeline', new Y.Array());
    server.getMap('alerts').set(ID, rec);
  });
  const desk = docWithClient(1);
  pull(desk, server);
  /** The update an edit of the alert on the desk makes, checked against the server. */
  const tryEdit = (edit: (alert: Y.Map<unknown>) => void): CheckResult =>
    check(
      server,
      attempt(desk, (d) => edit(record(d, 'alerts', ID))),
    );
  return { server, desk, alert: record(desk, 'alerts', ID), tryEdit };
}

const check = (server: Y.Doc, update: Uint8Array, writer: Writer = op): CheckResult =>
  checkUpdate(room, writer, server, update);

const fieldsOf = (r: CheckResult): Record<string, unknown> | undefined =>
  r.ok ? r.changes[0]?.fields : undefined;

const note = (by = 'op1') => ({ id: NOTE_ID, text: 'Called back', at: '2025-03-01T21:20:00Z', by });

describe('ops room', () => {
  it('accepts a legal transition and reports it', () => {
    const { tryEdit } = setup();
    expect(tryEdit((a) => a.set('status', 'acknowledged'))).toEqual({
      ok: true,
      changes: [
        {
          collection: 'alerts',
          id: ID,
          created: false,
          fields: { status: 'acknowledged' },
          removed: [],
        },
      ],
    });
  });

  it('refuses an illegal transition', () => {
    const { tryEdit } = setup();
    expect(tryEdit((a) => a.set('status', 'resolved'))).toEqual({
      ok: false,
      reason: `alerts/${ID}/status: received → resolved not allowed`,
    });
    expect(tryEdit((a) => a.set('status', 'cancelled')).ok).toBe(false);
    expect(tryEdit((a) => a.set('status', 'lost')).ok).toBe(false);
  });

  it('dispatches only with a unit, in the doc or in the same update', () => {
    const { tryEdit } = setup('acknowledged');
    expect(tryEdit((a) => a.set('status', 'dispatched'))).toEqual({
      ok: false,
      reason: `alerts/${ID}/status: dispatched requires assignedUnit`,
    });
    const both = tryEdit((a) => {
      a.set('assignedUnit', 'unit-3');
      a.set('status', 'dispatched');
    });
    expect(fieldsOf(both)).toEqual({ assignedUnit: 'unit-3', status: 'dispatched' });
    const assigned = setup('acknowledged', { assignedUnit: 'unit-4' });
    expect(assigned.tryEdit((a) => a.set('status', 'dispatched')).ok).toBe(true);
  });

  it('accepts an offline batch of transitions whose steps Yjs has collapsed', () => {
    const { server, desk, alert } = setup();
    capture(desk, () => alert.set('status', 'acknowledged'));
    capture(desk, () => alert.set('assignedUnit', 'unit-1'));
    capture(desk, () => alert.set('status', 'dispatched'));
    const batch = check(server, diff(desk, server));
    expect(fieldsOf(batch)).toEqual({ status: 'dispatched', assignedUnit: 'unit-1' });
    // Passing through 'dispatched' on the way needs its unit too.
    const bare = setup();
    capture(bare.desk, () => bare.alert.set('status', 'acknowledged'));
    capture(bare.desk, () => bare.alert.set('status', 'dispatched'));
    capture(bare.desk, () => bare.alert.set('status', 'on_scene'));
    expect(check(bare.server, diff(bare.desk, bare.server))).toEqual({
      ok: false,
      reason: `alerts/${ID}/status: dispatched requires assignedUnit`,
    });
    // Two writes buy two steps, not three.
    const short = setup();
    capture(short.desk, () => short.alert.set('status', 'acknowledged'));
    capture(short.desk, () => short.alert.set('status', 'on_scene'));
    expect(check(short.server, diff(short.desk, short.server)).ok).toBe(false);
  });

  it('resolves concurrent overwrites by two operators (parents from origins only)', () => {
    const { server, desk, alert } = setup();
    const other = docWithClient(2);
    pull(other, server);
    const mine = capture(desk, () => {
      alert.set('status', 'acknowledged');
      alert.set('escalatedAt', '2025-03-01T21:30:00Z');
    });
    const theirs = capture(other, () => record(other, 'alerts', ID).set('status', 'acknowledged'));
    expect(check(server, mine).ok).toBe(true);
    Y.applyUpdate(server, mine);
    // Theirs was made from 'received'; the server already says 'acknowledged': nothing changes.
    expect(check(server, theirs)).toEqual({ ok: true, changes: [] });
    Y.applyUpdate(server, theirs);
    const late = capture(other, () => record(other, 'alerts', ID).set('status', 'false_alarm'));
    expect(fieldsOf(check(server, late))).toEqual({ status: 'false_alarm' });
    Y.applyUpdate(server, late);
    expect(record(server, 'alerts', ID).get('status')).toBe('false_alarm');
  });

  it('appends notes signed by the writer, nothing else', () => {
    const { server, desk, alert, tryEdit } = setup();
    const create = capture(desk, () => {
      const notes = new Y.Array<unknown>();
      notes.push([note()]);
      alert.set('notes', notes);
    });
    expect(fieldsOf(check(server, create))).toEqual({ notes: [note()] });
    Y.applyUpdate(server, create);
    const notes = (a: Y.Map<unknown>) => a.get('notes') as Y.Array<unknown>;
    expect(fieldsOf(tryEdit((a) => notes(a).push([note()])))).toEqual({ notes: [note()] });
    expect(tryEdit((a) => notes(a).push([note('op2')]))).toEqual({
      ok: false,
      reason: `alerts/${ID}/notes/[]: by: must be the writer`,
    });
    expect(tryEdit((a) => notes(a).insert(0, [note()]))).toEqual({
      ok: false,
      reason: `alerts/${ID}/notes/[]: append-only`,
    });
    expect(tryEdit((a) => notes(a).delete(0))).toEqual({
      ok: false,
      reason: `alerts/${ID}/notes/[]: append-only`,
    });
    expect(tryEdit((a) => notes(a).push([{ ...note(), pinned: true }])).ok).toBe(false);
    expect(tryEdit((a) => a.set('notes', new Y.Array()))).toEqual({
      ok: false,
      reason: `alerts/${ID}/notes: already exists`,
    });
  });

  it('keeps a checklist of booleans, entries removable', () => {
    const { server, desk, alert, tryEdit } = setup();
    const create = capture(desk, () => {
      const checklist = new Y.Map<unknown>();
      checklist.set('call_back', true);
      alert.set('checklist', checklist);
    });
    expect(fieldsOf(check(server, create))).toEqual({ checklist: { call_back: true } });
    Y.applyUpdate(server, create);
    const checklist = (a: Y.Map<unknown>) => a.get('checklist') as Y.Map<unknown>;
    expect(fieldsOf(tryEdit((a) => checklist(a).set('call_back', false)))).toEqual({
      checklist: { call_back: false },
    });
    expect(tryEdit((a) => checklist(a).set('confirm_location', 'yes')).ok).toBe(false);
    expect(tryEdit((a) => checklist(a).set('__proto__', true)).ok).toBe(false);
    expect(tryEdit((a) => checklist(a).delete('call_back'))).toEqual({
      ok: true,
      changes: [
        {
          collection: 'alerts',
          id: ID,
          created: false,
          fields: {},
          removed: [['checklist', 'call_back']],
        },
      ],
    });
  });

  it('escalates once, never removes the unit or the status', () => {
    const { server, desk, alert, tryEdit } = setup('dispatched', { assignedUnit: 'unit-1' });
    Y.applyUpdate(
      server,
      capture(desk, () => alert.set('escalatedAt', '2025-03-01T21:30:00Z')),
    );
    expect(tryEdit((a) => a.set('escalatedAt', '2025-03-01T21:31:00Z'))).toEqual({
      ok: false,
      reason: `alerts/${ID}/escalatedAt: already set`,
    });
    expect(tryEdit((a) => a.delete('assignedUnit'))).toEqual({
      ok: false,
      reason: `alerts/${ID}/assignedUnit: may not be deleted`,
    });
    expect(tryEdit((a) => a.delete('status'))).toEqual({
      ok: false,
      reason: `alerts/${ID}/status: may not be deleted`,
    });
  });

  it('refuses creating alerts and writing server fields or collections', () => {
    const { server, desk, tryEdit } = setup();
    const create = attempt(desk, (d) => addRecord(d, 'alerts', { id: NOTE_ID, type: 'fire' }));
    expect(check(server, create)).toEqual({
      ok: false,
      reason: `alerts/${NOTE_ID}: not creatable by operator`,
    });
    expect(tryEdit((a) => a.set('reporterName', 'X'))).toEqual({
      ok: false,
      reason: `alerts/${ID}/reporterName: not writable by operator`,
    });
    expect(tryEdit((a) => (a.get('timeline') as Y.Array<unknown>).push([{}]))).toEqual({
      ok: false,
      reason: `alerts/${ID}/timeline/[]: not writable by operator`,
    });
    const unit = attempt(desk, (d) => addRecord(d, 'units', { id: NOTE_ID }));
    expect(check(server, unit)).toEqual({
      ok: false,
      reason: `units/${NOTE_ID}: not writable by operator`,
    });
  });

  it('works the request queue', () => {
    const server = docWithClient(1000);
    Y.applyUpdate(
      server,
      addRecord(server, 'requests', { id: NOTE_ID, category: 'trash', status: 'open' }),
    );
    const desk = docWithClient(1);
    pull(desk, server);
    const edit = (change: (req: Y.Map<unknown>) => void) =>
      check(
        server,
        attempt(desk, (d) => change(record(d, 'requests', NOTE_ID))),
      );
    const both = edit((req) => {
      req.set('status', 'in_progress');
      req.set('reply', 'Crew on Monday');
    });
    expect(fieldsOf(both)).toEqual({ status: 'in_progress', reply: 'Crew on Monday' });
    expect(edit((req) => req.set('status', 'done')).ok).toBe(false);
    expect(edit((req) => req.set('status', 'open')).ok).toBe(true); // the same: a no-op
    Y.applyUpdate(
      server,
      attempt(desk, (d) => record(d, 'requests', NOTE_ID).set('status', 'closed')),
    );
    pull(desk, server);
    // Forward only: a closed request is not reopened, but may still get a reply.
    expect(edit((req) => req.set('status', 'in_progress'))).toEqual({
      ok: false,
      reason: `requests/${NOTE_ID}/status: closed → in_progress not allowed`,
    });
    expect(fieldsOf(edit((req) => req.set('reply', 'Done')))).toEqual({ reply: 'Done' });
  });

  it('is read-only for residents and officers', () => {
    const { server, desk } = setup();
    const update = attempt(desk, (d) => record(d, 'alerts', ID).set('status', 'acknowledged'));
    const officer: Writer = { userId: 'o1', role: 'officer', unitId: 'unit-1' };
    expect(check(server, update, officer)).toEqual({
      ok: false,
      reason: 'ops: read-only for officer',
    });
    expect(check(server, update, { userId: 'c1', role: 'citizen', unitId: null }).ok).toBe(false);
    expect(check(server, update, { userId: 'a1', role: 'admin', unitId: null }).ok).toBe(true);
  });
});
