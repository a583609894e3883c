import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { until } from '../testing/sync-client.js';
import type { GeoPoint } from '../../shared/types.js';
import { act, field, open, raise, rec, type Person } from './testing.js';

/**
 * What the console says about units is true: who of a crew is connected, a dispatch nobody
 * accepted is flagged after DISPATCH_ACCEPT_SECONDS (2 s here) and can be sent to another unit,
 * and the resident hears "on its way" only once a crew accepted.
 */
let server: TestServer;
let resident: Person;
let op: Person;
let home: GeoPoint;

beforeAll(async () => {
  server = await startTestServer({ DISPATCH_ACCEPT_SECONDS: '2' });
  resident = (await server.login('vecino23')) as Person;
  op = (await server.login('operador1')) as Person;
  home = server.services.storage.users.byId(resident.user.id)!.home!;
});
afterAll(() => server.close());

const crewOf = (ops: Awaited<ReturnType<typeof open>>, unit: string) =>
  (field(ops, unit, 'crew', 'units') ?? []) as { id: string; name: string }[];

describe('the units board', () => {
  it('names the officers connected to their unit, and when the last one left', async () => {
    const ops = await open(server, 'ops', op);
    await until(() => field(ops, 'unit-5', 'seenAt', 'units') === null);
    expect(crewOf(ops, 'unit-5')).toEqual([]);
    // An operator editing the unit's plan is not its crew.
    const planner = await open(server, 'unit:unit-5', op);
    const officer = (await server.login('oficial9')) as Person; // unit-5
    const phone = await open(server, 'unit:unit-5', officer);
    await until(() => crewOf(ops, 'unit-5').length === 1, 8000);
    expect(crewOf(ops, 'unit-5')[0]).toEqual({
      id: officer.user.id,
      name: server.services.storage.users.byId(officer.user.id)!.name,
    });
    phone.close();
    await until(() => crewOf(ops, 'unit-5').length === 0, 8000);
    expect(field(ops, 'unit-5', 'seenAt', 'units')).toEqual(expect.any(String));
    planner.close();
    ops.close();
  });
});

describe('a dispatch nobody accepts', () => {
  it('is flagged after the configured time, sent on to another unit, then accepted', async () => {
    const own = await open(server, `user:${resident.user.id}`, resident);
    const ops = await open(server, 'ops', op);
    const crew7 = (await server.login('oficial13')) as Person; // unit-7
    const car7 = await open(server, 'unit:unit-7', crew7);
    const car6 = await open(server, 'unit:unit-6', op);
    const id = await raise(own, ops, 'general', home);
    act(ops, id, { status: 'acknowledged' });
    await until(() => field(own, id, 'status') === 'acknowledged');
    act(ops, id, { assignedUnit: 'unit-6', status: 'dispatched' });
    await until(() => field(own, id, 'status') === 'dispatched');
    expect(field(ops, id, 'acceptOverdueAt')).toBeUndefined();
    await until(() => typeof field(ops, id, 'acceptOverdueAt') === 'string', 6000);
    // Nobody accepted: the resident is not told a unit is coming.
    expect(field(own, id, 'acceptedAt')).toBeUndefined();

    const res = await server.request(`/api/console/alerts/${id}/redispatch`, {
      method: 'POST',
      token: op.token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ unitId: 'unit-7' }),
    });
    expect(res.status).toBe(202);
    await until(() => field(ops, id, 'assignedUnit') === 'unit-7');
    await until(() => field(car7, id, 'status', 'dispatches') === 'dispatched');
    await until(() => field(car6, id, 'alertStatus', 'dispatches') === 'reassigned');
    await until(() => field(ops, id, 'acceptOverdueAt') === undefined);
    await until(() => field(ops, 'unit-7', 'alertId', 'units') === id);
    await until(() => field(ops, 'unit-6', 'status', 'units') === 'available');
    const storage = server.services.storage;
    expect(storage.alerts.byId(id)).toMatchObject({ status: 'dispatched', assignedUnit: 'unit-7' });
    const dispatches = storage.alerts.events(id).filter((e) => e.status === 'dispatched');
    expect(dispatches).toHaveLength(2);
    expect(dispatches[1]!.by).toBe(op.user.id);

    // The crew of unit-7 accepts: the resident now reads "on its way", and no warning follows.
    const dispatch = rec(car7, id, 'dispatches');
    car7.doc.transact(() => {
      dispatch.set('status', 'accepted');
      dispatch.set('acceptedAt', new Date().toISOString());
    });
    await until(() => typeof field(own, id, 'acceptedAt') === 'string');
    await until(() => field(ops, id, 'unitStatus') === 'accepted');
    expect(field(ops, id, 'acceptedAt')).toEqual(expect.any(String));
    await new Promise((r) => setTimeout(r, 2500));
    expect(field(ops, id, 'acceptOverdueAt')).toBeUndefined();

    // A late "accept" from the unit it was taken from changes nothing.
    const old = rec(car6, id, 'dispatches');
    expect(old.get('alertStatus')).toBe('reassigned');
    for (const c of [own, ops, car7, car6]) c.close();
  });

  it('is re-dispatched only by staff, to a real other unit, while still dispatched', async () => {
    const own = await open(server, `user:${resident.user.id}`, resident);
    const ops = await open(server, 'ops', op);
    const id = await raise(own, ops, 'medical', home);
    const post = (token: string, body: unknown, alertId = id) =>
      server.request(`/api/console/alerts/${alertId}/redispatch`, {
        method: 'POST',
        token,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const officer = (await server.login('oficial3')) as Person;
    expect((await post(officer.token, { unitId: 'unit-2' })).status).toBe(403);
    expect((await post(resident.token, { unitId: 'unit-2' })).status).toBe(403);
    const notYet = await post(op.token, { unitId: 'unit-2' });
    expect(notYet.status).toBe(409);
    expect(await notYet.json()).toEqual({
      error: { code: 'conflict', message: expect.any(String) },
    });

    act(ops, id, { status: 'acknowledged' });
    await until(() => server.services.storage.alerts.byId(id)?.status === 'acknowledged');
    act(ops, id, { assignedUnit: 'unit-8', status: 'dispatched' });
    await until(() => server.services.storage.alerts.byId(id)?.status === 'dispatched');
    expect((await post(op.token, { unitId: 'unit-8' })).status).toBe(409);
    expect((await post(op.token, { unitId: 'unit-99' })).status).toBe(400);
    expect((await post(op.token, {})).status).toBe(400);
    expect((await post(op.token, { unitId: 'unit-2' }, crypto.randomUUID())).status).toBe(404);
    const bad = await server.request(`/api/console/alerts/${id}/redispatch`, {
      method: 'POST',
      token: op.token,
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
    expect(server.services.storage.alerts.byId(id)?.assignedUnit).toBe('unit-8');
    own.close();
    ops.close();
  });
});
