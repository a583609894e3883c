import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { TestSyncClient, until } from '../testing/sync-client.js';
import type { Me, SessionUser } from '../../shared/types.js';

let server: TestServer;
let resident: { token: string; user: SessionUser };

beforeAll(async () => {
  server = await startTestServer();
  resident = await server.login('vecino4');
});
afterAll(() => server.close());

const patch = (body: unknown, token?: string) =>
  server.request('/api/me', {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...(token ? { token } : {}),
  });

function raise(c: TestSyncClient): string {
  const id = randomUUID();
  const fields = {
    id,
    type: 'general',
    createdAt: new Date().toISOString(),
    location: null,
    note: '',
  };
  c.doc.transact(() => c.map('alerts').set(id, new Y.Map<unknown>(Object.entries(fields))));
  return id;
}

const shown = (c: TestSyncClient, id: string) =>
  (c.map('alerts').get(id) as Y.Map<unknown> | undefined)?.get('reporterName');

describe('PATCH /api/me', () => {
  it('sets "show my name to neighbours" and returns the profile', async () => {
    const res = await patch({ showName: false }, resident.token);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Me).showName).toBe(false);
    const me = (await (await server.request('/api/me', { token: resident.token })).json()) as Me;
    expect(me.showName).toBe(false);
    expect((await patch({ showName: true }, resident.token)).status).toBe(200);
  });

  it('validates the body and refuses fields it does not know', async () => {
    for (const bad of [{ showName: 'no' }, {}, { showName: true, role: 'admin' }]) {
      const res = await patch(bad, resident.token);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    }
    expect(server.services.storage.users.byId(resident.user.id)?.role).toBe('citizen');
  });

  it('needs a resident session', async () => {
    expect((await patch({ showName: false })).status).toBe(401);
    const staff = await server.login('oficial2');
    expect((await patch({ showName: false }, staff.token)).status).toBe(403);
  });

  it('takes the name off alerts neighbours still see, and off the next ones', async () => {
    const own = new TestSyncClient(server.url, `user:${resident.user.id}`, resident.token);
    const area = new TestSyncClient(server.url, `area:${resident.user.areaId}`, resident.token);
    await until(() => own.synced && area.synced);
    const first = raise(own);
    await until(() => typeof shown(area, first) === 'string');

    expect((await patch({ showName: false }, resident.token)).status).toBe(200);
    await until(() => shown(area, first) === undefined);
    // Over the socket opened before the change: the projection must read the new setting.
    const second = raise(own);
    await until(() => (area.map('alerts').get(second) as Y.Map<unknown> | undefined) !== undefined);
    expect(shown(area, second)).toBeUndefined();

    expect((await patch({ showName: true }, resident.token)).status).toBe(200);
    await until(
      () => typeof shown(area, first) === 'string' && typeof shown(area, second) === 'string',
    );
    own.close();
    area.close();
  });
});
