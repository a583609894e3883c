import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../sync/protocol.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { TestSyncClient } from '../testing/sync-client.js';

let server: TestServer;
let admin: string;
let operator: string;
let analyst: { token: string; user: { id: string } };

beforeAll(async () => {
  server = await startTestServer();
  admin = (await server.login('admin')).token;
  operator = (await server.login('operador1')).token;
  analyst = await server.login('analista1');
}, 60_000);

afterAll(() => server.close());

const create = (token: string, body: unknown) =>
  server.request('/api/users/staff', {
    method: 'POST',
    token,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const account = { username: 'analista.ruiz', password: 'Observatorio-2026!', name: 'Lucía Ruiz' };

describe('analyst accounts', () => {
  it('are created by an admin, sign in and read the observatory', async () => {
    const res = await create(admin, { ...account, role: 'analyst' });
    expect(res.status).toBe(201);
    const { user } = (await res.json()) as { user: { role: string; status: string } };
    expect(user).toMatchObject({ role: 'analyst', status: 'active' });
    const { token } = await server.login(account.username, account.password);
    expect((await server.request('/api/observatory/hours', { token })).status).toBe(200);
    expect((await server.request('/api/users', { token })).status).toBe(403);
    const audit = await server.request('/api/console/audit?action=user.created', { token: admin });
    expect(JSON.stringify(await audit.json())).toContain('user.created');
  });

  it('are listed for admins', async () => {
    const res = await server.request('/api/users/staff?role=analyst', { token: admin });
    const { staff } = (await res.json()) as { staff: { username: string }[] };
    expect(staff.map((s) => s.username)).toEqual(
      expect.arrayContaining(['analista1', account.username]),
    );
    expect(JSON.stringify(staff)).not.toMatch(/password|hash/i);
    expect((await server.request('/api/users/staff?role=admin', { token: admin })).status).toBe(
      400,
    );
  });

  it('are created by admins only, with a good password, a free name and a staff role', async () => {
    const other = { ...account, username: 'analista.otra' };
    expect((await create(operator, { ...other, role: 'analyst' })).status).toBe(403);
    expect((await create(analyst.token, { ...other, role: 'analyst' })).status).toBe(403);
    expect(
      (await server.request('/api/users/staff?role=analyst', { token: operator })).status,
    ).toBe(403);
    expect((await create(admin, { ...other, role: 'admin' })).status).toBe(400);
    expect((await create(admin, { ...other, role: 'citizen' })).status).toBe(400);
    expect((await create(admin, { ...other, password: 'demo1234', role: 'analyst' })).status).toBe(
      400,
    );
    expect((await create(admin, { ...account, role: 'analyst' })).status).toBe(409);
    expect((await create(admin, { ...other, role: 'analyst', unitId: 'unit-1' })).status).toBe(400);
  });

  it('open no sync room, not even their own', async () => {
    for (const room of [`user:${analyst.user.id}`, 'ops', 'area:area-1', 'unit:unit-1']) {
      const c = new TestSyncClient(server.url, room, analyst.token);
      expect(await c.closed, room).toBe(CloseCode.forbidden);
    }
  });
});
