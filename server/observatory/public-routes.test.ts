import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicAreaMonth } from '../../shared/observatory.js';
import { startTestServer, type TestServer } from '../testing/harness.js';

/** `GET /api/observatory/public/areas/:areaId/:month`: no sign-in, nothing under the minimum. */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ DEMO_EVALUATION: '1' });
}, 60_000);

afterAll(() => server.close());

describe('the public page', () => {
  const areaId = 'area-12';
  const month = () => {
    const d = new Date();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - 2);
    return d.toISOString().slice(0, 7);
  };

  it('answers without a session, everything under the minimum hidden', async () => {
    const res = await server.request(`/api/observatory/public/areas/${areaId}/${month()}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as PublicAreaMonth;
    const min = server.services.city.observatory.minCellCount;
    expect(body.hours.meta.suppressedBelow).toBe(min);
    expect(body.cells.meta.suppressedBelow).toBe(min);
    for (const v of [...body.hours.counts.flat(), ...body.hours.previous.counts.flat()])
      if (v !== null) expect(v).toBeGreaterThanOrEqual(min);
    for (const c of body.cells.cells) {
      expect(c.count).toBeGreaterThanOrEqual(min);
      expect(Object.keys(c).sort()).toEqual(['areaId', 'bounds', 'centre', 'class', 'count', 'id']);
    }
  });

  it('refuses an unknown area, a bad month and months to come', async () => {
    const at = (a: string, m: string) => server.request(`/api/observatory/public/areas/${a}/${m}`);
    expect((await at('area-999', month())).status).toBe(404);
    expect((await at(areaId, '2026-13')).status).toBe(400);
    expect((await at(areaId, 'latest')).status).toBe(400);
    expect((await at(areaId, '2199-01')).status).toBe(404);
    expect((await at(areaId, '1999-01')).status).toBe(404);
  });
});

describe('the public page under a flood', () => {
  it('computes a couple at a time, asks the rest to come back, and serves what it has', async () => {
    const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
    const url = (m: string) => `/api/observatory/public/areas/area-7/${m}`;
    const answers = await Promise.all(months.map((m) => server.request(url(m))));
    const statuses = answers.map((r) => r.status);
    expect(statuses.every((st) => st === 200 || st === 429)).toBe(true);
    expect(statuses.filter((st) => st === 429).length).toBeGreaterThan(0);
    const busy = answers.find((r) => r.status === 429)!;
    expect(busy.headers.get('retry-after')).toBe('5');
    const served = months[statuses.indexOf(200)]!;
    const again = await Promise.all(months.slice(0, 6).map(() => server.request(url(served))));
    expect(again.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
  });
});
