import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicAreaMonth } from '../../../shared/observatory.js';
import { CITY_TIME_ZONE } from '../../../shared/i18n/core.js';
import { addMonths, lastFullMonth } from '../../../shared/report-periods.js';
import type { RequestCategory } from '../../../shared/types.js';
import type { RequestRow } from '../../storage/requests.js';
import { startTestServer, type TestServer } from '../../testing/harness.js';
import { isoDay, localClock } from '../local-time.js';

/** The public page's incidents by type and week, response times and requests: no sign-in. */
let server: TestServer;
let month = '';
let min = 0;
const areaId = 'area-12';

beforeAll(async () => {
  server = await startTestServer({ DEMO_EVALUATION: '1' });
  const s = server.services;
  min = s.city.observatory.minCellCount;
  // Before the demo's two years of requests (and alerts): only this test's requests count.
  const today = isoDay(localClock(CITY_TIME_ZONE)(s.observatory.now().getTime()).day);
  month = addMonths(lastFullMonth(today), -30);
  const { user } = await server.login('vecino1');
  // Mid-month, noon UTC: inside the month on the city's calendar whatever its zone.
  const at = `${month}-15T15:00:00.000Z`;
  let i = 0;
  const file = (category: RequestCategory, patch: Partial<RequestRow> = {}) =>
    s.storage.requests.insert({
      id: `pub-${i++}`,
      source: 'resident',
      reporterId: user.id,
      unitId: null,
      category,
      description: 'Frente a mi casa, Calle Falsa 123',
      location: { lat: -32.9, lng: -68.8, accuracy: 5 },
      areaId,
      createdAt: at,
      receivedAt: at,
      status: 'open',
      statusAt: at,
      reply: '',
      cancelledAt: null,
      ...patch,
    });
  // As many lighting requests as the minimum (three answered, one with a private reply),
  // fewer trash ones, one withdrawn, and one of another area.
  for (let k = 0; k < min; k++)
    file(
      'street_lighting',
      k < 3 ? { status: 'in_progress', reply: k ? '' : 'Vamos mañana, Ana' } : {},
    );
  for (let k = 0; k < min - 1; k++) file('trash');
  file('weeds', { cancelledAt: at });
  file('weeds', { areaId: 'area-7' });
}, 60_000);

afterAll(() => server.close());

const page = async () => {
  const res = await server.request(`/api/observatory/public/areas/${areaId}/${month}`);
  expect(res.status).toBe(200);
  return (await res.json()) as PublicAreaMonth;
};

describe('the public page, by type, week, response and requests', () => {
  it('counts incidents by type and week, nothing under the minimum, never the silent type', async () => {
    const r = await page();
    expect(r.types.meta.suppressedBelow).toBe(min);
    expect(r.types.rows.map((t) => t.type)).not.toContain('gender_violence');
    for (const row of [...r.types.rows, ...r.weeks.rows])
      if (row.count !== null) expect(row.count).toBeGreaterThanOrEqual(min);
    const shown = (rows: { count: number | null }[]) =>
      rows.reduce((a, x) => a + (x.count ?? 0), 0);
    expect(r.types.meta.n).toBe(shown(r.types.rows));
    expect(r.weeks.meta.n).toBe(shown(r.weeks.rows));
    expect(r.weeks.rows.length).toBeGreaterThanOrEqual(4);
  });

  it("counts the demo's requests of a recent month, all answered, never their text", async () => {
    const s = server.services;
    const recent = lastFullMonth(
      isoDay(localClock(CITY_TIME_ZONE)(s.observatory.now().getTime()).day),
    );
    // the demo seeds half a year of answered requests in every area
    const seeded = s.storage.requests.tally(`${recent}-01`, `${recent}-31T23:59:59Z`, null);
    expect(seeded.reduce((a, r) => a + r.count, 0)).toBeGreaterThan(100);
    expect(seeded.every((r) => r.status !== 'open')).toBe(true);
    const res = await server.request(`/api/observatory/public/areas/${areaId}/${recent}`);
    const r = (await res.json()) as PublicAreaMonth;
    for (const c of r.requests.byCategory)
      if (c.count !== null) expect(c.count).toBeGreaterThanOrEqual(min);
    if (r.requests.answered) expect(r.requests.answered.share).toBe(1);
    expect(JSON.stringify(r.requests)).not.toMatch(/Pedido de ejemplo|Listo, gracias/);
  });

  it('shows response times only over at least the minimum of alerts', async () => {
    const r = await page();
    expect(r.response.meta.suppressedBelow).toBe(min);
    if (r.response.shown) expect(r.response.alerts).toBeGreaterThanOrEqual(min);
    else expect(Object.keys(r.response).sort()).toEqual(['meta', 'shown', 'targetMinutes']);
  });

  it('counts requests by category and status, hiding small categories, never who or what', async () => {
    const r = await page();
    const q = r.requests;
    expect(q.byCategory).toEqual(
      expect.arrayContaining([
        { category: 'street_lighting', count: min },
        { category: 'trash', count: null },
      ]),
    );
    // the withdrawn request and the other area's are not counted
    expect(q.byCategory.map((c) => c.category)).not.toContain('weeds');
    // statuses and the answered share over the shown categories only: no total gives trash away
    expect(q.meta.n).toBe(min);
    const statuses = q.byStatus.reduce((a, x) => a + (x.count ?? 0), 0);
    expect(statuses).toBeLessThanOrEqual(min);
    expect(q.answered).toEqual({ count: 3, share: 3 / min });
    const text = JSON.stringify(r);
    for (const secret of ['Calle Falsa', 'Ana', 'vecino', '-32.9', 'reporter', 'description'])
      expect(text).not.toContain(secret);
  });
});
