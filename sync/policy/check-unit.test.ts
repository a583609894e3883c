import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate } from './check.js';
import { addRecord, attempt, capture, diff, docWithClient, pull, record } from './testing.js';
import type { CheckResult, Writer } from './types.js';

const room = { kind: 'unit', id: 'unit-3' } as const;
const officer: Writer = { userId: 'o1', role: 'officer', unitId: 'unit-3' };
const operator: Writer = { userId: 'op1', role: 'operator', unitId: null };
const ID = '4f1a6e2c-9b5d-4c7e-a0f1-1d2c3b4a5e6f';
const DISPATCH = '5a2b7f3d-0c6e-4d8f-b1a2-2e3d4c5b6a7f';

const checkin = (patch: Record<string, unknown> = {}) => ({
  id: ID,
  point: 'plaza-san-martin',
  kind: 'in',
  at: '2025-03-01T18:00:00-03:00',
  location: { lat: -32.93, lng: -68.84, accuracy: 8 },
  by: 'o1',
  ...patch,
});

const conversation = (patch: Record<string, unknown> = {}) => ({
  id: ID,
  at: '2025-03-01T18:05:00-03:00',
  location: null,
  answers: { feels_safe: 'yes', lighting_ok: 'unsure' },
  note: '',
  by: 'o1',
  ...patch,
});

/** The update `change` makes on a new phone doc (client 9). */
function fresh(change: (doc: Y.Doc) => void): Uint8Array {
  const doc = docWithClient(9);
  return capture(doc, () => change(doc));
}

function check(
  update: Uint8Array,
  writer: Writer = officer,
  server = docWithClient(1000),
): CheckResult {
  return checkUpdate(room, writer, server, update);
}

/** A unit room holding one dispatch the server created, and an officer's phone in sync. */
function withDispatch(status: string) {
  const server = docWithClient(1000);
  Y.applyUpdate(server, addRecord(server, 'dispatches', { id: DISPATCH, alertId: ID, status }));
  const phone = docWithClient(7);
  pull(phone, server);
  const tryStatus = (next: string): CheckResult =>
    check(
      attempt(phone, (d) => record(d, 'dispatches', DISPATCH).set('status', next)),
      officer,
      server,
    );
  return { server, phone, tryStatus };
}

describe('unit room', () => {
  it('accepts an officer check-in and reports it', () => {
    expect(check(addRecord(docWithClient(7), 'checkins', checkin()))).toEqual({
      ok: true,
      changes: [{ collection: 'checkins', id: ID, created: true, fields: checkin(), removed: [] }],
    });
  });

  it('refuses a check-in signed for someone else or badly shaped', () => {
    expect(check(addRecord(docWithClient(7), 'checkins', checkin({ by: 'o2' })))).toEqual({
      ok: false,
      reason: `checkins/${ID}/by: must be the writer`,
    });
    expect(check(addRecord(docWithClient(7), 'checkins', checkin({ kind: 'maybe' }))).ok).toBe(
      false,
    );
    expect(
      check(addRecord(docWithClient(7), 'checkins', checkin({ point: 'p'.repeat(65) }))).ok,
    ).toBe(false);
  });

  it('accepts conversation logs and bounds their answers', () => {
    expect(check(addRecord(docWithClient(7), 'conversations', conversation())).ok).toBe(true);
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`q${i}`, 'no']));
    expect(
      check(addRecord(docWithClient(7), 'conversations', conversation({ answers: many }))),
    ).toEqual({
      ok: false,
      reason: `conversations/${ID}/answers: more than 20 entries`,
    });
    const odd = conversation({ answers: { feels_safe: 'perhaps' } });
    expect(check(addRecord(docWithClient(7), 'conversations', odd)).ok).toBe(false);
  });

  it('accepts requests filed by an officer for a neighbour', () => {
    const request = {
      id: ID,
      category: 'abandoned_vehicle',
      description: 'White van, flat tyres, two weeks',
      location: null,
      createdAt: '2025-03-01T18:10:00-03:00',
      by: 'o1',
    };
    expect(check(addRecord(docWithClient(7), 'requests', request)).ok).toBe(true);
    const { by: _by, ...unsigned } = request;
    expect(check(addRecord(docWithClient(7), 'requests', unsigned))).toEqual({
      ok: false,
      reason: `requests/${ID}/by: required`,
    });
  });

  it('moves a dispatch forward, one step or skipping accepted, never skipping ahead', () => {
    expect(withDispatch('dispatched').tryStatus('accepted').ok).toBe(true);
    expect(withDispatch('dispatched').tryStatus('en_route').ok).toBe(true);
    expect(withDispatch('on_scene').tryStatus('done').ok).toBe(true);
    expect(withDispatch('dispatched').tryStatus('on_scene')).toEqual({
      ok: false,
      reason: `dispatches/${DISPATCH}/status: dispatched → on_scene not allowed`,
    });
    expect(withDispatch('accepted').tryStatus('dispatched').ok).toBe(false);
  });

  it('lets in a step the other phone of the car has passed (the server restores the furthest)', () => {
    // Refusing it would reset this phone's copy of the room and lose its offline records.
    expect(withDispatch('en_route').tryStatus('accepted').ok).toBe(true);
    expect(withDispatch('done').tryStatus('on_scene').ok).toBe(true);
  });

  it('accepts the phone’s time of each step with the step', () => {
    const { server, phone } = withDispatch('dispatched');
    const dispatch = record(phone, 'dispatches', DISPATCH);
    const at = '2025-03-01T03:12:00-03:00';
    capture(phone, () => {
      dispatch.set('status', 'accepted');
      dispatch.set('acceptedAt', at);
    });
    const r = check(diff(phone, server), officer, server);
    expect(r.ok && r.changes[0]?.fields).toEqual({ status: 'accepted', acceptedAt: at });
    const bad = attempt(phone, (d) => record(d, 'dispatches', DISPATCH).set('doneAt', 'soon'));
    expect(check(bad, officer, server).ok).toBe(false);
  });

  it('accepts a dispatch walked forward offline in one update', () => {
    const { server, phone } = withDispatch('dispatched');
    const dispatch = record(phone, 'dispatches', DISPATCH);
    for (const s of ['accepted', 'en_route', 'on_scene'])
      capture(phone, () => dispatch.set('status', s));
    const r = check(diff(phone, server), officer, server);
    expect(r.ok && r.changes[0]?.fields).toEqual({ status: 'on_scene' });
  });

  it('refuses officers creating dispatches or writing the plan', () => {
    const dispatch = addRecord(docWithClient(7), 'dispatches', { id: DISPATCH, status: 'done' });
    expect(check(dispatch)).toEqual({
      ok: false,
      reason: `dispatches/${DISPATCH}: not creatable by officer`,
    });
    const doc = docWithClient(7);
    const write = capture(doc, () => doc.getMap('plan').set('points', [{ id: 'p1' }]));
    expect(check(write)).toEqual({ ok: false, reason: 'plan/points: not writable by officer' });
  });

  it('lets operators write the plan, and only the plan', () => {
    const doc = docWithClient(9);
    const points = [{ id: 'plaza', lat: -32.93, lng: -68.84, from: '18:00', to: '20:00' }];
    const write = capture(doc, () => doc.getMap('plan').set('2025-03-01', points));
    expect(check(write, operator)).toEqual({
      ok: true,
      changes: [
        {
          collection: 'plan',
          id: '2025-03-01',
          created: true,
          fields: { value: points },
          removed: [],
        },
      ],
    });
    // Each refused attempt from a fresh phone: the server never applied the ones before.
    const huge = fresh((d) => d.getMap('plan').set('big', ['x'.repeat(70_000)]));
    expect(check(huge, operator)).toEqual({
      ok: false,
      reason: 'plan/big: larger than 65536 bytes',
    });
    const scalar = fresh((d) => d.getMap('plan').set('n', 3));
    expect(check(scalar, operator)).toEqual({
      ok: false,
      reason: 'plan/n: not a JSON object or array',
    });
    const nested = fresh((d) => d.getMap('plan').set('m', new Y.Map()));
    expect(check(nested, operator)).toEqual({ ok: false, reason: 'plan/m: must be a plain value' });
    expect(
      check(addRecord(docWithClient(9), 'checkins', checkin({ by: 'op1' })), operator),
    ).toEqual({
      ok: false,
      reason: `checkins/${ID}: not writable by operator`,
    });
  });

  it('is closed to officers of other units and to residents', () => {
    const update = addRecord(docWithClient(7), 'checkins', checkin());
    const stranger: Writer = { userId: 'o1', role: 'officer', unitId: 'unit-4' };
    expect(check(update, stranger)).toEqual({
      ok: false,
      reason: 'unit:unit-3: read-only for officer',
    });
    expect(check(update, { userId: 'o1', role: 'citizen', unitId: null }).ok).toBe(false);
  });
});

describe('area room', () => {
  it('refuses every write, whoever sends it', () => {
    const area = { kind: 'area', id: 'a7' } as const;
    const update = addRecord(docWithClient(7), 'alerts', { id: ID });
    for (const role of ['citizen', 'officer', 'operator', 'admin'] as const) {
      const writer: Writer = { userId: 'x', role, unitId: null };
      expect(checkUpdate(area, writer, docWithClient(1000), update)).toEqual({
        ok: false,
        reason: `area:a7: read-only for ${role}`,
      });
    }
  });
});
