import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { TestSyncClient, until } from '../testing/sync-client.js';
import { CloseCode } from '../../sync/protocol.js';
import type { SessionUser } from '../../shared/types.js';

let server: TestServer;
let resident: { token: string; user: SessionUser };
let officer: { token: string; user: SessionUser };
let operator: { token: string; user: SessionUser };

beforeAll(async () => {
  server = await startTestServer();
  resident = await server.login('vecino3');
  officer = await server.login('oficial1');
  operator = await server.login('operador1');
});
afterAll(() => server.close());

/** A request as a client files it (sync/policy REQUEST_FIELDS), `extra` for officers' `by`. */
function file(c: TestSyncClient, extra: Record<string, unknown> = {}): string {
  const id = randomUUID();
  const fields = {
    id,
    category: 'street_lighting',
    description: 'La luz de la esquina no anda',
    location: { lat: -32.9, lng: -68.86, accuracy: 0 },
    createdAt: new Date().toISOString(),
    ...extra,
  };
  c.doc.transact(() => c.map('requests').set(id, new Y.Map<unknown>(Object.entries(fields))));
  return id;
}

const rec = (c: TestSyncClient, id: string) =>
  c.map('requests').get(id) as Y.Map<unknown> | undefined;

describe('a resident’s neighbour request', () => {
  it('is committed, receipted, copied to ops, and answers flow back', async () => {
    const own = new TestSyncClient(server.url, `user:${resident.user.id}`, resident.token);
    const ops = new TestSyncClient(server.url, 'ops', operator.token);
    await until(() => own.synced && ops.synced);

    const id = file(own);
    await until(() => rec(own, id)?.get('status') === 'open');
    expect(rec(own, id)?.get('receivedAt')).toEqual(expect.any(String));
    await until(() => rec(ops, id) !== undefined);
    expect(rec(ops, id)!.toJSON()).toMatchObject({
      id,
      category: 'street_lighting',
      description: 'La luz de la esquina no anda',
      location: { lat: -32.9, lng: -68.86, accuracy: 0 },
      status: 'open',
      reporterId: resident.user.id,
      reporterName: expect.any(String),
      source: 'resident',
      receivedAt: expect.any(String),
    });
    const row = server.services.storage.requests.byId(id);
    expect(row).toMatchObject({ source: 'resident', status: 'open', unitId: null });
    expect(row?.areaId).toMatch(/^area-/);

    // The operator answers in ops; the resident's room gets status, reply and its time.
    rec(ops, id)!.doc!.transact(() => {
      rec(ops, id)!.set('status', 'in_progress');
      rec(ops, id)!.set('reply', 'Mañana pasa la cuadrilla');
    });
    await until(() => rec(own, id)?.get('status') === 'in_progress');
    expect(rec(own, id)?.get('reply')).toBe('Mañana pasa la cuadrilla');
    expect(rec(own, id)?.get('statusAt')).toEqual(expect.any(String));
    const updates = rec(own, id)?.get('updates') as Y.Array<unknown>;
    expect(updates.toJSON()).toEqual([
      { status: 'in_progress', reply: 'Mañana pasa la cuadrilla', at: expect.any(String) },
    ]);
    expect(server.services.storage.requests.byId(id)).toMatchObject({
      status: 'in_progress',
      reply: 'Mañana pasa la cuadrilla',
    });

    rec(ops, id)!.set('status', 'closed');
    await until(() => rec(own, id)?.get('status') === 'closed');
    expect(server.services.storage.requests.events(id).map((e) => e.status)).toEqual([
      'in_progress',
      'closed',
    ]);

    // A reply alone is audited as a reply, not as the status again.
    rec(ops, id)!.set('reply', 'Ya quedó arreglada');
    await until(() => rec(own, id)?.get('reply') === 'Ya quedó arreglada');
    const audited = server.services.storage.console
      .audit({ limit: 500, action: 'request.' })
      .filter((e) => e.subject === id)
      .map((e) => e.action)
      .reverse();
    expect(audited).toEqual([
      'request.in_progress',
      'request.reply',
      'request.closed',
      'request.reply',
    ]);
    own.close();
    ops.close();
  });

  it('may not be answered by its own reporter', async () => {
    const own = new TestSyncClient(server.url, `user:${resident.user.id}`, resident.token);
    await until(() => own.synced);
    const id = file(own);
    await until(() => rec(own, id)?.get('status') === 'open');
    rec(own, id)!.set('status', 'closed');
    expect(await own.closed).toBe(CloseCode.forbidden);
    expect(server.services.storage.requests.byId(id)?.status).toBe('open');
  });

  it('filed offline and cancelled before delivery arrives once, cancelled, over HTTP', async () => {
    const offline = new Y.Doc();
    const id = randomUUID();
    const at = new Date().toISOString();
    offline.getMap('requests').set(
      id,
      new Y.Map<unknown>(
        Object.entries({
          id,
          category: 'trash',
          description: 'Bolsas en la vereda',
          location: null,
          createdAt: at,
          cancelledAt: at,
        }),
      ),
    );
    const post = () =>
      server.request(`/api/sync/user:${resident.user.id}`, {
        method: 'POST',
        token: resident.token,
        body: new Uint8Array(Y.encodeStateAsUpdate(offline)),
      });
    const res = await post();
    expect(res.status).toBe(200);
    Y.applyUpdate(offline, new Uint8Array(await res.arrayBuffer()));
    expect((offline.getMap('requests').get(id) as Y.Map<unknown>).get('status')).toBe('open');
    expect((await post()).status).toBe(200);
    expect(server.services.storage.requests.byId(id)?.cancelledAt).toBe(at);
    const ops = server.services.sync.room('ops').doc.getMap('requests').get(id) as Y.Map<unknown>;
    expect(ops.get('cancelledAt')).toBe(at);
    // No location: the area comes from the resident's home.
    expect(server.services.storage.requests.byId(id)?.areaId).toBe(resident.user.areaId);
  });
});

describe('an officer’s request for a neighbour', () => {
  it('goes through the same projection, source officer, answered in the unit room', async () => {
    const unit = officer.user.unitId!;
    const car = new TestSyncClient(server.url, `unit:${unit}`, officer.token);
    const ops = new TestSyncClient(server.url, 'ops', operator.token);
    await until(() => car.synced && ops.synced);

    const id = file(car, { category: 'abandoned_vehicle', by: officer.user.id });
    await until(() => rec(car, id)?.get('status') === 'open');
    await until(() => rec(ops, id) !== undefined);
    expect(rec(ops, id)!.toJSON()).toMatchObject({
      source: 'officer',
      unitId: unit,
      reporterId: officer.user.id,
      category: 'abandoned_vehicle',
    });
    expect(server.services.storage.requests.byId(id)).toMatchObject({
      source: 'officer',
      unitId: unit,
    });

    rec(ops, id)!.set('status', 'acknowledged');
    await until(() => rec(car, id)?.get('status') === 'acknowledged');
    // Not copied into anyone's user room.
    const residentRoom = server.services.sync.room(`user:${officer.user.id}`).doc;
    expect(residentRoom.getMap('requests').has(id)).toBe(false);
    car.close();
    ops.close();
  });
});
