import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryPage } from '../../shared/history.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { cityDayStart } from './history.js';

/**
 * The console's history over SQL (`GET /api/console/alerts`) on the demo city's seeded year:
 * who may read it, its day range in the city's calendar, paging, and a search that finds an
 * alert by anything the console shows of it but never a silent alert by its reporter.
 */
let server: TestServer;
let operator = '';
const tokens: Record<string, string> = {};

const get = async (query: string, token = operator) => {
  const res = await server.request(`/api/console/alerts${query}`, { token });
  return {
    status: res.status,
    body: (await res.json()) as HistoryPage & { error?: { code: string } },
  };
};

/** A day of last month in the city's calendar, as the date picker writes it. */
function dayLastMonth(): string {
  const d = new Date(Date.now() - 30 * 86_400_000);
  return d.toISOString().slice(0, 10);
}

beforeAll(async () => {
  server = await startTestServer();
  operator = (await server.login('operador1')).token;
  for (const who of ['vecino1', 'oficial1', 'admin']) tokens[who] = (await server.login(who)).token;
}, 60_000);

afterAll(async () => {
  await server.close();
});

describe('the alert history', () => {
  it('is for operators and admins: residents and officers get 403, strangers 401', async () => {
    expect((await get('', tokens.vecino1)).status).toBe(403);
    expect((await get('?q=incendio', tokens.oficial1)).status).toBe(403);
    expect((await server.request('/api/console/alerts')).status).toBe(401);
    expect((await get('', tokens.admin)).status).toBe(200);
  });

  it('refuses bad days, inverted ranges and pages out of bounds with 400', async () => {
    for (const q of [
      '?from=2025-02-30',
      '?from=yesterday',
      '?to=2025-13-01',
      '?from=2025-03-02&to=2025-03-01',
      '?limit=0',
      '?limit=101',
      '?limit=ten',
      '?offset=-1',
      '?offset=10001',
      '?status=lost',
      '?type=robbery',
      '?sort=asc',
      `?q=${'x'.repeat(201)}`,
    ]) {
      const { status, body } = await get(q);
      expect({ q, status, code: body.error?.code }).toEqual({
        q,
        status: 400,
        code: 'bad_request',
      });
    }
  });

  it("browses one day of last month in the city's calendar, newest first", async () => {
    const d = dayLastMonth();
    const { status, body } = await get(`?from=${d}&to=${d}&limit=100`);
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(0);
    const start = cityDayStart(d).getTime();
    for (const a of body.alerts) {
      const at = Date.parse(a.receivedAt!);
      expect(at).toBeGreaterThanOrEqual(start);
      expect(at).toBeLessThan(start + 86_400_000);
    }
    const times = body.alerts.map((a) => a.receivedAt!);
    expect([...times].sort().reverse()).toEqual(times);
    // The seeded year is closed, with its steps: the detail panel shows them.
    expect(body.alerts[0]!.timeline.length).toBeGreaterThanOrEqual(2);
  });

  it('pages without gaps or repeats', async () => {
    const all = await get('?limit=30');
    const first = await get('?limit=15');
    const second = await get('?limit=15&offset=15');
    expect(first.body.total).toBe(all.body.total);
    expect([...first.body.alerts, ...second.body.alerts].map((a) => a.id)).toEqual(
      all.body.alerts.map((a) => a.id),
    );
    const beyond = await get(`?offset=${Math.min(all.body.total, 10_000)}`);
    expect(beyond.body.alerts).toEqual([]);
  });

  it('finds by type and area names in either language, by id and by reporter', async () => {
    const fires = await get('?q=incendio&limit=100');
    expect(fires.body.total).toBeGreaterThan(0);
    expect(new Set(fires.body.alerts.map((a) => a.type))).toEqual(new Set(['fire']));
    expect((await get('?q=FIRE')).body.total).toBe(fires.body.total);

    const some = fires.body.alerts[0]!;
    const byId = await get(`?q=${some.id.slice(0, 8)}`);
    expect(byId.body.alerts.map((a) => a.id)).toContain(some.id);

    const area = server.services.city.areas.find((a) => a.properties.id === some.areaId)!;
    const word = area.properties.name.split(' ').at(-1)!;
    const inArea = await get(`?q=${encodeURIComponent(`incendio ${word}`)}&limit=100`);
    expect(inArea.body.alerts.map((a) => a.id)).toContain(some.id);
    expect(inArea.body.alerts.every((a) => a.type === 'fire')).toBe(true);

    const named = some.reporterName;
    expect(named).not.toBe('');
    const byName = await get(`?q=${encodeURIComponent(named)}&type=fire&limit=100`);
    expect(byName.body.alerts.map((a) => a.id)).toContain(some.id);
  });

  it('never finds or names the reporter of a silent alert', async () => {
    const silent = await get('?type=gender_violence&limit=100');
    expect(silent.body.total).toBeGreaterThan(0);
    for (const a of silent.body.alerts) {
      expect(a.identityProtected).toBe(true);
      expect(a.reporterId).toBeUndefined();
      expect([a.reporterName, a.reporterPhone, a.reporterAddress]).toEqual(['', '', '']);
      for (const step of a.timeline) expect(step.by).not.toMatch(/^[0-9a-f-]{36}$/);
    }
    // Her own alerts of other types are found by her name; the silent ones are not.
    const one = silent.body.alerts[0]!;
    const her = server.services.storage.users.byId(
      server.services.storage.alerts.byId(one.id)!.reporterId,
    )!;
    for (const q of [her.name, her.address!, her.username]) {
      const found = await get(`?q=${encodeURIComponent(q)}&limit=100`);
      expect(found.body.alerts.filter((a) => a.type === 'gender_violence')).toEqual([]);
    }
    expect((await get(`?q=${encodeURIComponent(her.name)}`)).body.total).toBeGreaterThan(0);
    // By its own id it is found, as the room would show it: without her.
    const byId = await get(`?q=${one.id}`);
    expect(byId.body.alerts.map((a) => a.id)).toEqual([one.id]);
    expect(JSON.stringify(byId.body)).not.toContain(her.name);
    expect(JSON.stringify(byId.body)).not.toContain(her.id);
  });

  it('filters by status, type and area inside the range', async () => {
    const cancelled = await get('?status=cancelled&limit=100');
    expect(cancelled.body.total).toBeGreaterThan(0);
    expect(cancelled.body.alerts.every((a) => a.status === 'cancelled')).toBe(true);
    const closed = await get('?status=closed&limit=1');
    const all = await get('?limit=1');
    expect(closed.body.total).toBeLessThanOrEqual(all.body.total);
    const area = cancelled.body.alerts[0]!.areaId!;
    const inArea = await get(`?area=${area}&limit=100`);
    expect(inArea.body.alerts.every((a) => a.areaId === area)).toBe(true);
  });
});

describe('the residents directory', () => {
  const residents = async (query: string, token = operator) => {
    const res = await server.request(`/api/users/residents${query}`, { token });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('is for operators and admins only', async () => {
    expect((await residents('', tokens.vecino1)).status).toBe(403);
    expect((await residents('', tokens.oficial1)).status).toBe(403);
    expect((await server.request('/api/users/residents')).status).toBe(401);
    expect((await residents('', tokens.admin)).status).toBe(200);
  });

  it('lists residents by name, pages, and searches name, username and address', async () => {
    const first = await residents('?limit=5');
    const page = first.body as { residents: { name: string; username: string }[]; total: number };
    expect(page.residents).toHaveLength(5);
    expect(page.total).toBeGreaterThanOrEqual(40);
    const names = page.residents.map((r) => r.name);
    expect([...names].sort((a, b) => a.localeCompare(b, 'es', { sensitivity: 'base' }))).toEqual(
      names,
    );
    const next = (await residents('?limit=5&offset=5')).body as typeof page;
    expect(next.residents.map((r) => r.username)).not.toContain(page.residents[0]!.username);

    const vecino7 = server.services.storage.users.byUsername('vecino7')!;
    for (const q of [vecino7.name.toUpperCase(), 'vecino7', vecino7.address!]) {
      const found = (await residents(`?q=${encodeURIComponent(q)}`)).body as {
        residents: { username: string; home: unknown; phone: unknown }[];
      };
      const row = found.residents.find((r) => r.username === 'vecino7');
      expect(row, q).toBeDefined();
      expect(row!.home).toEqual(vecino7.home);
      expect(row!.phone).toBe(vecino7.phone);
    }
    // Staff are not residents.
    expect((await residents('?q=operador1')).body.total).toBe(0);
  });

  it('refuses bad pages and unknown filters with 400', async () => {
    for (const q of ['?limit=0', '?limit=500', '?offset=-3', '?status=gone', '?role=admin']) {
      const { status } = await residents(q);
      expect({ q, status }).toEqual({ q, status: 400 });
    }
  });
});
