import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HotspotResult, HourWeekResult, SilentCounts } from '../../shared/observatory.js';
import { SILENT_MIN_COUNT } from '../../shared/observatory.js';
import { startTestServer, type TestServer } from '../testing/harness.js';

let server: TestServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const u of ['analista1', 'operador1', 'admin', 'vecino1', 'oficial1'])
    tokens[u] = (await server.login(u)).token;
}, 60_000);

afterAll(() => server.close());

const get = (path: string, who?: string, headers: Record<string, string> = {}) =>
  server.request(`/api/observatory${path}`, { token: who ? tokens[who] : undefined, headers });

const ANALYSES = ['/hotspots', '/emerging', '/hours', '/trends'];
const EXPORTS = [
  '/hotspots.csv',
  '/emerging.csv',
  '/hours.csv',
  '/trends.csv',
  '/hotspots.geojson',
  '/emerging.geojson',
];

describe('who may read the observatory', () => {
  it('answers analysts, operators and admins every figure and export', async () => {
    for (const who of ['analista1', 'operador1', 'admin'])
      for (const path of [...ANALYSES, ...EXPORTS]) {
        const res = await get(path, who);
        expect(res.status, `${who} ${path}`).toBe(200);
      }
  });

  it('asks for a session (401) and refuses residents and officers (403)', async () => {
    for (const path of [...ANALYSES, ...EXPORTS, '/silent']) {
      expect((await get(path)).status, path).toBe(401);
      expect((await get(path, 'vecino1')).status, path).toBe(403);
      expect((await get(path, 'oficial1')).status, path).toBe(403);
    }
  });

  it('gives the silent counts to operators and admins, never to an analyst', async () => {
    expect((await get('/silent', 'analista1')).status).toBe(403);
    for (const who of ['operador1', 'admin']) {
      const res = await get('/silent?from=2025-01-01&to=2026-12-31', who);
      expect(res.status).toBe(200);
      const body = (await res.json()) as SilentCounts;
      expect(body.meta).toMatchObject({ method: 'silent_counts', suppressedBelow: 5 });
      for (const r of body.rows) {
        expect(Object.keys(r).sort()).toEqual(['areaId', 'count', 'month']);
        if (r.count !== null) expect(r.count).toBeGreaterThanOrEqual(SILENT_MIN_COUNT);
      }
      // Every area and month has a row, so a hidden count cannot be told from none.
      expect(body.rows.length).toBe(server.services.city.areas.length * 24);
    }
  });

  it('counts silent alerts the centre took per area and month, and nothing under five', async () => {
    const s = server.services.storage;
    const reporter = s.users.byUsername('vecino40')!;
    const add = (status: 'acknowledged' | 'false_alarm' | 'received', day: number) => {
      const at = `2024-06-${String(day).padStart(2, '0')}T15:00:00.000Z`;
      s.alerts.insert({
        id: crypto.randomUUID(),
        reporterId: reporter.id,
        type: 'gender_violence',
        createdAt: at,
        receivedAt: at,
        location: { lat: -32.93, lng: -68.85, accuracy: 5 },
        note: '',
        areaId: 'area-40',
        status,
        statusAt: at,
        sirenRequested: false,
        flagged: false,
        assignedUnit: null,
      });
    };
    const june = async () => {
      const res = await get('/silent?from=2024-05-01&to=2024-07-31', 'operador1');
      const body = (await res.json()) as SilentCounts;
      return body.rows.find((r) => r.areaId === 'area-40' && r.month === '2024-06')!.count;
    };
    for (const d of [1, 2, 3, 4]) add('acknowledged', d);
    add('false_alarm', 5);
    add('received', 6);
    expect(await june()).toBeNull();
    add('acknowledged', 7);
    expect(await june()).toBe(5);
    const bad = await get('/silent?from=2024-08-01&to=2024-07-01', 'operador1');
    expect(bad.status).toBe(400);
  });

  it('keeps an analyst out of every staff route', async () => {
    for (const path of [
      '/api/users',
      '/api/users/residents',
      '/api/users/locks',
      '/api/console/stats',
      '/api/console/staff',
      '/api/console/alerts',
      '/api/console/flagged',
      '/api/console/audit',
      '/api/units',
    ]) {
      const res = await server.request(path, { token: tokens.analista1 });
      expect([403, 404], path).toContain(res.status);
      expect(res.status, path).not.toBe(200);
    }
    const release = await server.request('/api/console/alerts/x/release', {
      method: 'POST',
      token: tokens.analista1,
    });
    expect(release.status).toBe(403);
  });
});

describe('the filter', () => {
  const cases: [string, string][] = [
    ['?from=2026-02-30', 'from'],
    ['?from=yesterday', 'from'],
    ['?to=2026-1-1', 'to'],
    ['?from=0099-01-01&to=0099-02-01', 'from'],
    ['?from=2026-05-01&to=2026-04-30', 'from'],
    ['?from=2020-01-01&to=2024-01-01', 'to'],
    ['?type=gender_violence', 'type'],
    ['?type=robbery', 'type'],
    ['?area=area-999', 'area'],
    ['?area=../../etc', 'area'],
    ['?layer=heat', 'layer'],
    [`?from=${'9'.repeat(5000)}`, 'from'],
    [`?type=${'x'.repeat(5000)}`, 'type'],
  ];
  it.each(cases)('%s is a 400 naming %s', async (query, field) => {
    for (const path of ['/hotspots', '/hours.csv', '/emerging.geojson']) {
      const res = await get(`${path}${query}`, 'analista1');
      expect(res.status, path).toBe(400);
      const body = (await res.json()) as { error: { code: string; field: string } };
      expect(body.error).toMatchObject({ code: 'bad_request', field });
    }
  });

  it('never answers garbage with a 500', async () => {
    for (const query of [
      '?from=%00&to=%ff',
      '?from[]=1&from[]=2',
      '?area=%E2%80%AE',
      `?${'a='.repeat(2000)}`,
      '?from=2026-01-01&from=2026-02-01',
      `?junk=${'%'.repeat(300)}`,
    ]) {
      const res = await get(`/hotspots${query}`, 'analista1');
      expect(res.status, query).toBeLessThan(500);
    }
    // Past Node's header limit the server answers 431 itself.
    const huge = await get(`/hotspots?from=${'1'.repeat(20_000)}`, 'analista1');
    expect([400, 414, 431]).toContain(huge.status);
  });

  it('defaults to the twelve months up to yesterday and takes a type, an area and a layer', async () => {
    const res = await get('/hotspots', 'analista1');
    const body = (await res.json()) as HotspotResult;
    const to = new Date(`${body.meta.to}T12:00:00Z`);
    const from = new Date(`${body.meta.from}T12:00:00Z`);
    expect((to.getTime() - from.getTime()) / 86_400_000).toBeGreaterThanOrEqual(364);
    expect((to.getTime() - from.getTime()) / 86_400_000).toBeLessThanOrEqual(365);
    expect(body.layer).toBe('count');
    const one = await get(
      '/hotspots?from=2026-01-01&to=2026-03-31&type=fire&area=area-3&layer=harm',
      'analista1',
    );
    expect(one.status).toBe(200);
    const b = (await one.json()) as HotspotResult;
    expect(b.meta).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(b.layer).toBe('harm');
  });
});

describe('exports', () => {
  it('sends CSV as an attachment: a header row, CRLF, the meta on every row', async () => {
    for (const path of EXPORTS.filter((p) => p.endsWith('.csv'))) {
      const res = await get(`${path}?from=2026-01-01&to=2026-03-31`, 'analista1');
      expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers.get('content-disposition')).toMatch(
        /^attachment; filename="sac-[a-z-]+-2026-01-01-2026-03-31\.csv"$/,
      );
      const text = await res.text();
      expect(text.endsWith('\r\n')).toBe(true);
      const lines = text.trimEnd().split('\r\n');
      const header = lines[0]!.split(',');
      expect(header).toEqual(expect.arrayContaining(['sources', 'from', 'to', 'n', 'method']));
      expect(lines.length).toBeGreaterThan(1);
      const at = header.indexOf('from');
      for (const line of lines.slice(1)) {
        const cells = line.split(',');
        expect(cells.length).toBe(header.length);
        expect(cells[at]).toBe('2026-01-01');
      }
    }
  });

  it('sends GeoJSON (RFC 7946) with the meta as a foreign member', async () => {
    for (const path of ['/hotspots.geojson', '/emerging.geojson']) {
      const res = await get(path, 'analista1');
      expect(res.headers.get('content-type')).toBe('application/geo+json');
      expect(res.headers.get('content-disposition')).toMatch(
        /^attachment; filename=".+\.geojson"$/,
      );
      const body = (await res.json()) as {
        type: string;
        meta: { n: number; method: string };
        features: { geometry: { type: string; coordinates: number[][][] } }[];
      };
      expect(body.type).toBe('FeatureCollection');
      expect(body.meta.method).toMatch(/gi_star/);
      expect(body).not.toHaveProperty('crs');
      for (const f of body.features) {
        expect(f.geometry.type).toBe('Polygon');
        const [lng, lat] = f.geometry.coordinates[0]![0]!;
        expect(lng).toBeLessThan(-68);
        expect(lat).toBeGreaterThan(-34);
      }
    }
  });
});

describe('cross-site requests', () => {
  it('answers a GET with no CORS grant and refuses a cross-site POST', async () => {
    const res = await get('/hours', 'analista1', { origin: 'https://evil.example' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const post = await server.request('/api/observatory/hours', {
      method: 'POST',
      token: tokens.analista1,
      headers: { origin: 'https://evil.example' },
    });
    expect(post.status).toBe(403);
    expect(((await post.json()) as { error: { code: string } }).error.code).toBe('cross_site');
  });
});

describe('the analyses never run on the event loop', () => {
  it('runs them on a thread and shares one computation among identical requests', async () => {
    const q = '/hours?from=2025-03-01&to=2025-05-31&type=medical';
    const [a, b] = await Promise.all([get(q, 'admin'), get(q, 'analista1')]);
    const [ja, jb] = [(await a.json()) as HourWeekResult, (await b.json()) as HourWeekResult];
    expect(ja).toEqual(jb);
    expect(ja.meta.computedAt).toBe(jb.meta.computedAt);
  });
});
