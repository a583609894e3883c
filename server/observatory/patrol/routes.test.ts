import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness.js';
import type { DosageResult } from '../../../shared/observatory-evaluation.js';
import { demoStaff } from '../../../shared/demo-city.js';
import { DEMO_PROGRAMME_WEEKS } from '../../demo/programme.js';
import { isoDay, localClock } from '../local-time.js';

/** The dosage routes on the demo: the seeded programme, who may read it, what it never says. */
let server: TestServer;
const tokens = new Map<string, string>();

beforeAll(async () => {
  server = await startTestServer({ DEMO_EVALUATION: '1' });
  for (const u of ['analista1', 'operador1', 'vecino1', 'oficial1'])
    tokens.set(u, (await server.login(u)).token);
}, 120_000);
afterAll(() => server.close());

const get = (path: string, who?: string) =>
  server.request(`/api/observatory${path}`, who ? { token: tokens.get(who)! } : {});
const yesterday = localClock()(Date.now()).day - 1;
const programme = `from=${isoDay(yesterday - DEMO_PROGRAMME_WEEKS * 7 + 1)}&to=${isoDay(yesterday)}`;

describe('GET /api/observatory/dosage', () => {
  it('answers analysts and operators with the programme’s planned and done visits', async () => {
    const res = await get(`/dosage?${programme}`, 'analista1');
    expect(res.status).toBe(200);
    const r = (await res.json()) as DosageResult;
    expect(r.meta).toMatchObject({ method: 'dosage_checkins', sources: ['patrol'] });
    expect(r.byUnit.map((u) => u.label)).toContain('Móvil 1');
    expect(r.byShift.map((s) => s.shift)).toEqual(['morning', 'afternoon', 'night']);
    expect(r.total.planned).toBeGreaterThan(5000);
    expect(r.meta.n).toBe(r.total.planned);
    expect(r.total.share).toBeGreaterThan(0.8);
    expect(r.total.share).toBeLessThan(0.9);
    expect(r.band).toEqual({ min: 10, max: 16, planned: 14 });
    expect(r.dwell.median).toBeGreaterThan(12);
    expect(r.dwell.median).toBeLessThan(15);
    expect(r.dwell.unclosed).toBeGreaterThan(0);
    expect(r.residual.bins).toHaveLength(6);
    expect(r.residual.points).toBeGreaterThan(10);
    expect((await get(`/dosage?${programme}`, 'operador1')).status).toBe(200);
  });

  it('narrows to the fixed points of an area', async () => {
    // an area holding fixed points of the programme
    const plans = server.services.storage.planLog.between('2000-01-01', '2100-01-01');
    const area = plans[0]!.points[0]!.areaId;
    const r = (await (
      await get(`/dosage?${programme}&area=${area}`, 'analista1')
    ).json()) as DosageResult;
    const all = (await (await get(`/dosage?${programme}`, 'analista1')).json()) as DosageResult;
    expect(r.total.planned).toBeGreaterThan(0);
    expect(r.total.planned).toBeLessThan(all.total.planned);
  });

  it('names no officer, in the JSON or the CSV', async () => {
    const json = await (await get(`/dosage?${programme}`, 'analista1')).text();
    const csv = await (await get(`/dosage.csv?${programme}`, 'analista1')).text();
    const users = server.services.storage.users.list({ role: 'officer' });
    for (const s of demoStaff().filter((x) => x.role === 'officer')) {
      expect(json).not.toContain(s.name);
      expect(csv).not.toContain(s.name);
      expect(json).not.toContain(s.username);
    }
    for (const u of users) {
      expect(json).not.toContain(u.id);
      expect(csv).not.toContain(u.id);
    }
  });

  it('keeps residents, officers and strangers out', async () => {
    for (const path of ['/dosage', '/dosage.csv']) {
      expect((await get(path)).status, path).toBe(401);
      expect((await get(path, 'vecino1')).status, path).toBe(403);
      expect((await get(path, 'oficial1')).status, path).toBe(403);
    }
  });

  it('refuses bad parameters with a 400 naming the field', async () => {
    for (const [q, field] of [
      ['from=2026-13-01', 'from'],
      ['to=yesterday', 'to'],
      ['from=2026-05-02&to=2026-05-01', 'from'],
      ['type=gender_violence', 'type'],
      ['type=nonsense', 'type'],
      ['area=nowhere', 'area'],
    ] as const) {
      const res = await get(`/dosage?${q}`, 'analista1');
      expect(res.status, q).toBe(400);
      const body = (await res.json()) as { error: { code: string; field?: string } };
      expect(body.error.code, q).toBe('bad_request');
      expect(body.error.field, q).toBe(field);
    }
  });

  it('exports planned versus done per unit and shift and the dwell histogram as CSV', async () => {
    const res = await get(`/dosage.csv?${programme}`, 'analista1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/sac-dosage-\d{4}-\d\d-\d\d-/);
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^table,unit_id,unit,shift,planned,done,share,/);
    expect(lines[0]).toContain(',sources,from,to,n,method,computed_at,suppressed_below');
    const tables = new Set(lines.slice(1).map((l) => l.split(',')[0]));
    expect([...tables]).toEqual(['unit_shift', 'unit', 'shift', 'total', 'unplanned', 'dwell']);
    expect(lines.filter((l) => l.startsWith('unit_shift,'))).toHaveLength(30);
    expect(lines.filter((l) => l.startsWith('dwell,'))).toHaveLength(16);
  });

  // Last: it adds a unit's plan the other tests would count.
  it('answers again from its cache until a plan or check-in is added', async () => {
    const ask = async () =>
      (await (await get(`/dosage?${programme}`, 'analista1')).json()) as DosageResult;
    const first = await ask();
    expect((await ask()).meta.computedAt).toBe(first.meta.computedAt);
    const plans = server.services.storage.planLog.between('2000-01-01', '2100-01-01');
    const last = plans[0]!; // the programme's first morning, inside the period
    server.services.storage.planLog.upsert({ ...last, unitId: 'unit-extra', unitLabel: 'Extra' });
    const after = await ask();
    expect(after.total.planned).toBe(first.total.planned + last.visits.length);
    expect(after.byUnit.at(-1)).toMatchObject({ unitId: 'unit-extra', label: 'Extra', done: 0 });
  });
});
