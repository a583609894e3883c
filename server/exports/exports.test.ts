import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_DATASETS } from '../storage/exports.js';
import type { TestServer } from '../testing/harness.js';
import {
  IDS,
  MARCH,
  TRICKY_NOTE,
  bodyText,
  csvRecords,
  parseCsv,
  startExportsServer,
} from './exports-fixture.js';

let server: TestServer;
let tokens: Record<string, string>;
let get: Awaited<ReturnType<typeof startExportsServer>>['get'];

beforeAll(async () => {
  ({ server, tokens, get } = await startExportsServer());
}, 60_000);

afterAll(() => server.close());

interface Feature {
  type: string;
  id: string;
  geometry: { type: string; coordinates: [number, number] } | null;
  properties: Record<string, unknown>;
}
interface Collection {
  type: string;
  sac: Record<string, unknown>;
  features: Feature[];
}

const EXPECTED = { alerts: 4, requests: 1, checkins: 1, conversations: 1 };

describe('exports for operators and analysts', () => {
  for (const who of ['operador1', 'analista1'] as const) {
    for (const dataset of EXPORT_DATASETS) {
      it(`${who}: ${dataset} as CSV and GeoJSON, the same rows`, async () => {
        const silentOut = who === 'analista1' && dataset === 'alerts' ? 1 : 0;
        const csv = await get(who, `${dataset}.csv`);
        expect(csv.status).toBe(200);
        expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
        expect(csv.headers.get('content-disposition')).toMatch(
          /^attachment; filename="sac-[a-z-]+-2020-03-01_2020-03-31\.csv"$/,
        );
        expect(csv.headers.get('cache-control')).toBe('no-store');
        const records = csvRecords(await bodyText(csv));
        expect(records).toHaveLength(EXPECTED[dataset] - silentOut);

        const geo = await get(who, `${dataset}.geojson`);
        expect(geo.status).toBe(200);
        expect(geo.headers.get('content-type')).toBe('application/geo+json');
        const fc = JSON.parse(await bodyText(geo)) as Collection;
        expect(fc.type).toBe('FeatureCollection');
        expect(fc.features.map((f) => f.id)).toEqual(records.map((r) => r.id));
        for (const f of fc.features) {
          expect(f.type).toBe('Feature');
          expect(Object.keys(f.properties)).not.toContain('lat');
        }
      });
    }
  }

  it('the file name follows the language; an alert in Spanish and in English', async () => {
    const en = await get('operador1', 'alerts.csv', { lang: 'en' });
    expect(en.headers.get('content-disposition')).toContain('sac-alerts-2020-03-01_2020-03-31.csv');
    const rows = csvRecords(await bodyText(en));
    expect(rows.find((r) => r.id === IDS.general)?.type_label).toBe('General alert');
    const es = csvRecords(await bodyText(await get('operador1', 'alerts.csv')));
    expect(es.find((r) => r.id === IDS.lateNoPosition)?.type_label).toBe('Emergencia médica');
  });
});

describe('CSV and GeoJSON as their standards have them', () => {
  it('RFC 4180: CRLF records, a field with comma, quote and line break quoted, accents intact, a BOM', async () => {
    const res = await get('operador1', 'alerts.csv');
    const bytes = new Uint8Array(await res.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = await bodyText(res);
    expect(text).toContain('"Dijo ""ayuda"", en la esquina\nSan Martín"');
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header?.slice(0, 3)).toEqual(['id', 'type', 'type_label']);
    for (const r of rows) expect(r).toHaveLength(header!.length);
    const records = csvRecords(text);
    const general = records.find((r) => r.id === IDS.general)!;
    expect(general.note).toBe(TRICKY_NOTE);
    expect(general.reporter_name).not.toBe('');
    // The city's clock with its offset, whole seconds.
    expect(general.received_at).toBe('2020-03-10T12:00:05-03:00');
    expect(general.lat).toBe('-32.927812');
    // A note that a spreadsheet would run as a formula is defused.
    expect(records.find((r) => r.id === IDS.fire)?.note).toBe(`'=HYPERLINK("http://x")`);
  });

  it('GeoJSON: [lng, lat], a null geometry without a position, what the file is in `sac`', async () => {
    const fc = JSON.parse(await bodyText(await get('operador1', 'alerts.geojson'))) as Collection;
    const general = fc.features.find((f) => f.id === IDS.general)!;
    expect(general.geometry).toEqual({ type: 'Point', coordinates: [-68.845237, -32.927812] });
    expect(general.properties.note).toBe(TRICKY_NOTE);
    expect(general.properties.siren_requested).toBe(false);
    expect(fc.features.find((f) => f.id === IDS.lateNoPosition)?.geometry).toBeNull();
    expect(fc.sac).toMatchObject({ dataset: 'alerts', from: MARCH.from, to: MARCH.to, rows: 4 });
  });

  it('analysts: no identities, no free text, positions on the ~100 m grid', async () => {
    const records = csvRecords(await bodyText(await get('analista1', 'alerts.csv')));
    const general = records.find((r) => r.id === IDS.general)!;
    for (const col of ['reporter_id', 'reporter_name', 'reporter_phone', 'note', 'accuracy_m'])
      expect(Object.keys(general)).not.toContain(col);
    expect(general.lat).toBe('-32.928');
    expect(general.lng).toBe('-68.8452');
    const text = await bodyText(await get('analista1', 'conversations.geojson'));
    expect(text).not.toContain('San Martín');
    const fc = JSON.parse(text) as Collection;
    expect(fc.features[0]?.properties).not.toHaveProperty('officer_name');
    expect(fc.features[0]?.properties.answer_feels_safe_night).toBe('no');
    const checkins = csvRecords(await bodyText(await get('analista1', 'checkins.csv')));
    expect(checkins[0]).not.toHaveProperty('officer_id');
    expect(checkins[0]?.area_id).toBe('area-7');
    expect(checkins[0]?.unit_label).not.toBe('');
    const requests = csvRecords(await bodyText(await get('analista1', 'requests.csv')));
    expect(requests[0]).not.toHaveProperty('description');
    expect(requests[0]).not.toHaveProperty('reporter_phone');
  });
});

describe('filters', () => {
  const ids = async (who: string, file: string, q: Record<string, string>) =>
    csvRecords(await bodyText(await get(who, file, q))).map((r) => r.id);

  it("period in the city's days: 23:30 on 1 March local is 1 March", async () => {
    expect(await ids('operador1', 'alerts.csv', { from: '2020-03-01', to: '2020-03-01' })).toEqual([
      IDS.lateNoPosition,
    ]);
    expect(
      await ids('operador1', 'alerts.csv', { from: '2020-03-02', to: '2020-03-31' }),
    ).not.toContain(IDS.lateNoPosition);
  });

  it('type, category and area', async () => {
    expect(await ids('operador1', 'alerts.csv', { type: 'fire' })).toEqual([IDS.fire]);
    expect(await ids('operador1', 'alerts.csv', { area: 'area-5' })).toEqual([IDS.fire]);
    expect(await ids('operador1', 'requests.csv', { type: 'street_lighting' })).toEqual([
      IDS.request,
    ]);
    expect(await ids('operador1', 'requests.csv', { type: 'trash' })).toEqual([]);
    expect(await ids('analista1', 'checkins.csv', { area: 'area-7' })).toEqual([IDS.checkin]);
    expect(await ids('analista1', 'checkins.csv', { area: 'area-3' })).toEqual([]);
    expect(await ids('analista1', 'conversations.csv', { area: 'area-3' })).toEqual([
      IDS.conversation,
    ]);
  });
});

describe('bad input and the wrong people', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['alerts.csv', { from: '' }, 'from'],
    ['alerts.csv', { from: '2020-02-30' }, 'from'],
    ['alerts.csv', { to: '31/03/2020' }, 'to'],
    ['alerts.csv', { from: '2020-04-01', to: '2020-03-01' }, 'from'],
    ['alerts.csv', { from: '2019-01-01', to: '2020-03-01' }, 'to'],
    ['alerts.csv', { type: 'earthquake' }, 'type'],
    ['alerts.csv', { type: 'trash' }, 'type'],
    ['requests.csv', { type: 'fire' }, 'type'],
    ['checkins.csv', { type: 'fire' }, 'type'],
    ['alerts.geojson', { area: 'area-999' }, 'area'],
    ['alerts.csv', { lang: 'fr' }, 'lang'],
    ['alerts.csv', { unit: 'unit-1' }, 'unit'],
    ['alerts.csv', { type: 'x'.repeat(500) }, 'type'],
  ];
  for (const [file, q, field] of cases) {
    it(`${file}?${new URLSearchParams(q)}: 400 naming ${field}`, async () => {
      const res = await get('operador1', file, q);
      expect(res.status).toBe(400);
      const body = (await res.json()) as {
        error: { code: string; field: string; message: string };
      };
      expect(body.error.code).toBe('bad_request');
      expect(body.error.field).toBe(field);
      expect(body.error.message.startsWith(`${field}:`)).toBe(true);
    });
  }

  it('a missing date is a 400 naming it; an unknown dataset or format a 404', async () => {
    const res = await server.request('/api/exports/alerts.csv?to=2020-03-01', {
      token: tokens.operador1,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('from');
    expect((await get('operador1', 'users.csv')).status).toBe(404);
    expect((await get('operador1', 'alerts.xlsx')).status).toBe(404);
    expect((await get('operador1', 'alerts')).status).toBe(404);
  });

  it('residents and officers 403, nobody 401: before anything is read or audited', async () => {
    const before = server.services.storage.audit.list(1000).length;
    expect((await get('vecino1', 'alerts.csv')).status).toBe(403);
    expect((await get('oficial1', 'conversations.csv')).status).toBe(403);
    expect((await get('vecino1', '')).status).toBe(403);
    const anon = await server.request(`/api/exports/alerts.csv?${new URLSearchParams(MARCH)}`);
    expect(anon.status).toBe(401);
    expect(server.services.storage.audit.list(1000).length).toBe(before);
  });

  it('GET / tells each role what its export holds', async () => {
    const res = await server.request('/api/exports', { token: tokens.analista1 });
    const body = (await res.json()) as {
      scope: string;
      datasets: { id: string; columns: string[] }[];
    };
    expect(body.scope).toBe('anonymised');
    const alerts = body.datasets.find((d) => d.id === 'alerts')!;
    expect(alerts.columns).not.toContain('reporter_name');
    const op = (await (await server.request('/api/exports', { token: tokens.admin })).json()) as {
      scope: string;
    };
    expect(op.scope).toBe('full');
  });
});
