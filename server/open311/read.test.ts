import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { roundLocation } from '../../shared/geo.js';
import { REQUEST_CATEGORIES } from '../../shared/catalogue.js';
import type { SessionUser } from '../../shared/types.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { TestSyncClient, until } from '../testing/sync-client.js';
import { wellFormed } from './testing.js';

let server: TestServer;
let resident: { token: string; user: SessionUser };
const DESCRIPTION = 'Soy Marta, llamame al 2615550199, la luz de casa en Perú 1234 no anda';
const EXACT = { lat: -32.91234, lng: -68.85678, accuracy: 5 };
let requestId: string;

beforeAll(async () => {
  server = await startTestServer();
  resident = await server.login('vecino3');
  const own = new TestSyncClient(server.url, `user:${resident.user.id}`, resident.token);
  await until(() => own.synced);
  requestId = randomUUID();
  const fields = {
    id: requestId,
    category: 'street_lighting',
    description: DESCRIPTION,
    location: EXACT,
    createdAt: new Date().toISOString(),
  };
  own.doc.transact(() =>
    own.map('requests').set(requestId, new Y.Map<unknown>(Object.entries(fields))),
  );
  await until(() => (own.map('requests').get(requestId) as Y.Map<unknown>)?.get('status'));
  own.close();
}, 60_000);
afterAll(() => server.close());

const get = (path: string) => server.request(`/open311/v2/${path}`);

describe('Open311 services', () => {
  it('are the request categories, in JSON and XML, in Spanish or English', async () => {
    const res = await get('services.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const services = (await res.json()) as Record<string, unknown>[];
    expect(services.map((s) => s.service_code)).toEqual([...REQUEST_CATEGORIES]);
    expect(services[0]).toMatchObject({
      service_code: 'street_lighting',
      service_name: 'Alumbrado público',
      metadata: false,
      type: 'realtime',
    });
    const en = (await (await get('services.json?locale=en')).json()) as { service_name: string }[];
    expect(en[0]!.service_name).toBe('Street lighting');

    const xml = await get('services.xml');
    expect(xml.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const text = await xml.text();
    expect(await wellFormed(text)).toBeNull();
    expect(text).toContain(
      '<service><service_code>street_lighting</service_code><service_name>Alumbrado público</service_name>',
    );
  });

  it('have definitions without attributes; an unknown one is a 404 in the standard shape', async () => {
    expect(await (await get('services/trash.json')).json()).toEqual({
      service_code: 'trash',
      attributes: [],
    });
    const def = await (await get('services/trash.xml')).text();
    expect(await wellFormed(def)).toBeNull();
    expect(def).toContain('<service_definition><service_code>trash</service_code><attributes/>');
    const missing = await get('services/graffiti.json');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual([
      { code: 404, description: expect.stringMatching(/graffiti/) },
    ]);
    const xml = await get('services/graffiti.xml');
    expect(xml.status).toBe(404);
    expect(await xml.text()).toMatch(/<errors><error><code>404<\/code><description>.*graffiti/);
  });

  it('check the jurisdiction: absent or ours is fine, another is a clear error', async () => {
    expect((await get('services.json?jurisdiction_id=godoycruz.gob.ar')).status).toBe(200);
    const other = await get('services.xml?jurisdiction_id=mendoza.gov.ar');
    expect(other.status).toBe(404);
    expect(await other.text()).toContain('godoycruz.gob.ar');
  });
});

describe('Open311 requests, read by anyone', () => {
  it("show a resident's request without anything personal, on the ~100 m grid", async () => {
    const rows = (await (await get('requests.json')).json()) as Record<string, unknown>[];
    const mine = rows.find((r) => r.service_request_id === requestId)!;
    const rounded = roundLocation(EXACT);
    expect(mine).toMatchObject({
      status: 'open',
      status_notes: '',
      service_code: 'street_lighting',
      service_name: 'Alumbrado público',
      agency_responsible: 'Municipalidad de Godoy Cruz',
      lat: rounded.lat,
      long: rounded.lng,
      address: expect.stringMatching(/\S/),
    });
    expect(mine.requested_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-03:00$/);
    expect(mine.updated_datetime).toMatch(/-03:00$/);
    expect(mine).not.toHaveProperty('description');
    const one = (await (await get(`requests/${requestId}.json`)).json()) as unknown[];
    expect(one).toEqual([mine]);
  });

  it('never carry the reporter, their words or their exact place, in any answer', async () => {
    const me = server.services.storage.users.byId(resident.user.id)!;
    const secrets = [
      me.name,
      me.username,
      me.id,
      me.phone ?? 'no-phone',
      DESCRIPTION,
      'Marta',
      '2615550199',
      String(EXACT.lat),
      String(EXACT.lng),
    ];
    const paths = [
      'requests.json',
      'requests.xml',
      `requests/${requestId}.json`,
      `requests/${requestId}.xml`,
      `requests.json?service_request_id=${requestId}`,
      'requests.xml?status=open&service_code=street_lighting',
    ];
    for (const p of paths) {
      const text = await (await get(p)).text();
      expect(text, p).toContain(requestId);
      for (const s of secrets) expect(text, `${p} has ${s}`).not.toContain(s);
      if (p.includes('.xml')) expect(await wellFormed(text), p).toBeNull();
    }
  });

  it('filter by status, service code and dates', async () => {
    const ids = async (q: string) =>
      ((await (await get(`requests.json?${q}`)).json()) as { service_request_id: string }[]).map(
        (r) => r.service_request_id,
      );
    expect(await ids('status=open')).toContain(requestId);
    expect(await ids('status=closed')).not.toContain(requestId);
    expect(await ids('service_code=trash,weeds')).not.toContain(requestId);
    expect(await ids('service_code=trash,street_lighting')).toContain(requestId);
    const today = new Date().toISOString().slice(0, 10);
    expect(await ids(`start_date=2020-01-01&end_date=2020-02-01`)).toEqual([]);
    const from = encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString());
    expect(await ids(`start_date=${from}`)).toContain(requestId);
    expect(await ids(`end_date=${today}T00:00:00Z&start_date=${today}T00:00:00Z`)).not.toContain(
      requestId,
    );
  });

  it('answer bad filters and unknown requests with a clear 4xx in the standard shape', async () => {
    for (const q of [
      'status=pending',
      'service_code=graffiti',
      'start_date=yesterday',
      'end_date=2026-13-01',
      'start_date=2026-02-30',
      'start_date=2026-01-01T10:00',
      'start_date=2026-03-01&end_date=2026-01-01',
      'start_date=2025-01-01&end_date=2026-01-01',
      'service_request_id=1;2',
    ]) {
      const res = await get(`requests.json?${q}`);
      expect(res.status, q).toBe(400);
      const body = (await res.json()) as { code: number; description: string }[];
      expect(body, q).toEqual([{ code: 400, description: expect.any(String) }]);
      const xml = await get(`requests.xml?${q}`);
      expect(xml.status, q).toBe(400);
      expect(await wellFormed(await xml.text())).toBeNull();
    }
    const unknown = await get(`requests/${randomUUID()}.xml`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/^<\?xml[^]*<errors><error><code>404<\/code>/);
    expect((await get('requests/nope.json')).status).toBe(404);
    expect((await get('requests.csv')).status).toBe(404);
    expect((await get('nothing.json')).status).toBe(404);
  });
});
