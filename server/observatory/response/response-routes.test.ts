import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseResult } from '../../../shared/observatory-evaluation.js';
import { startTestServer, type TestServer } from '../../testing/harness.js';

/**
 * `/api/observatory/response`: who may read it, what it checks, and that a silent alert with
 * every stage stamped moves no byte of it (the clock is fixed so `computedAt` does not move).
 */
let server: TestServer;
let analyst: string;
const now = new Date();

beforeAll(async () => {
  server = await startTestServer({ DEMO_EVALUATION: '1' }, { now: () => now });
  analyst = (await server.login('analista1')).token;
}, 60_000);

afterAll(() => server.close());

const get = (p: string, token?: string) => server.request(`/api/observatory${p}`, { token });

describe('response times', () => {
  it('is for the observatory roles only', async () => {
    expect((await get('/response')).status).toBe(401);
    expect((await get('/response.csv')).status).toBe(401);
    for (const who of ['vecino1', 'oficial1']) {
      const token = (await server.login(who)).token;
      expect((await get('/response', token)).status, who).toBe(403);
      expect((await get('/response.csv', token)).status, who).toBe(403);
    }
    for (const who of ['operador1', 'admin']) {
      const token = (await server.login(who)).token;
      expect((await get('/response', token)).status, who).toBe(200);
    }
  });

  it('answers 400 to a bad grouping, type, area or date', async () => {
    for (const q of [
      'by=officer',
      'type=gender_violence',
      'type=x',
      'area=nowhere',
      'from=2026-13-01',
    ]) {
      const res = await get(`/response?${q}`, analyst);
      expect(res.status, q).toBe(400);
      const body = (await res.json()) as { error: { code: string } };
      expect(body.error.code).toBe('bad_request');
    }
  });

  it('reads the demo: within the target since the programme, far from it before', async () => {
    const r = (await (await get('/response?by=week', analyst)).json()) as ResponseResult;
    expect(r.targetMinutes).toBe(7);
    expect(r.meta.n).toBeGreaterThan(1000);
    expect(r.total.resolved.target.reached).toBeGreaterThan(1000);
    expect(r.total.false_alarm.alerts).toBeGreaterThan(0);
    expect(r.total.cancelled.alerts).toBeGreaterThan(0);
    const weeks = r.groups.filter((g) => g.summary.resolved.fromReceived.on_scene.n >= 10);
    const last = weeks.at(-2)!.summary.resolved;
    const first = weeks[0]!.summary.resolved;
    expect(last.fromReceived.on_scene.median! / 60).toBeLessThan(7.5);
    expect(last.target.share!).toBeGreaterThan(0.5);
    expect(first.fromReceived.on_scene.median! / 60).toBeGreaterThan(15);
  });

  it('groups by every grouping, and answers suspicious activity with empty groups', async () => {
    for (const by of ['area', 'type', 'shift', 'unit', 'week']) {
      const r = (await (await get(`/response?by=${by}`, analyst)).json()) as ResponseResult;
      expect(r.by).toBe(by);
      expect(r.groups.length, by).toBeGreaterThan(0);
    }
    const shifts = (await (await get('/response?by=shift', analyst)).json()) as ResponseResult;
    expect(shifts.groups.map((g) => g.key)).toEqual(['afternoon', 'morning', 'night']);
    const s = (await (
      await get('/response?type=suspicious_activity', analyst)
    ).json()) as ResponseResult;
    expect(s.groups).toEqual([]);
    expect(s.meta.n).toBe(0);
    expect(s.total.resolved.alerts).toBe(0);
  });

  it('exports a CSV: a row per group and outcome, the meta on each, formulas defused', async () => {
    const res = await get('/response.csv?by=shift&type=general', analyst);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="sac-response-by-shift-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^grouping,group,outcome,alerts,reopened,adjusted,acknowledged_n,/);
    expect(lines[0]).toContain('on_scene_median_min');
    expect(lines[0]).toContain(',sources,from,to,n,method,computed_at,suppressed_below');
    expect(lines).toHaveLength(1 + 4 * 4); // all + three shifts, four outcomes each
    expect(lines[1]).toMatch(/^shift,all,resolved,\d+/);
  });

  it('never counts a silent alert, however complete its stages (a non-silent one moves it)', async () => {
    const paths = [
      '/response?by=area',
      '/response?by=unit',
      '/response?by=week',
      '/response?by=shift',
      '/response.csv?by=type',
      '/response.csv?by=unit&area=area-12',
      '/perception',
      '/perception.csv',
    ];
    const all = () => Promise.all(paths.map(async (p) => (await get(p, analyst)).text()));
    const before = await all();
    stagedAlert('gender_violence');
    const after = await all();
    paths.forEach((p, i) => expect(after[i], p).toBe(before[i]));
    stagedAlert('general');
    const moved = await all();
    expect(moved[0]).not.toBe(before[0]);
    expect(moved[1]).not.toBe(before[1]);
  });
});

/** An alert in area-12 three days ago, with every stage of the centre and of unit-1's crew. */
function stagedAlert(type: string): void {
  const db = new Database(path.join(server.dataDir, 'sac.db'));
  try {
    const reporter = db.prepare(`SELECT id FROM users WHERE role = 'citizen' LIMIT 1`).get() as {
      id: string;
    };
    const id = randomUUID();
    const t = (min: number) =>
      new Date(now.getTime() - 86_400_000 * 3 + min * 60_000).toISOString();
    db.prepare(
      `INSERT INTO alerts (id, reporter_id, type, created_at, received_at, lat, lng,
      accuracy, note, area_id, status, status_at, siren_requested, flagged, assigned_unit)
      VALUES (?, ?, ?, ?, ?, -32.89, -68.84, 10, '', 'area-12', 'resolved', ?, 0, 0, 'unit-1')`,
    ).run(id, reporter.id, type, t(0), t(0), t(40));
    const ev = db.prepare(
      `INSERT INTO alert_events (alert_id, status, at, by) VALUES (?, ?, ?, 'x')`,
    );
    const stages = [
      ['received', 0],
      ['acknowledged', 1],
      ['dispatched', 2],
      ['on_scene', 5],
      ['resolved', 40],
    ] as const;
    for (const [s, m] of stages) ev.run(id, s, t(m));
    const de =
      db.prepare(`INSERT INTO dispatch_events (alert_id, unit_id, status, at, by, received_at)
      VALUES (?, 'unit-1', ?, ?, 'x', ?)`);
    const crew = [
      ['accepted', 3],
      ['en_route', 3],
      ['on_scene', 5],
      ['done', 39],
    ] as const;
    for (const [s, m] of crew) de.run(id, s, t(m), t(m));
  } finally {
    db.close();
  }
}
