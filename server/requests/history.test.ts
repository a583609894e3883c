import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { TestSyncClient, until } from '../testing/sync-client.js';
import type { RequestHistoryEntry } from '../../shared/request-view.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const rec = (c: TestSyncClient, id: string) =>
  c.map('requests').get(id) as Y.Map<unknown> | undefined;
const history = (c: TestSyncClient, id: string) =>
  (rec(c, id)?.get('history') ?? []) as RequestHistoryEntry[];

it('shows operators every reply and step of a request, who made it and when, by name', async () => {
  const officer = await server.login('oficial1');
  const first = await server.login('operador1');
  const second = await server.login('operador2');
  const nameOf = (id: string) => server.services.storage.users.byId(id)!.name;
  const unit = new TestSyncClient(server.url, `unit:${officer.user.unitId}`, officer.token);
  const ops1 = new TestSyncClient(server.url, 'ops', first.token);
  const ops2 = new TestSyncClient(server.url, 'ops', second.token);
  await until(() => unit.synced && ops1.synced && ops2.synced);

  // An officer files it for a neighbour; two operators answer it.
  const id = randomUUID();
  const fields = {
    id,
    category: 'street_lighting',
    description: 'Vecina avisa: luminaria apagada',
    location: { lat: -32.9275, lng: -68.845, accuracy: 10 },
    createdAt: new Date().toISOString(),
    by: officer.user.id,
  };
  unit.doc.transact(() => unit.map('requests').set(id, new Y.Map<unknown>(Object.entries(fields))));
  await until(() => history(ops1, id).length === 1);
  expect(history(ops1, id)).toEqual([
    { kind: 'filed', at: expect.any(String), by: officer.user.id, name: nameOf(officer.user.id) },
  ]);

  rec(ops1, id)!.doc!.transact(() => {
    rec(ops1, id)!.set('status', 'acknowledged');
    rec(ops1, id)!.set('reply', 'Recibido, lo pasamos a alumbrado');
  });
  await until(() => history(ops2, id).length === 3);
  rec(ops2, id)!.set('reply', 'Alumbrado pasa el jueves');
  await until(() => history(ops1, id).length === 4);
  rec(ops2, id)!.set('status', 'closed');
  await until(() => history(ops1, id).length === 5);

  const steps = history(ops1, id).map(({ kind, name, status, reply }) => ({
    kind,
    name,
    ...(status ? { status } : {}),
    ...(reply ? { reply } : {}),
  }));
  expect(steps).toEqual([
    { kind: 'filed', name: nameOf(officer.user.id) },
    { kind: 'status', name: nameOf(first.user.id), status: 'acknowledged' },
    { kind: 'reply', name: nameOf(first.user.id), reply: 'Recibido, lo pasamos a alumbrado' },
    { kind: 'reply', name: nameOf(second.user.id), reply: 'Alumbrado pasa el jueves' },
    { kind: 'status', name: nameOf(second.user.id), status: 'closed' },
  ]);
  const times = history(ops1, id).map((h) => h.at);
  expect([...times].sort()).toEqual(times);
  // The officer's copy is the reporter's: answers, not who on the staff wrote them.
  expect(rec(unit, id)?.get('history')).toBeUndefined();
  for (const c of [unit, ops1, ops2]) c.close();
});
