import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ImportRejection,
  ImportedLayer,
  ImportedSource,
} from '../../../shared/observatory-evaluation.js';
import { startTestServer, type TestServer } from '../../testing/harness.js';

let server: TestServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ DEMO_EVALUATION: '1' });
  for (const u of ['analista1', 'operador1', 'admin', 'vecino1', 'oficial1'])
    tokens[u] = (await server.login(u)).token;
}, 60_000);

afterAll(() => server.close());

const IN = { lat: -32.9275, lng: -68.845 };
const provenance = {
  name: 'Llamadas al 911 (muestra)',
  provider: '911 Mendoza',
  licence: 'CC-BY-4.0',
  from: '2026-01-01',
  to: '2026-03-31',
  precision: 'block',
  kind: 'incidents',
};
const GOOD = `lat;lng;fecha;categoria\r\n${IN.lat};${IN.lng};14/03/2026 22:30;robo\r\n${IN.lat + 0.002};${IN.lng};2026-02-01;hurto\r\n`;

function form(text: string, fields: Record<string, string> = provenance, name = 'muestra.csv') {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  f.set('file', new Blob([text], { type: 'text/csv' }), name);
  return f;
}

const post = (body: FormData | string, who?: string, headers: Record<string, string> = {}) =>
  server.request('/api/observatory/sources', {
    method: 'POST',
    body,
    token: who ? tokens[who] : undefined,
    headers,
  });
const get = (path: string, who: string) =>
  server.request(`/api/observatory${path}`, { token: tokens[who] });
const del = (id: string, who?: string) =>
  server.request(`/api/observatory/sources/${id}`, {
    method: 'DELETE',
    token: who ? tokens[who] : undefined,
  });
const recordCount = () => server.services.storage.imports.list().reduce((n, x) => n + x.records, 0);

describe('importing other sources', () => {
  it('imports, lists, draws as cells and deletes (audited)', async () => {
    const res = await post(form(GOOD), 'analista1');
    expect(res.status).toBe(201);
    const source = (await res.json()) as ImportedSource;
    expect(source).toMatchObject({
      ...provenance,
      format: 'csv',
      records: 2,
      importedBy: 'analista1',
    });

    const list = (await (await get('/sources', 'operador1')).json()) as ImportedSource[];
    expect(list.map((x) => x.id)).toContain(source.id);

    const layerRes = await get(`/sources/${source.id}/layer`, 'operador1');
    expect(layerRes.status).toBe(200);
    const layer = (await layerRes.json()) as ImportedLayer;
    expect(layer.meta).toMatchObject({ method: 'imported_records', sources: ['imported'], n: 2 });
    expect(layer.cells.reduce((n, c) => n + c.count, 0)).toBe(2);
    // Cells only: a square and a centroid, never the points.
    for (const c of layer.cells)
      expect(Object.keys(c).sort()).toEqual(['areaId', 'bounds', 'centre', 'count', 'id']);
    const march = (await (
      await get(`/sources/${source.id}/layer?from=2026-03-01&to=2026-03-31`, 'analista1')
    ).json()) as ImportedLayer;
    expect(march.meta.n).toBe(1);
    expect((await get(`/sources/${source.id}/layer?from=nope`, 'analista1')).status).toBe(400);
    expect((await get(`/sources/${source.id}/layer?area=area-999`, 'analista1')).status).toBe(400);

    expect((await del(source.id, 'admin')).status).toBe(204);
    expect((await get(`/sources/${source.id}/layer`, 'analista1')).status).toBe(404);
    expect((await del(source.id, 'analista1')).status).toBe(404);
    const actions = server.services.storage.audit.list(50).filter((a) => a.subject === source.id);
    expect(actions.map((a) => a.action).sort()).toEqual([
      'observatory.source.delete',
      'observatory.source.import',
    ]);
  });

  it('accepts GeoJSON as JSON too', async () => {
    const content = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [IN.lng, IN.lat] },
          properties: {},
        },
      ],
    });
    const res = await post(
      JSON.stringify({ ...provenance, kind: 'context', content, fileName: 'x.geojson' }),
      'analista1',
      {
        'content-type': 'application/json',
      },
    );
    expect(res.status).toBe(201);
    const source = (await res.json()) as ImportedSource;
    expect(source).toMatchObject({ format: 'geojson', kind: 'context', records: 1 });
    expect((await del(source.id, 'analista1')).status).toBe(204);
  });

  it('stores nothing when one row is bad, and names its line', async () => {
    const before = server.services.storage.imports.list().length;
    const records = recordCount();
    const res = await post(form(`${GOOD}${IN.lat};x;2026-02-01;hurto\r\n`), 'analista1');
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string }; rejection: ImportRejection };
    expect(body.error.code).toBe('bad_request');
    expect(body.rejection).toMatchObject({ code: 'bad_rows', unit: 'line', total: 1 });
    expect(body.rejection.rows).toEqual([
      expect.objectContaining({ line: 4, reason: 'bad_number' }),
    ]);
    expect(server.services.storage.imports.list().length).toBe(before);
    expect(recordCount()).toBe(records);
  });

  it('checks the provenance', async () => {
    const res = await post(form(GOOD, { ...provenance, from: '2026-04-01' }), 'analista1');
    expect(res.status).toBe(400);
    const bad = await post(form(GOOD, { ...provenance, precision: 'street' }), 'analista1');
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('precision');
    const control = await post(form(GOOD, { ...provenance, name: 'a\u202eb' }), 'analista1');
    expect(control.status).toBe(400);
  });

  it('refuses a file over 5 MB (413)', async () => {
    const big = `lat,lng\n${`${IN.lat},${IN.lng}\n`.repeat(400_000)}`;
    expect(big.length).toBeGreaterThan(5 * 1024 * 1024);
    const res = await post(form(big), 'analista1');
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('too_large');
  });

  it('refuses more than 50,000 records (413)', async () => {
    const many = `lat,lng\n${`${IN.lat},${IN.lng}\n`.repeat(50_001)}`;
    expect((await post(form(many), 'analista1')).status).toBe(413);
  });
});

describe('who may import', () => {
  it('asks for a session and refuses residents and officers', async () => {
    expect((await post(form(GOOD))).status).toBe(401);
    expect((await del('x')).status).toBe(401);
    for (const who of ['vecino1', 'oficial1']) {
      expect((await post(form(GOOD), who)).status).toBe(403);
      expect((await get('/sources', who)).status).toBe(403);
      expect((await del('x', who)).status).toBe(403);
    }
  });

  it('lets operators read but not import or delete', async () => {
    const res = await post(form(GOOD), 'analista1');
    const source = (await res.json()) as ImportedSource;
    expect((await post(form(GOOD), 'operador1')).status).toBe(403);
    expect((await del(source.id, 'operador1')).status).toBe(403);
    expect((await get('/sources', 'operador1')).status).toBe(200);
    expect((await del(source.id, 'analista1')).status).toBe(204);
  });

  it('refuses a form posted from another site', async () => {
    const before = server.services.storage.imports.list().length;
    const res = await post(form(GOOD), 'analista1', { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('cross_site');
    expect(server.services.storage.imports.list().length).toBe(before);
  });

  it('exports the list with names that cannot run as formulas', async () => {
    const res = await post(
      form(GOOD, { ...provenance, name: '=HYPERLINK("http://x")' }),
      'analista1',
    );
    const source = (await res.json()) as ImportedSource;
    const csv = await (await get('/sources.csv', 'operador1')).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    await del(source.id, 'analista1');
  });
});
