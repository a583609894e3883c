import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { TestSyncClient, until } from '../testing/sync-client.js';
import { CloseCode } from '../../sync/protocol.js';
import { raiseAlert } from '../push/testing/alerts.js';
import type { GeoPoint } from '../../shared/types.js';

/**
 * Rooms at rest (their encoded state, no Y.Doc) on a real server: a phone's sync is answered
 * from the state, a write builds the doc and meets the write policy as before.
 */
let server: TestServer;
type Login = Awaited<ReturnType<TestServer['login']>>;
let resident: Login;
/** a second resident for the silent alert: past 3 alerts in 10 minutes none reach the area */
let other: Login;
let operator: Login;
let home: GeoPoint;

beforeAll(async () => {
  server = await startTestServer();
  resident = await server.login('vecino5');
  other = await server.login('vecino45');
  operator = await server.login('operador1');
  home = server.services.storage.users.byId(resident.user.id)!.home!;
});
afterAll(() => server.close());

const own = (who = resident) => `user:${who.user.id}`;
const area = (who = resident) => `area:${who.user.areaId}`;
const open = (room: string, token: string, doc?: Y.Doc) =>
  new TestSyncClient(server.url, room, token, doc);
const alertField = (doc: Y.Doc, id: string, key: string) =>
  (doc.getMap('alerts').get(id) as Y.Map<unknown> | undefined)?.get(key);

/** Everything durable, then every room that may rest put to rest. */
async function restAll(): Promise<void> {
  const sync = server.services.sync;
  for (let i = 0; i < 100; i++) {
    await sync.whenStored();
    sync.restIdle(0);
    if ([own(), area(), own(other), area(other)].every((r) => !sync.room(r).hydrated)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the rooms did not come to rest');
}

/** The state vector a client's doc holds, as the server encodes one. */
const vector = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

describe('a room at rest', () => {
  it('answers a sync with exactly its state and a receipt that covers it, without a doc', async () => {
    const writer = open(own(), resident.token);
    await until(() => writer.synced);
    const id = raiseAlert(writer, 'medical', home);
    await until(() => alertField(writer.doc, id, 'status') === 'received' && writer.allStored);
    writer.close();
    await restAll();
    const room = server.services.sync.room(own());
    const state = room.encodeState();

    // A new phone: the whole state.
    const fresh = open(own(), resident.token);
    await until(() => fresh.synced && fresh.stored !== null);
    expect(Y.encodeStateAsUpdate(fresh.doc)).toEqual(Y.encodeStateAsUpdate(docOf(state)));
    expect(fresh.stored).toEqual(vector(fresh.doc));
    // The same phone again: its half of the sync carries its delete set and nothing new.
    const again = open(own(), resident.token, writer.doc);
    await until(() => again.synced && again.allStored);
    expect(room.hydrated).toBe(false);
    expect(room.encodeState()).toBe(state);
    fresh.close();
    again.close();
  });

  it('builds its doc for a write, which the write policy still judges', async () => {
    const phone = open(own(), resident.token);
    await until(() => phone.synced);
    const id = raiseAlert(phone, 'fire', home);
    await until(() => alertField(phone.doc, id, 'status') === 'received' && phone.allStored);
    await restAll();
    const room = server.services.sync.room(own());

    // A resident may not write the status: refused, nothing changes.
    (phone.map('alerts').get(id) as Y.Map<unknown>).set('status', 'resolved');
    expect(await phone.closed).toBe(CloseCode.forbidden);
    expect(alertField(room.doc, id, 'status')).toBe('received');
    expect(server.services.storage.alerts.byId(id)?.status).toBe('received');

    // A new alert is taken, projected to ops and receipted.
    await restAll();
    const second = open(own(), resident.token);
    const ops = open('ops', operator.token);
    await until(() => second.synced && ops.synced);
    expect(room.hydrated).toBe(false);
    const next = raiseAlert(second, 'medical', home);
    await until(() => alertField(second.doc, next, 'status') === 'received' && second.allStored);
    await until(() => alertField(ops.doc, next, 'reporterId') === resident.user.id);
    expect(room.hydrated).toBe(true);
    expect(second.stored).toEqual(vector(second.doc));
    second.close();
    ops.close();
  });

  it('keeps a silent alert out of its area room, at rest or not', async () => {
    await restAll();
    const neighbours = open(area(other), other.token);
    const phone = open(own(other), other.token);
    const home = server.services.storage.users.byId(other.user.id)!.home!;
    const ops = open('ops', operator.token);
    await until(() => neighbours.synced && phone.synced && ops.synced);
    const silent = raiseAlert(phone, 'gender_violence', home);
    const loud = raiseAlert(phone, 'general', home);
    await until(() => alertField(ops.doc, silent, 'status') === 'received');
    // The public alert reaches the area, so the silent one had every chance to.
    await until(() => neighbours.map('alerts').has(loud));
    await until(() => phone.allStored);
    expect(neighbours.map('alerts').has(silent)).toBe(false);
    await restAll();
    const later = open(area(other), other.token);
    await until(() => later.synced);
    expect(later.map('alerts').has(loud)).toBe(true);
    expect(later.map('alerts').has(silent)).toBe(false);
    expect(server.services.sync.room(area(other)).doc.getMap('alerts').has(silent)).toBe(false);
    for (const c of [neighbours, phone, ops, later]) c.close();
  });

  it('refuses a write to a read-only room at rest, as before', async () => {
    await restAll();
    const reader = open(area(), resident.token);
    await until(() => reader.synced);
    reader.map('alerts').set('00000000-0000-4000-8000-000000000001', new Y.Map());
    expect(await reader.closed).toBe(CloseCode.forbidden);
  });

  it('answers the HTTP fallback from its state', async () => {
    await restAll();
    const phone = new Y.Doc();
    const res = await server.request(`/api/sync/${own()}`, {
      method: 'POST',
      token: resident.token,
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(Y.encodeStateAsUpdate(phone)),
    });
    expect(res.status).toBe(200);
    const reply = new Uint8Array(await res.arrayBuffer());
    const room = server.services.sync.room(own());
    expect(room.hydrated).toBe(false);
    expect(reply).toEqual(room.encodeState());
  });
});

function docOf(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}
