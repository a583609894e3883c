import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { until } from '../testing/sync-client.js';
import { CloseCode } from '../../sync/protocol.js';
import type { GeoPoint } from '../../shared/types.js';
import { act, field, json, open, raise, rec, type Person } from './testing.js';

/**
 * The transition rules as the console meets them (DESIGN §4): legal steps are stamped in SQL
 * and carried to every room, illegal ones and the loser of two concurrent dispatches are
 * refused with 4403 and change nothing.
 */
let server: TestServer;
let resident: Person;
let op1: Person;
let op2: Person;
let home: GeoPoint;

beforeAll(async () => {
  server = await startTestServer();
  resident = (await server.login('vecino21')) as Person;
  op1 = (await server.login('operador1')) as Person;
  op2 = (await server.login('operador2')) as Person;
  home = server.services.storage.users.byId(resident.user.id)!.home!;
});
afterAll(() => server.close());

describe('an alert worked from the console', () => {
  it('goes received → acknowledged → dispatched → on scene → resolved, stamped everywhere', async () => {
    const own = await open(server, `user:${resident.user.id}`, resident);
    const ops = await open(server, 'ops', op1);
    const unit = await open(server, 'unit:unit-3', op2);
    const area = await open(server, `area:${resident.user.areaId}`, resident);
    const id = await raise(own, ops, 'general', home);
    // The workspace is there from the start: operators only add entries.
    expect(rec(ops, id).get('checklist')).toBeInstanceOf(Y.Map);
    expect(rec(ops, id).get('notes')).toBeInstanceOf(Y.Array);
    expect(field(ops, id, 'reporterName')).toEqual(expect.any(String));
    expect(field(ops, id, 'reporterFalseAlarms')).toBe(0);

    act(ops, id, { status: 'acknowledged' });
    await until(() => field(own, id, 'status') === 'acknowledged');
    act(ops, id, { assignedUnit: 'unit-3', status: 'dispatched' });
    await until(() => field(unit, id, 'status', 'dispatches') === 'dispatched');
    await until(() => field(own, id, 'status') === 'dispatched');
    await until(() => field(area, id, 'status') === 'dispatched');
    await until(() => field(ops, 'unit-3', 'status', 'units') === 'dispatched');
    expect(field(ops, 'unit-3', 'alertId', 'units')).toBe(id);

    act(ops, id, { status: 'on_scene' });
    await until(() => field(ops, 'unit-3', 'status', 'units') === 'on_scene');
    act(ops, id, { status: 'resolved', outcome: 'attended' });
    await until(() => field(own, id, 'status') === 'resolved');
    await until(() => field(ops, 'unit-3', 'status', 'units') === 'available');

    const storage = server.services.storage;
    expect(storage.alerts.byId(id)).toMatchObject({ status: 'resolved', assignedUnit: 'unit-3' });
    expect(storage.alerts.events(id).map((e) => e.status)).toEqual([
      'received',
      'acknowledged',
      'dispatched',
      'on_scene',
      'resolved',
    ]);
    const times = storage.console.responseTimes(id)!;
    for (const stamp of [
      times.receivedAt,
      times.acknowledgedAt,
      times.dispatchedAt,
      times.onSceneAt,
      times.closedAt,
    ])
      expect(stamp).toEqual(expect.any(String));
    expect(times.acknowledgedAt! <= times.dispatchedAt!).toBe(true);
    expect(times.onSceneAt! <= times.closedAt!).toBe(true);
    // The same stamps are each operator's timeline, with who made each step.
    const timeline = (rec(ops, id).get('timeline') as Y.Array<{ status: string; by: string }>)
      .toArray()
      .map((e) => [e.status, e.by === op1.user.id]);
    expect(timeline.slice(1)).toEqual([
      ['acknowledged', true],
      ['dispatched', true],
      ['on_scene', true],
      ['resolved', true],
    ]);
    const stats = await json<{ received: number; medians: Record<string, number | null> }>(
      await server.request('/api/console/stats', { token: op1.token }),
    );
    expect(stats.received).toBeGreaterThanOrEqual(1);
    expect(stats.medians.closed).toEqual(expect.any(Number));
    expect(storage.console.notes(id)).toEqual([]);
    for (const c of [own, ops, unit, area]) c.close();
  });

  it('refuses an illegal transition with 4403 and changes nothing', async () => {
    const own = await open(server, `user:${resident.user.id}`, resident);
    const ops = await open(server, 'ops', op1);
    const id = await raise(own, ops, 'medical', home);
    act(ops, id, { status: 'resolved' }); // received → resolved skips every step
    expect(await ops.closed).toBe(CloseCode.forbidden);
    expect(server.services.storage.alerts.byId(id)?.status).toBe('received');
    const serverOps = server.services.sync
      .room('ops')
      .doc.getMap('alerts')
      .get(id) as Y.Map<unknown>;
    expect(serverOps.get('status')).toBe('received');
    own.close();
  });

  it('keeps the first of two concurrent dispatches and refuses the second, visibly', async () => {
    const own = await open(server, `user:${resident.user.id}`, resident);
    const a = await open(server, 'ops', op1);
    const b = await open(server, 'ops', op2);
    const id = await raise(own, a, 'fire', home);
    act(a, id, { status: 'acknowledged' });
    await until(() => field(b, id, 'status') === 'acknowledged');
    // Both press "dispatch" on the same screen state, choosing different cars.
    act(a, id, { assignedUnit: 'unit-1', status: 'dispatched' });
    act(b, id, { assignedUnit: 'unit-2', status: 'dispatched' });
    expect(await b.closed).toBe(CloseCode.forbidden);
    await until(() => server.services.storage.alerts.byId(id)?.status === 'dispatched');
    expect(server.services.storage.alerts.byId(id)?.assignedUnit).toBe('unit-1');
    const b2 = await open(server, 'ops', op2); // the refused desk resyncs to the server's state
    expect(field(b2, id, 'assignedUnit')).toBe('unit-1');
    const dispatches = server.services.sync.room('unit:unit-2').doc.getMap('dispatches');
    expect(dispatches.has(id)).toBe(false);
    for (const c of [own, a, b2]) c.close();
  });

  it('lets two operators tick the checklist and write notes at once, losing nothing', async () => {
    const own = await open(server, `user:${resident.user.id}`, resident);
    const a = await open(server, 'ops', op1);
    const b = await open(server, 'ops', op2);
    const id = await raise(own, a, 'general', home);
    await until(() => b.map('alerts').has(id));
    const note = (who: Person, text: string) => ({
      id: crypto.randomUUID(),
      text,
      at: new Date().toISOString(),
      by: who.user.id,
    });
    a.doc.transact(() => {
      (rec(a, id).get('checklist') as Y.Map<unknown>).set('call_back', true);
      (rec(a, id).get('notes') as Y.Array<unknown>).push([note(op1, 'Llamé, no atiende')]);
    });
    b.doc.transact(() => {
      (rec(b, id).get('checklist') as Y.Map<unknown>).set('confirm_location', true);
      (rec(b, id).get('notes') as Y.Array<unknown>).push([note(op2, 'Vecino confirma ruidos')]);
    });
    await until(() => (rec(a, id).get('notes') as Y.Array<unknown>).length === 2);
    await until(() => (rec(b, id).get('checklist') as Y.Map<unknown>).size === 2);
    expect(a.closeCode).toBeNull();
    expect(b.closeCode).toBeNull();
    await until(() => server.services.storage.console.notes(id).length === 2);
    expect(
      server.services.storage.console
        .notes(id)
        .map((n) => n.by)
        .sort(),
    ).toEqual([op1.user.id, op2.user.id].sort());
    for (const c of [own, a, b]) c.close();
  });

  it('escalates once, recorded with time and operator', async () => {
    const own = await open(server, `user:${resident.user.id}`, resident);
    const a = await open(server, 'ops', op1);
    const id = await raise(own, a, 'gender_violence', home);
    act(a, id, { escalatedAt: new Date().toISOString() });
    await until(() => field(a, id, 'escalatedBy') === op1.user.id);
    expect(server.services.storage.console.responseTimes(id)?.escalatedAt).toEqual(
      expect.any(String),
    );
    act(a, id, { escalatedAt: new Date().toISOString() });
    expect(await a.closed).toBe(CloseCode.forbidden);
    own.close();
  });

  it('moves a unit on the board to where its crew last logged', async () => {
    const officer = (await server.login('oficial5')) as Person; // unit-3
    const car = await open(server, 'unit:unit-3', officer);
    const ops = await open(server, 'ops', op1);
    const id = crypto.randomUUID();
    const at = new Date().toISOString();
    car.doc.transact(() =>
      car.map('checkins').set(
        id,
        new Y.Map<unknown>(
          Object.entries({
            id,
            point: 'p1',
            kind: 'in',
            at,
            location: { lat: -32.93, lng: -68.85, accuracy: 8 },
            by: officer.user.id,
          }),
        ),
      ),
    );
    await until(() => field(ops, 'unit-3', 'positionAt', 'units') === at);
    expect(field(ops, 'unit-3', 'lat', 'units')).toBe(-32.93);
    for (const c of [car, ops]) c.close();
  });
});
