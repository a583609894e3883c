import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = (await server.login('admin')).token;
}, 60_000);
afterAll(() => server.close());

const issue = (token: string | undefined, body: unknown, headers: Record<string, string> = {}) =>
  server.request('/api/integrations', {
    method: 'POST',
    ...(token ? { token } : {}),
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const file = (key: string) =>
  server.request('/open311/v2/requests.json', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      api_key: key,
      service_code: 'trash',
      lat: '-32.9275',
      long: '-68.845',
    }).toString(),
  });

describe('API keys for other systems', () => {
  it('are issued once, listed without the key, revoked and then refused; all audited', async () => {
    const res = await issue(admin, { name: 'Mesa de ayuda 147', scopes: ['open311'] });
    expect(res.status).toBe(201);
    const { client, key } = (await res.json()) as { client: { id: string }; key: string };
    expect(key).toMatch(/^sac_/);
    expect((await file(key)).status).toBe(201);

    const list = await server.request('/api/integrations', { token: admin });
    const text = await list.text();
    expect(text).not.toContain(key);
    expect(text).not.toMatch(/hash/i);
    const { clients } = JSON.parse(text) as { clients: Record<string, unknown>[] };
    expect(clients.find((c) => c.id === client.id)).toMatchObject({
      name: 'Mesa de ayuda 147',
      scopes: ['open311'],
      keyPrefix: key.slice(0, 10),
      createdBy: expect.stringMatching(/\S/),
      lastUsedAt: expect.any(String),
      revokedAt: null,
    });

    const revoke = () =>
      server.request(`/api/integrations/${client.id}/revoke`, { method: 'POST', token: admin });
    expect((await revoke()).status).toBe(200);
    expect((await revoke()).status).toBe(409);
    expect((await file(key)).status).toBe(403);

    const audit = await server.request('/api/console/audit?action=integration.', { token: admin });
    const { entries } = (await audit.json()) as {
      entries: { action: string; subject: string; subjectLabel: string }[];
    };
    const mine = entries.filter((e) => e.subject === client.id);
    expect(mine.map((e) => e.action).sort()).toEqual(['integration.issued', 'integration.revoked']);
    expect(mine[0]!.subjectLabel).toBe('Mesa de ayuda 147');
  });

  it('are for admins only', async () => {
    for (const user of ['operador1', 'analista1', 'vecino1', 'oficial1']) {
      const { token } = await server.login(user);
      expect((await server.request('/api/integrations', { token })).status, user).toBe(403);
      expect((await issue(token, { name: 'Intruso', scopes: ['cap'] })).status, user).toBe(403);
    }
    expect((await server.request('/api/integrations')).status).toBe(401);
    expect((await issue(undefined, { name: 'Intruso', scopes: ['cap'] })).status).toBe(401);
    const { clients } = (await (
      await server.request('/api/integrations', { token: admin })
    ).json()) as { clients: { name: string }[] };
    expect(clients.map((c) => c.name)).not.toContain('Intruso');
  });

  it('refuse bad input, other sites, and unknown ids', async () => {
    for (const bad of [
      { name: 'X', scopes: ['open311'] },
      { name: 'x'.repeat(81), scopes: ['open311'] },
      { name: 'Bueno', scopes: [] },
      { name: 'Bueno', scopes: ['admin'] },
      { name: 'Bueno' },
      { name: 'Bue\u202eno', scopes: ['cap'] },
      { name: 'Bueno', scopes: ['cap'], key: 'sac_chosen' },
    ])
      expect((await issue(admin, bad)).status, JSON.stringify(bad)).toBe(400);
    expect(
      (await issue(admin, { name: 'Bueno', scopes: ['cap'] }, { origin: 'https://evil.example' }))
        .status,
    ).toBe(403);
    const junk = await server.request('/api/integrations', {
      method: 'POST',
      token: admin,
      headers: { 'content-type': 'text/plain' },
      body: '{"name":"Bueno","scopes":["cap"]}',
    });
    expect(junk.status).toBe(415);
    for (const id of ['nope', '00000000-0000-4000-8000-000000000000'])
      expect(
        (await server.request(`/api/integrations/${id}/revoke`, { method: 'POST', token: admin }))
          .status,
      ).toBe(404);
  });
});
