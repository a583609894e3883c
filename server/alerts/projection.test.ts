import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { TestSyncClient, until } from '../testing/sync-client.js';
import { CloseCode } from '../../sync/protocol.js';
import type { AlertTypeCode } from '../../shared/types.js';

let server: TestServer;
let resident: { token: string; user: { id: string; areaId: string | null } };
let neighbour: { token: string; user: { id: string; areaId: string | null } };
let operator: { token: string };
let home: { lat: number; lng: number };

beforeAll(async () => {
  server = await startTestServer();
  resident = await server.login('vecino1');
  neighbour = resident; // another session of a reader of vecino1's area
  operator = await server.login('operador1');
  home = server.services.storage.users.byId(resident.user.id)!.home!;
});
afterAll(() => server.close());

function raise(c: TestSyncClient, type: AlertTypeCode, note = ''): string {
  const id = randomUUID();
  const fields = {
    id,
    type,
    createdAt: new Date().toISOString(),
    location: { ...home, accuracy: 12 },
    note,
  };
  c.doc.transact(() => c.map('alerts').set(id, new Y.Map<unknown>(Object.entries(fields))));
  return id;
}

const field = (c: TestSyncClient, id: string, key: string) =>
  (c.map('alerts').get(id) as Y.Map<unknown> | undefined)?.get(key);

describe('an alert from a resident', () => {
  it('is committed, receipted, stored and copied to ops and the area', async () => {
    const own = new TestSyncClient(server.url, `user:${resident.user.id}`, resident.token);
    const ops = new TestSyncClient(server.url, 'ops', operator.token);
    const area = new TestSyncClient(server.url, `area:${resident.user.areaId}`, neighbour.token);
    await until(() => own.synced && ops.synced && area.synced);

    const id = raise(own, 'general');
    await until(() => field(own, id, 'status') === 'received');
    expect(field(own, id, 'receivedAt')).toEqual(expect.any(String));
    await until(() => own.allStored);
    await until(() => field(ops, id, 'reporterId') === resident.user.id);
    await until(() => field(area, id, 'status') === 'received');
    // Neighbours get no exact location and no contact details (DESIGN §2).
    const pub = (area.map('alerts').get(id) as Y.Map<unknown>).toJSON();
    expect(pub).not.toHaveProperty('note');
    expect(pub).not.toHaveProperty('reporterPhone');
    expect(pub.location).not.toEqual({ ...home, accuracy: 12 });
    expect(server.services.storage.alerts.byId(id)?.status).toBe('received');
    for (const c of [own, ops, area]) c.close();
  });

  it('reaches operators without the bidi and control characters its note carried', async () => {
    const own = new TestSyncClient(server.url, `user:${resident.user.id}`, resident.token);
    const ops = new TestSyncClient(server.url, 'ops', operator.token);
    await until(() => own.synced && ops.synced);
    const id = raise(own, 'medical', 'portón\nllamar al \u202e119\u202c\u0007');
    await until(() => typeof field(ops, id, 'note') === 'string');
    expect(field(ops, id, 'note')).toBe('portón\nllamar al 119');
    expect(server.services.storage.alerts.byId(id)?.note).toBe('portón\nllamar al 119');
    for (const c of [own, ops]) c.close();
  });

  it('refuses a resident writing status on its own alert with 4403, changing nothing', async () => {
    const own = new TestSyncClient(server.url, `user:${resident.user.id}`, resident.token);
    await until(() => own.synced);
    const id = raise(own, 'medical');
    await until(() => field(own, id, 'status') === 'received');
    (own.map('alerts').get(id) as Y.Map<unknown>).set('status', 'resolved');
    expect(await own.closed).toBe(CloseCode.forbidden);
    expect(server.services.storage.alerts.byId(id)?.status).toBe('received');
    const serverDoc = server.services.sync.room(`user:${resident.user.id}`).doc;
    expect((serverDoc.getMap('alerts').get(id) as Y.Map<unknown>).get('status')).toBe('received');
  });

  it('never puts a silent alert in the area room', async () => {
    const own = new TestSyncClient(server.url, `user:${resident.user.id}`, resident.token);
    const ops = new TestSyncClient(server.url, 'ops', operator.token);
    const area = new TestSyncClient(server.url, `area:${resident.user.areaId}`, neighbour.token);
    await until(() => own.synced && ops.synced && area.synced);
    const id = raise(own, 'gender_violence');
    await until(() => field(ops, id, 'status') === 'received');
    await until(() => own.allStored);
    expect(area.map('alerts').has(id)).toBe(false);
    const serverArea = server.services.sync.room(`area:${resident.user.areaId}`).doc;
    expect(serverArea.getMap('alerts').has(id)).toBe(false);
    for (const c of [own, ops, area]) c.close();
  });

  it('is stored once when the same alert arrives twice, by socket and by HTTP', async () => {
    const own = new TestSyncClient(server.url, `user:${resident.user.id}`, resident.token);
    await until(() => own.synced);
    const id = raise(own, 'fire');
    await until(() => field(own, id, 'status') === 'received');
    const res = await server.request(`/api/sync/user:${resident.user.id}`, {
      method: 'POST',
      token: resident.token,
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(Y.encodeStateAsUpdate(own.doc)),
    });
    expect(res.status).toBe(200);
    const ops = server.services.sync.room('ops').doc.getMap('alerts');
    expect([...ops.keys()].filter((k) => k === id)).toHaveLength(1);
    expect(server.services.storage.alerts.events(id)).toHaveLength(1);
    own.close();
  });

  it('is delivered through the HTTP fallback, with the receipt in the reply', async () => {
    const offline = new Y.Doc();
    const id = randomUUID();
    offline.getMap('alerts').set(
      id,
      new Y.Map<unknown>(
        Object.entries({
          id,
          type: 'general',
          createdAt: new Date().toISOString(),
          location: null,
          note: 'sin señal',
        }),
      ),
    );
    const res = await server.request(`/api/sync/user:${resident.user.id}`, {
      method: 'POST',
      token: resident.token,
      body: new Uint8Array(Y.encodeStateAsUpdate(offline)),
    });
    expect(res.status).toBe(200);
    Y.applyUpdate(offline, new Uint8Array(await res.arrayBuffer()));
    expect((offline.getMap('alerts').get(id) as Y.Map<unknown>).get('status')).toBe('received');
  });

  it('applies the same write policy over HTTP', async () => {
    const serverDoc = server.services.sync.room(`user:${resident.user.id}`).doc;
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(serverDoc));
    const [someId] = [...copy.getMap('alerts').keys()];
    (copy.getMap('alerts').get(someId!) as Y.Map<unknown>).set('status', 'resolved');
    const res = await server.request(`/api/sync/user:${resident.user.id}`, {
      method: 'POST',
      token: resident.token,
      body: new Uint8Array(Y.encodeStateAsUpdate(copy, Y.encodeStateVector(serverDoc))),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });

  it('lets an operator acknowledge, stamping every room', async () => {
    const own = new TestSyncClient(server.url, `user:${resident.user.id}`, resident.token);
    const ops = new TestSyncClient(server.url, 'ops', operator.token);
    await until(() => own.synced && ops.synced);
    const id = raise(own, 'bicycle_theft');
    await until(() => field(ops, id, 'status') === 'received');
    (ops.map('alerts').get(id) as Y.Map<unknown>).set('status', 'acknowledged');
    await until(() => field(own, id, 'status') === 'acknowledged');
    const timeline = (ops.map('alerts').get(id) as Y.Map<unknown>).get('timeline') as Y.Array<{
      status: string;
    }>;
    await until(() => timeline.length === 2);
    expect(server.services.storage.alerts.byId(id)?.status).toBe('acknowledged');
    // Illegal: acknowledged → on_scene skips dispatch.
    (ops.map('alerts').get(id) as Y.Map<unknown>).set('status', 'on_scene');
    expect(await ops.closed).toBe(CloseCode.forbidden);
    expect(server.services.storage.alerts.byId(id)?.status).toBe('acknowledged');
    own.close();
  });
});
