import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate } from './check.js';
import { attempt, capture, docWithClient, pull, record } from './testing.js';
import type { CheckResult, Writer } from './types.js';

/** The ops rules the operator console relies on: dispatch, escalation, outcome. */
const room = { kind: 'ops' } as const;
const op: Writer = { userId: 'op1', role: 'operator', unitId: null };
const ID = '5b1e4c0a-7f3b-4a5c-9e8d-9b0a1f2c3d4e';

function setup(status: string, extra: Record<string, unknown> = {}) {
  const server = docWithClient(1000);
  server.transact(() => {
    const rec = new Y.Map<unknown>(Object.entries({ id: ID, type: 'general', status, ...extra }));
    rec.set('timeline', new Y.Array());
    server.getMap('alerts').set(ID, rec);
  });
  const desk = docWithClient(1);
  pull(desk, server);
  const tryEdit = (edit: (alert: Y.Map<unknown>) => void): CheckResult =>
    checkUpdate(
      room,
      op,
      server,
      attempt(desk, (d) => edit(record(d, 'alerts', ID))),
    );
  return { server, desk, tryEdit };
}

describe('ops room, console rules', () => {
  it('assigns a unit only in the update that dispatches', () => {
    const { tryEdit } = setup('acknowledged');
    expect(tryEdit((a) => a.set('assignedUnit', 'unit-1'))).toEqual({
      ok: false,
      reason: `alerts/${ID}/assignedUnit: a unit is assigned only when dispatching`,
    });
    expect(
      tryEdit((a) => {
        a.set('assignedUnit', 'unit-1');
        a.set('status', 'resolved');
      }).ok,
    ).toBe(false);
    const dispatched = setup('dispatched', { assignedUnit: 'unit-1' });
    expect(dispatched.tryEdit((a) => a.set('assignedUnit', 'unit-2')).ok).toBe(false);
  });

  it('refuses the second of two concurrent dispatches instead of letting its unit win', () => {
    const { server, desk } = setup('acknowledged');
    const other = docWithClient(2);
    pull(other, server);
    const dispatch = (doc: Y.Doc, unit: string) =>
      capture(doc, () => {
        record(doc, 'alerts', ID).set('assignedUnit', unit);
        record(doc, 'alerts', ID).set('status', 'dispatched');
      });
    const first = dispatch(desk, 'unit-1');
    const second = dispatch(other, 'unit-2');
    expect(checkUpdate(room, op, server, first).ok).toBe(true);
    Y.applyUpdate(server, first);
    expect(checkUpdate(room, op, server, second)).toEqual({
      ok: false,
      reason: `alerts/${ID}/assignedUnit: a unit is assigned only when dispatching`,
    });
  });

  it('escalates only an open alert', () => {
    expect(
      setup('dispatched').tryEdit((a) => a.set('escalatedAt', '2025-03-01T21:30:00Z')).ok,
    ).toBe(true);
    expect(setup('resolved').tryEdit((a) => a.set('escalatedAt', '2025-03-01T21:30:00Z'))).toEqual({
      ok: false,
      reason: `alerts/${ID}/escalatedAt: alert is closed`,
    });
  });

  it('takes an outcome only with the resolution', () => {
    const { tryEdit } = setup('on_scene');
    expect(tryEdit((a) => a.set('outcome', 'attended'))).toEqual({
      ok: false,
      reason: `alerts/${ID}/outcome: outcome only when resolving`,
    });
    const resolved = tryEdit((a) => {
      a.set('status', 'resolved');
      a.set('outcome', 'arrest');
    });
    expect(resolved.ok && resolved.changes[0]?.fields).toEqual({
      status: 'resolved',
      outcome: 'arrest',
    });
    expect(
      tryEdit((a) => {
        a.set('status', 'resolved');
        a.set('outcome', 'lost');
      }).ok,
    ).toBe(false);
  });

  it('lets operators add to the checklist and notes the server created', () => {
    const { tryEdit } = setup('received', {});
    const withContainers = setup('received');
    withContainers.server.transact(() => {
      const rec = record(withContainers.server, 'alerts', ID);
      rec.set('checklist', new Y.Map());
      rec.set('notes', new Y.Array());
    });
    pull(withContainers.desk, withContainers.server);
    expect(
      withContainers.tryEdit((a) => (a.get('checklist') as Y.Map<unknown>).set('call_back', true))
        .ok,
    ).toBe(true);
    expect(withContainers.tryEdit((a) => a.set('checklist', new Y.Map()))).toEqual({
      ok: false,
      reason: `alerts/${ID}/checklist: already exists`,
    });
    expect(tryEdit((a) => a.set('notes', new Y.Array())).ok).toBe(true);
  });
});
