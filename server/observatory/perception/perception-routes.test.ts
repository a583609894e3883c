import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PerceptionResult } from '../../../shared/observatory-evaluation.js';
import { startTestServer, type TestServer } from '../../testing/harness.js';

/** `/api/observatory/perception` on the demo: who may read it, what it checks, what it holds. */
let server: TestServer;
let analyst: string;
const now = new Date();

beforeAll(async () => {
  server = await startTestServer({ DEMO_EVALUATION: '1' }, { now: () => now });
  analyst = (await server.login('analista1')).token;
}, 60_000);

afterAll(() => server.close());

const get = (p: string, token?: string) => server.request(`/api/observatory${p}`, { token });

describe('perception', () => {
  it('is for the observatory roles only', async () => {
    expect((await get('/perception')).status).toBe(401);
    expect((await get('/perception.csv')).status).toBe(401);
    for (const who of ['vecino1', 'oficial1']) {
      const token = (await server.login(who)).token;
      expect((await get('/perception', token)).status, who).toBe(403);
      expect((await get('/perception.csv', token)).status, who).toBe(403);
    }
  });

  it('answers 400 to a bad area or date', async () => {
    for (const q of ['area=nowhere', 'from=2026-02-30', 'type=gender_violence']) {
      expect((await get(`/perception?${q}`, analyst)).status, q).toBe(400);
    }
  });

  it('shows shares with intervals where 10 or more answered and withholds the rest', async () => {
    const res = await get('/perception', analyst);
    expect(res.status).toBe(200);
    const text = await res.text();
    const r = JSON.parse(text) as PerceptionResult;
    expect(r.minAnswers).toBe(10);
    expect(r.meta.method).toBe('wilson_shares');
    expect(r.meta.sources).toEqual(['patrol']);
    expect(r.meta.n).toBeGreaterThan(1000);
    expect(r.questions.map((q) => q.question)).toContain('feels_safe_night');
    const night = r.questions.find((q) => q.question === 'feels_safe_night')!;
    expect(night.total.no.shown).toBe(true);
    const cells = night.cells;
    expect(cells.some((c) => c.answers >= 10 && c.shares.no.shown)).toBe(true);
    const few = cells.filter((c) => c.answers < 10);
    expect(few.length).toBeGreaterThan(0);
    expect(few.every((c) => !c.shares.no.shown && !('share' in c.shares.no))).toBe(true);
    // the quadrant: every kind present on the demo, an unlit area among "unsafe, few"
    const kinds = new Set(r.quadrant.map((q) => q.kind));
    expect([...kinds].sort()).toEqual(['safe_few', 'safe_many', 'unsafe_few', 'unsafe_many']);
    expect(r.quadrant.every((q) => q.unsafe.n >= 10)).toBe(true);
    // the demo's unlit area: most say they feel unsafe, few incidents are recorded
    expect(
      r.quadrant.some((q) => q.kind === 'unsafe_few' && q.unsafe.shown && q.unsafe.share > 0.6),
    ).toBe(true);
    // never an officer or a note
    expect(text).not.toMatch(/officer|note|oficial/i);
  });

  it('narrows to an area, the type filter not applying', async () => {
    const area = (await (
      await get('/perception?area=area-12', analyst)
    ).json()) as PerceptionResult;
    const typed = (await (
      await get('/perception?area=area-12&type=fire', analyst)
    ).json()) as PerceptionResult;
    expect(typed.questions).toEqual(area.questions);
    const night = area.questions.find((q) => q.question === 'feels_safe_night')!;
    expect(night.areas.map((a) => a.areaId)).toEqual(['area-12']);
    expect(area.quadrant.every((q) => q.areaId === 'area-12')).toBe(true);
  });

  it('exports a CSV with the meta on every row', async () => {
    const res = await get('/perception.csv', analyst);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /filename="sac-perception-[\d-]+\.csv"$/,
    );
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(
      /^level,place,south,west,north,east,question,answer,count,answers,share/,
    );
    expect(lines.some((l) => l.startsWith('area,') && l.includes(',quadrant,no,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('cell,') && l.includes(',true,'))).toBe(true);
    expect(lines.slice(1).every((l) => l.includes(',patrol,'))).toBe(true);
  });
});
