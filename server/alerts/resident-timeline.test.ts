import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { TestSyncClient, until } from '../testing/sync-client.js';
import { CloseCode } from '../../sync/protocol.js';
import type { SessionUser } from '../../shared/types.js';

/** The resident follows an alert to the end, each step with its time. */
let server: TestServer;
let resident: { token: string; user: SessionUser };
let operator: { token: string };

beforeAll(async () => {
  server = await startTestServer();
  resident = await server.login('vecino7');
  operator = await server.login('operador2');
});
afterAll(() => server.close());

function raise(c: TestSyncClient): string {
  const id = randomUUID();
  const fields = {
    id,
    type: 'medical',
    createdAt: new Date().toISOString(),
    location: null,
    note: '',
  };
  c.doc.transact(() => c.map('alerts').set(id, new Y.Map<unknown>(Object.entries(fields))));
  return id;
}

const rec = (c: TestSyncClient, id: string) => c.map('alerts').get(id) as Y.Map<unknown>;
const timeline = (c: TestSyncClient, id: string) =>
  (rec(c, id)?.get('timeline') as Y.Array<unknown> | undefined)?.toJSON() ?? [];

describe('the resident’s timeline', () => {
  it('gets every step with its time, and never who the operator was', async () => {
    const own = new TestSyncClient(server.url, `user:${resident.user.id}`, resident.token);
    const ops = new TestSyncClient(server.url, 'ops', operator.token);
    await until(() => own.synced && ops.synced);
    const id = raise(own);
    await until(() => timeline(own, id).length === 1);
    expect(timeline(own, id)).toEqual([{ status: 'received', at: rec(own, id).get('receivedAt') }]);

    await until(() => rec(ops, id) !== undefined);
    rec(ops, id).set('status', 'acknowledged');
    await until(() => timeline(own, id).length === 2);
    ops.doc.transact(() => {
      rec(ops, id).set('assignedUnit', 'unit-2');
      rec(ops, id).set('status', 'dispatched');
    });
    await until(() => timeline(own, id).length === 3);
    rec(ops, id).set('status', 'on_scene');
    await until(() => timeline(own, id).length === 4);
    rec(ops, id).set('status', 'resolved');
    await until(() => timeline(own, id).length === 5);

    const steps = timeline(own, id) as { status: string; at: string }[];
    expect(steps.map((s) => s.status)).toEqual([
      'received',
      'acknowledged',
      'dispatched',
      'on_scene',
      'resolved',
    ]);
    for (const s of steps) expect(Object.keys(s).sort()).toEqual(['at', 'status']);
    expect(rec(own, id).get('unitLabel')).toBe('unit-2');
    own.close();
    ops.close();
  });

  it('is the server’s: the owner may not write it', async () => {
    const own = new TestSyncClient(server.url, `user:${resident.user.id}`, resident.token);
    await until(() => own.synced);
    const id = raise(own);
    await until(() => timeline(own, id).length === 1);
    (rec(own, id).get('timeline') as Y.Array<unknown>).push([
      { status: 'resolved', at: new Date().toISOString() },
    ]);
    expect(await own.closed).toBe(CloseCode.forbidden);
  });
});
