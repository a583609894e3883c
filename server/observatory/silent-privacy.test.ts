import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertTypeCode } from '../../shared/types.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { regionCellOf, studyRegion } from './stats/region.js';

/**
 * DESIGN §2: a silent alert never reaches a cell, a point, an hour or an analyst's view. Every
 * figure and export is fetched before and after one silent alert is added, and after one is
 * taken out: the bytes must not move (the clock is fixed so `computedAt` does not either),
 * while a non-silent alert added the same way does move them (the test can see a change).
 */
let server: TestServer;
let analyst: string;
const now = new Date();

beforeAll(async () => {
  server = await startTestServer({ DEMO_EVALUATION: '1' }, { now: () => now });
  analyst = (await server.login('analista1')).token;
}, 60_000);

afterAll(() => server.close());

const PATHS = [
  '/hotspots',
  '/hotspots?layer=rate',
  '/hotspots?layer=harm',
  '/hotspots?area=area-12&type=general',
  '/emerging',
  '/hours',
  '/hours?area=area-12',
  '/trends',
  '/trends?type=general&area=area-3',
  '/hotspots.csv',
  '/hotspots.csv?layer=harm',
  '/emerging.csv',
  '/hours.csv',
  '/trends.csv',
  '/hotspots.geojson',
  '/hotspots.geojson?layer=rate',
  '/emerging.geojson',
];

function lastMonth(): string {
  const d = new Date(now);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

async function everything(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const p of PATHS) {
    const res = await server.request(`/api/observatory${p}`, { token: analyst });
    expect(res.status, p).toBe(200);
    out.set(p, await res.text());
  }
  const pub = `/api/observatory/public/areas/area-12/${lastMonth()}`;
  const res = await server.request(pub);
  expect(res.status).toBe(200);
  out.set(pub, await res.text());
  return out;
}

/** A place in area 12 with a long tail of digits no figure would print by chance. */
const SPOT = { lat: -32.9133917, lng: -68.8461337 };

function addAlert(type: AlertTypeCode, at: Date, where = SPOT): string {
  const s = server.services.storage;
  const reporter = s.users.byUsername('vecino12')!;
  const id = randomUUID();
  const iso = at.toISOString();
  s.transaction(() => {
    s.alerts.insert({
      id,
      reporterId: reporter.id,
      type,
      createdAt: iso,
      receivedAt: iso,
      location: { ...where, accuracy: 8 },
      note: '',
      areaId: 'area-12',
      status: 'acknowledged',
      statusAt: iso,
      sirenRequested: false,
      flagged: false,
      assignedUnit: null,
    });
    s.alerts.addEvent({ alertId: id, status: 'received', at: iso, by: reporter.id });
    s.alerts.addEvent({ alertId: id, status: 'acknowledged', at: iso, by: 'operador1' });
  });
  return id;
}

const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

describe('a silent alert in the observatory', () => {
  it('leaves every figure and export byte-identical when added or removed', async () => {
    const store = server.services.storage.observatory;
    const before = await everything();

    const v0 = store.version();
    addAlert('gender_violence', daysAgo(20));
    expect(store.version()).not.toBe(v0); // so the cache cannot answer for it
    const added = await everything();
    for (const [p, text] of before) expect(added.get(p), p).toBe(text);

    // Take out a seeded silent alert the centre took, with a place, inside the period.
    const db = new Database(path.join(server.dataDir, 'sac.db'));
    try {
      const row = db
        .prepare<[string], { id: string }>(
          `SELECT id FROM alerts WHERE type = 'gender_violence' AND status = 'resolved'
           AND lat IS NOT NULL AND received_at > ? ORDER BY received_at LIMIT 1`,
        )
        .get(daysAgo(200).toISOString());
      expect(row).toBeDefined();
      const v1 = store.version();
      db.pragma('foreign_keys = OFF');
      db.transaction(() => {
        for (const table of ['alert_events', 'alert_notes', 'dispatch_events'])
          db.prepare(`DELETE FROM ${table} WHERE alert_id = ?`).run(row!.id);
        db.prepare(`DELETE FROM alerts WHERE id = ?`).run(row!.id);
      })();
      expect(store.version()).not.toBe(v1);
    } finally {
      db.close();
    }
    const removed = await everything();
    for (const [p, text] of before) expect(removed.get(p), p).toBe(text);

    // The control: the same alert as a general one changes what the analyst sees.
    addAlert('general', daysAgo(20));
    const control = await everything();
    expect(control.get('/hotspots')).not.toBe(before.get('/hotspots'));
    expect(control.get('/hours.csv')).not.toBe(before.get('/hours.csv'));
  });

  it('never shows its position, in any answer', async () => {
    // In a cell of the city where the centre took no other alert, so a count there is hers.
    const region = studyRegion(server.services.city.areas);
    const empty = region.cells.find((c) => countIn(c.bounds) === 0)!;
    const [[south, west], [north, east]] = empty.bounds;
    const spot = {
      lat: Number((south + (north - south) * 0.31).toFixed(7)),
      lng: Number((west + (east - west) * 0.67).toFixed(7)),
    };
    expect(region.cells[regionCellOf(region, spot)]!.id).toBe(empty.id);
    addAlert('gender_violence', daysAgo(3), spot);
    const digits = (x: number) => String(Math.abs(x)).split('.')[1]!;
    for (const [p, text] of await everything()) {
      expect(text, p).not.toContain(digits(spot.lat));
      expect(text, p).not.toContain(digits(spot.lng));
      expect(text, p).not.toContain('9133917');
      if (p === '/hotspots') {
        const shown = (JSON.parse(text) as { cells: { id: string; count: number }[] }).cells;
        expect(shown.find((c) => c.id === empty.id)?.count ?? 0).toBe(0);
      }
    }
  });

  it('names no reporter anywhere an analyst looks', async () => {
    const db = new Database(path.join(server.dataDir, 'sac.db'), { readonly: true });
    const alertIds = db.prepare<[], { id: string }>('SELECT id FROM alerts').all();
    const reporters = new Set(
      db
        .prepare<[], { id: string }>('SELECT DISTINCT reporter_id AS id FROM alerts')
        .all()
        .map((r) => r.id),
    );
    db.close();
    // Everyone who raised an alert (the demo's other registered homes raised none).
    const people = server.services.storage.users
      .list({ role: 'citizen' })
      .filter((u) => reporters.has(u.id));
    expect(people.length).toBeGreaterThan(0);
    const needles = people.flatMap((u) =>
      [u.id, u.username, u.name, u.phone, u.address].filter((x): x is string => !!x),
    );
    for (const [p, text] of await everything()) {
      expect(
        needles.filter((n) => text.includes(n)),
        p,
      ).toEqual([]);
      expect(
        alertIds.filter((a) => text.includes(a.id)),
        p,
      ).toEqual([]);
      expect(text).not.toMatch(/reporter|phone|username/i);
    }
  });
});

/** Alerts of any type but the silent one inside a cell, ever, counted straight from SQL. */
function countIn(bounds: [[number, number], [number, number]]): number {
  const [[s, w], [n, e]] = bounds;
  const db = new Database(path.join(server.dataDir, 'sac.db'), { readonly: true });
  try {
    return db
      .prepare<[number, number, number, number], { n: number }>(
        `SELECT count(*) AS n FROM alerts WHERE type != 'gender_violence'
         AND lat >= ? AND lat < ? AND lng >= ? AND lng < ?`,
      )
      .get(s, n, w, e)!.n;
  } finally {
    db.close();
  }
}
