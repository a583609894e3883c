import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonthReport, WeekReport } from '../../../shared/observatory-reports.js';
import { addDays, lastFullMonth, lastFullWeek } from '../../../shared/report-periods.js';
import { CITY_TIME_ZONE } from '../../../shared/i18n/core.js';
import { startTestServer, type TestServer } from '../../testing/harness.js';
import { isoDay, localClock } from '../local-time.js';

/** `GET /api/observatory/reports/month/:month` and `…/week/:monday`, on the demo city. */
let server: TestServer;
const tokens: Record<string, string> = {};
let today = '';

beforeAll(async () => {
  server = await startTestServer({ DEMO_EVALUATION: '1' });
  for (const u of ['analista1', 'operador1', 'admin', 'vecino1', 'oficial1'])
    tokens[u] = (await server.login(u)).token;
  today = isoDay(localClock(CITY_TIME_ZONE)(server.services.observatory.now().getTime()).day);
}, 60_000);

afterAll(() => server.close());

const get = (path: string, who?: string) =>
  server.request(`/api/observatory/reports${path}`, { token: who ? tokens[who] : undefined });

describe('the month report', () => {
  it('gathers every section of the month for analysts, operators and admins', async () => {
    const month = lastFullMonth(today);
    for (const who of ['analista1', 'operador1', 'admin']) {
      const res = await get(`/month/${month}`, who);
      expect(res.status, who).toBe(200);
      const r = (await res.json()) as MonthReport;
      expect(r.month).toBe(month);
      expect(r.from).toBe(`${month}-01`);
      expect(r.complete).toBe(true);
      for (const part of [r.trends, r.hotspots, r.hours, r.response, r.dosage, r.perception])
        expect(part.meta.from).toBe(r.from);
      // the demo's history is two years: the month, the one before and a year earlier all count
      expect(r.trends.meta.n).toBeGreaterThan(0);
      expect(r.previous.n).toBeGreaterThan(0);
      expect(r.trends.change.lastYear).not.toBeNull();
      expect(r.sources.sources).toContain('alerts');
      expect(Array.isArray(r.sources.imported)).toBe(true);
      expect(JSON.stringify(r)).not.toMatch(/gender_violence|reporter|phone/);
    }
  });

  it('counts a running month up to yesterday, and one area when asked', async () => {
    const month = today.slice(0, 7);
    const res = await get(`/month/${month}?area=area-12`, 'analista1');
    if (today.endsWith('-01')) return expect(res.status).toBe(404);
    const r = (await res.json()) as MonthReport;
    expect(r.complete).toBe(false);
    expect(r.to).toBe(addDays(today, -1));
    expect(r.trends.meta.to).toBe(r.to);
  });

  it('asks for a session (401) and refuses residents and officers (403)', async () => {
    const month = lastFullMonth(today);
    expect((await get(`/month/${month}`)).status).toBe(401);
    expect((await get(`/month/${month}`, 'vecino1')).status).toBe(403);
    expect((await get(`/month/${month}`, 'oficial1')).status).toBe(403);
    expect((await get(`/week/${lastFullWeek(today)}`, 'vecino1')).status).toBe(403);
  });

  it('answers bad input with a 400 and periods it cannot count with a 404', async () => {
    const month = lastFullMonth(today);
    expect((await get('/month/2026-13', 'analista1')).status).toBe(400);
    expect((await get('/month/latest', 'analista1')).status).toBe(400);
    expect((await get(`/month/${month}?area=area-999`, 'analista1')).status).toBe(400);
    expect((await get('/month/2199-01', 'analista1')).status).toBe(404);
    expect((await get('/month/1999-01', 'analista1')).status).toBe(404);
    const err = (await (await get('/month/2026-13', 'analista1')).json()) as {
      error: { code: string };
    };
    expect(err.error.code).toBe('bad_request');
  });
});

describe('the week report', () => {
  it('gathers the week Monday to Sunday, types against the four weeks before', async () => {
    const monday = lastFullWeek(today);
    const res = await get(`/week/${monday}`, 'operador1');
    expect(res.status).toBe(200);
    const r = (await res.json()) as WeekReport;
    expect(r).toMatchObject({ week: monday, from: monday, to: addDays(monday, 6), complete: true });
    expect(r.types.rows.map((t) => t.type)).not.toContain('gender_violence');
    expect(r.types.meta.n).toBe(r.types.rows.reduce((a, t) => a + t.count, 0));
    expect(r.types.rows.some((t) => t.average !== null && t.average > 0)).toBe(true);
    for (const c of r.emerging.cells) {
      expect(c.kind).toBe('hot');
      expect(['new', 'consecutive']).toContain(c.pattern);
    }
    expect(JSON.stringify(r)).not.toMatch(/gender_violence|reporter|description/);
  });

  it('takes only a Monday that has begun', async () => {
    const monday = lastFullWeek(today);
    expect((await get(`/week/${addDays(monday, 1)}`, 'analista1')).status).toBe(400);
    expect((await get('/week/2026-02-30', 'analista1')).status).toBe(400);
    expect((await get(`/week/${addDays(monday, 14)}`, 'analista1')).status).toBe(404);
  });

  it('counts the requests still open by category, never who asked or what they wrote', async () => {
    const { user } = await server.login('vecino1');
    const store = server.services.storage.requests;
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const file = (id: string, category: 'street_lighting' | 'trash', status: 'open' | 'closed') =>
      store.insert({
        id,
        source: 'resident',
        reporterId: user.id,
        unitId: null,
        category,
        description: 'Frente a mi casa, Calle Falsa 123',
        location: null,
        areaId: 'area-3',
        createdAt: at,
        receivedAt: at,
        status,
        statusAt: at,
        reply: '',
        cancelledAt: null,
      });
    file('wk-1', 'street_lighting', 'open');
    file('wk-2', 'street_lighting', 'open');
    file('wk-3', 'trash', 'closed');
    const r = (await (await get(`/week/${lastFullWeek(today)}`, 'analista1')).json()) as WeekReport;
    const lighting = r.requests.rows.filter((x) => x.category === 'street_lighting');
    expect(lighting.reduce((a, x) => a + x.count, 0)).toBeGreaterThanOrEqual(2);
    expect(r.requests.rows.every((x) => x.status !== 'closed')).toBe(true);
    const text = JSON.stringify(r.requests);
    expect(text).not.toContain('Calle Falsa');
    expect(text).not.toContain(user.id);
  });
});
