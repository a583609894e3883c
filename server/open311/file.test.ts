import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { TestSyncClient, until } from '../testing/sync-client.js';
import { issueKey, postForm, wellFormed } from './testing.js';

let server: TestServer;
let admin: string;
let operator: string;
let open311: { key: string; id: string };
let capOnly: { key: string; id: string };

beforeAll(async () => {
  server = await startTestServer({ OPEN311_POSTS_PER_MINUTE: '8' });
  admin = (await server.login('admin')).token;
  operator = (await server.login('operador1')).token;
  open311 = await issueKey(server, admin, 'Mesa de ayuda 147', ['open311']);
  capOnly = await issueKey(server, admin, 'Defensa Civil', ['cap']);
}, 60_000);
afterAll(() => server.close());

const CONTACT = {
  first_name: 'Rosalía',
  last_name: 'Quintanilla',
  email: 'rosalia.q@example.org',
  phone: '+54 261 555 0123',
};
const baseFiling = (extra: Record<string, string> = {}) => ({
  api_key: open311.key,
  jurisdiction_id: 'godoycruz.gob.ar',
  service_code: 'weeds',
  lat: '-32.9275',
  long: '-68.845',
  description: 'Yuyos altos frente a lo de Rosalía, <b>urgente</b> & rápido',
  ...CONTACT,
  ...extra,
});
const rec = (c: TestSyncClient, id: string) =>
  c.map('requests').get(id) as Y.Map<unknown> | undefined;

describe('Open311 filing', () => {
  it('puts a real request in the operators’ queue; their answer shows in GET', async () => {
    const ops = new TestSyncClient(server.url, 'ops', operator);
    await until(() => ops.synced);
    const res = await postForm(server, baseFiling());
    expect(res.status).toBe(201);
    const [made] = (await res.json()) as { service_request_id: string; service_notice: string }[];
    const id = made!.service_request_id;
    expect(server.services.storage.requests.byId(id)).toMatchObject({
      source: 'open311',
      reporterId: null,
      clientId: open311.id,
      category: 'weeds',
    });

    await until(() => rec(ops, id) !== undefined);
    expect(rec(ops, id)!.toJSON()).toMatchObject({
      source: 'open311',
      reporterName: 'Mesa de ayuda 147',
      clientId: open311.id,
      status: 'open',
      description: 'Yuyos altos frente a lo de Rosalía, <b>urgente</b> & rápido',
      contact: {
        firstName: 'Rosalía',
        lastName: 'Quintanilla',
        email: 'rosalia.q@example.org',
        phone: '+54 261 555 0123',
      },
      history: [expect.objectContaining({ kind: 'filed', name: 'Mesa de ayuda 147' })],
    });

    // The operator answers it as any other; GET shows it closed with the reply.
    rec(ops, id)!.doc!.transact(() => {
      rec(ops, id)!.set('status', 'closed');
      rec(ops, id)!.set('reply', 'Cuadrilla de espacios verdes: desmalezado el 5/12 <ok>');
    });
    await until(() => server.services.storage.requests.byId(id)?.status === 'closed');
    const [read] = (await (
      await server.request(`/open311/v2/requests/${id}.json`)
    ).json()) as Record<string, unknown>[];
    expect(read).toMatchObject({
      status: 'closed',
      status_notes: 'Cuadrilla de espacios verdes: desmalezado el 5/12 <ok>',
    });
    const xml = await (await server.request(`/open311/v2/requests/${id}.xml`)).text();
    expect(await wellFormed(xml)).toBeNull();
    expect(xml).toContain(
      '<status_notes>Cuadrilla de espacios verdes: desmalezado el 5/12 &lt;ok&gt;</status_notes>',
    );

    // Nothing the client sent about its citizen is public.
    for (const p of [
      `requests/${id}.json`,
      `requests/${id}.xml`,
      'requests.json',
      'requests.xml',
    ]) {
      const text = await (await server.request(`/open311/v2/${p}`)).text();
      for (const secret of [...Object.values(CONTACT), 'Yuyos', open311.id, 'Mesa de ayuda'])
        expect(text, `${p}: ${secret}`).not.toContain(secret);
    }
    ops.close();
  });

  it('answers in XML, takes JSON and a Bearer key too', async () => {
    const res = await postForm(server, baseFiling(), 'xml');
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const text = await res.text();
    expect(await wellFormed(text)).toBeNull();
    expect(text).toMatch(/<service_requests><request><service_request_id>[0-9a-f-]{36}</);

    const { api_key: _k, ...rest } = baseFiling();
    const json = await server.request('/open311/v2/requests.json', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${open311.key}` },
      body: JSON.stringify({ ...rest, lat: -32.9275, long: -68.845 }),
    });
    expect(json.status).toBe(201);
  });

  it('refuses a missing, wrong, revoked or other-scope key with 403 in the standard shape', async () => {
    const revoked = await issueKey(server, admin, 'Vieja mesa', ['open311']);
    await server.request(`/api/integrations/${revoked.id}/revoke`, {
      method: 'POST',
      token: admin,
    });
    const before = server.services.storage.requests.count();
    for (const key of ['', 'sac_guess', revoked.key, capOnly.key]) {
      const res = await postForm(server, baseFiling({ api_key: key }));
      expect(res.status, key).toBe(403);
      expect(await res.json()).toEqual([
        { code: 403, description: expect.stringMatching(/api_key/) },
      ]);
    }
    const xml = await postForm(server, baseFiling({ api_key: capOnly.key }), 'xml');
    expect(await xml.text()).toMatch(/<errors><error><code>403<\/code><description>api_key/);
    // A staff session is no key: Open311 filing is for other systems.
    const res = await postForm(server, baseFiling({ api_key: '' }), 'json', {
      authorization: `Bearer ${operator}`,
    });
    expect(res.status).toBe(403);
    expect(server.services.storage.requests.count()).toBe(before);
  });

  it('refuses bad input, other sites, other media types and oversized bodies', async () => {
    // A key of its own, so the filings here do not count against the others' rate.
    const { key } = await issueKey(server, admin, 'Cliente torpe', ['open311']);
    const filing = (extra: Record<string, string> = {}) => baseFiling({ api_key: key, ...extra });
    const cases: [Record<string, string>, RegExp][] = [
      [{ service_code: 'graffiti' }, /service_code/],
      [{ service_code: '' }, /service_code/],
      [{ lat: '' }, /lat/],
      [{ lat: 'abc' }, /lat/],
      [{ lat: '95' }, /lat/],
      [{ lat: '-34.6', long: '-58.4' }, /outside the city/],
      [{ email: 'not-an-address' }, /email/],
      [{ first_name: 'Ro\u202esa' }, /first_name/],
      [{ description: 'x'.repeat(1001) }, /description/],
      [{ jurisdiction_id: 'otra.gob.ar' }, /jurisdiction_id/],
    ];
    const before = server.services.storage.requests.count();
    for (const [extra, says] of cases) {
      const res = await postForm(server, filing(extra));
      expect(res.status, JSON.stringify(extra)).toBe(extra.jurisdiction_id ? 404 : 400);
      const [err] = (await res.json()) as { description: string }[];
      expect(err!.description).toMatch(says);
    }
    const noPlace = new URLSearchParams(filing());
    noPlace.delete('lat');
    noPlace.delete('long');
    noPlace.set('address_string', 'Perú 1234');
    const addr = await server.request('/open311/v2/requests.json', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: noPlace.toString(),
    });
    expect(addr.status).toBe(400);

    const cross = await postForm(server, filing(), 'xml', { origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    expect(await cross.text()).toMatch(/<errors><error><code>403<\/code>/);
    const text = await server.request('/open311/v2/requests.json', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: new URLSearchParams(filing()).toString(),
    });
    expect(text.status).toBe(415);
    expect(await text.json()).toEqual([{ code: 415, description: expect.any(String) }]);
    const big = await postForm(server, filing({ description: 'x'.repeat(20_000) }));
    expect(big.status).toBe(413);
    const broken = await server.request('/open311/v2/requests.json', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"service_code":',
    });
    expect(broken.status).toBe(400);
    expect(server.services.storage.requests.count()).toBe(before);
  });

  it('lets one key file only so many requests a minute', async () => {
    const own = await issueKey(server, admin, 'Cliente apurado', ['open311']);
    const codes: number[] = [];
    for (let i = 0; i < 10; i++)
      codes.push((await postForm(server, baseFiling({ api_key: own.key }))).status);
    expect(codes.slice(0, 8)).toEqual(Array(8).fill(201));
    const res = await postForm(server, baseFiling({ api_key: own.key }));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another key is not held back by it.
    const other = await issueKey(server, admin, 'Otro cliente', ['open311']);
    expect((await postForm(server, baseFiling({ api_key: other.key }))).status).toBe(201);
  });
});
