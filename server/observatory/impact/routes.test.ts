import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationResult, Trial } from '../../../shared/observatory-evaluation.js';
import { nextShift, shiftAt } from '../../../shared/plan.js';
import { PlanService } from '../../plans/service.js';
import { startTestServer, type TestServer } from '../../testing/harness.js';
import { isoDay, localClock } from '../local-time.js';

let server: TestServer;
const tokens: Record<string, string> = {};
const yesterday = isoDay(localClock()(Date.now()).day - 1);
const monthAgo = isoDay(localClock()(Date.now()).day - 30);

beforeAll(async () => {
  server = await startTestServer({ DEMO_EVALUATION: '1' });
  for (const u of ['analista1', 'operador1', 'admin', 'oficial1', 'vecino1'])
    tokens[u] = (await server.login(u)).token;
}, 60_000);
afterAll(() => server.close());

const json = (token: string, path: string, body: unknown, method = 'POST') =>
  server.request(`/api/observatory${path}`, {
    method,
    token,
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const cellsRequest = (cells: string[], control: unknown = { kind: 'auto' }) => ({
  interventionDate: monthAgo,
  type: 'general',
  treated: { kind: 'cells', cells },
  control,
});
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error;

describe('POST /api/observatory/evaluation', () => {
  it('is for analysts, operators and admins; residents and officers are refused', async () => {
    const req = cellsRequest(['c10-10']);
    for (const u of ['vecino1', 'oficial1'])
      expect((await json(tokens[u]!, '/evaluation', req)).status).toBe(403);
    expect((await json('', '/evaluation', req)).status).toBe(401);
    for (const u of ['analista1', 'operador1', 'admin'])
      expect((await json(tokens[u]!, '/evaluation', req)).status).toBe(200);
  });

  it('compares cells picked on the map, with their ring and an automatic control', async () => {
    const hot = server.services.storage.patrol
      .incidentsSince('2000-01-01')
      .filter((i) => i.type === 'general');
    expect(hot.length).toBeGreaterThan(0);
    const res = await json(tokens.analista1!, '/evaluation', cellsRequest(['c10-10', 'c20-20']));
    const r = (await res.json()) as EvaluationResult;
    expect(r.treated.cells.map((c) => c.id)).toEqual(['c10-10', 'c20-20']);
    expect(r.after).toEqual({ from: monthAgo, to: yesterday });
    expect(r.before.to < r.after.from).toBe(true);
    expect(r.ring).toEqual({ inner: 150, outer: 300 });
    expect(r.buffer.cells.length).toBeGreaterThan(0);
    expect(r.control.how).toBe('auto');
    expect(r.warnings).toContain('few_incidents');
    expect(r.meta.method).toBe('wdd_wdq');
    const ids = new Set(r.treated.cells.map((c) => c.id));
    for (const c of [...r.buffer.cells, ...r.control.cells]) expect(ids.has(c.id)).toBe(false);
  });

  it('takes an analyst control and warns when it overlaps the treated cells or the ring', async () => {
    const res = await json(
      tokens.analista1!,
      '/evaluation',
      cellsRequest(['c10-10'], { kind: 'cells', cells: ['c10-11', 'c30-30'] }),
    );
    const r = (await res.json()) as EvaluationResult;
    expect(r.control.how).toBe('cells');
    expect(r.control.cells.map((c) => c.id)).toEqual(['c30-30']);
    expect(r.warnings).toContain('control_overlaps');
  });

  it('says so when there are no plan points since the date', async () => {
    const res = await json(tokens.analista1!, '/evaluation', {
      interventionDate: yesterday,
      type: 'all',
      treated: { kind: 'plan' },
      control: { kind: 'auto' },
    });
    const r = (await res.json()) as EvaluationResult;
    expect(r.warnings).toEqual(expect.arrayContaining(['short_after']));
  });

  it('refuses malformed, unknown and oversized requests with a clear 4xx', async () => {
    const t = tokens.analista1!;
    expect((await json(t, '/evaluation', '{not json')).status).toBe(400);
    expect(
      (await json(t, '/evaluation', { ...cellsRequest(['c10-10']), type: 'gender_violence' }))
        .status,
    ).toBe(400);
    expect(
      (
        await json(t, '/evaluation', {
          ...cellsRequest(['c10-10']),
          interventionDate: '2026-02-30',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await json(t, '/evaluation', {
          ...cellsRequest(['c10-10']),
          interventionDate: isoDay(localClock()(Date.now()).day + 3),
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await json(t, '/evaluation', {
          ...cellsRequest(['c10-10']),
          ring: { inner: 300, outer: 200 },
        })
      ).status,
    ).toBe(400);
    expect((await json(t, '/evaluation', { ...cellsRequest(['c10-10']), extra: 1 })).status).toBe(
      400,
    );
    const unknown = await json(t, '/evaluation', cellsRequest(['c9999-9999']));
    expect(unknown.status).toBe(400);
    expect((await unknown.json()) as unknown).toMatchObject({
      error: { code: 'bad_request', field: 'treated.cells' },
    });
    const noTrial = await json(t, '/evaluation', {
      ...cellsRequest([]),
      treated: { kind: 'trial', trialId: 'nope' },
    });
    expect(noTrial.status).toBe(404);
  });

  it('proposes the first plan on record as the intervention date', async () => {
    const res = await server.request('/api/observatory/evaluation/defaults', {
      token: tokens.operador1!,
    });
    expect(await res.json()).toMatchObject({ ring: { inner: 150, outer: 300 } });
    expect(
      (await server.request('/api/observatory/evaluation/defaults', { token: tokens.vecino1! }))
        .status,
    ).toBe(403);
  });
});

describe('/api/observatory/trials', () => {
  it('lets operators read but only analysts and admins start and end a trial', async () => {
    expect(
      (await server.request('/api/observatory/trials', { token: tokens.operador1! })).status,
    ).toBe(200);
    for (const u of ['vecino1', 'oficial1'])
      expect((await server.request('/api/observatory/trials', { token: tokens[u]! })).status).toBe(
        403,
      );
    for (const u of ['operador1', 'oficial1', 'vecino1'])
      expect((await json(tokens[u]!, '/trials', { seed: 1 })).status).toBe(403);
  });

  it('starts a seeded trial, audited, that the next plans follow; ends it, audited', async () => {
    const started = await json(tokens.analista1!, '/trials', { seed: 424242 });
    expect(started.status).toBe(201);
    const trial = (await started.json()) as Trial;
    expect(trial.seed).toBe(424242);
    expect(trial.endedAt).toBeNull();
    expect(trial.cells.length).toBeGreaterThan(0);
    expect((await json(tokens.admin!, '/trials', {})).status).toBe(409);

    const list = (await (
      await server.request('/api/observatory/trials', { token: tokens.operador1! })
    ).json()) as { trials: Trial[] };
    expect(list.trials[0]!.id).toBe(trial.id);
    const audit = server.services.storage.audit.list(20);
    expect(audit.some((a) => a.action === 'trial.start' && a.subject === trial.id)).toBe(true);

    // The plan service makes the next shift's plans again under the trial.
    const s = server.services;
    const plans = new PlanService({ storage: s.storage, sync: s.sync, city: s.city, log: s.log });
    const now = new Date();
    plans.ensure(now);
    const next = nextShift(shiftAt(now));
    const control = new Set(trial.cells.filter((c) => c.arm === 'control').map((c) => c.cellId));
    for (const unit of s.city.units) {
      const plan = plans.planOf(unit.id, next.key)!;
      expect(plan.trialId).toBe(trial.id);
      for (const p of plan.points) expect(control.has(p.id)).toBe(false);
    }

    // The trial's arms are an evaluation of their own.
    const evaluated = await json(tokens.operador1!, '/evaluation', {
      interventionDate: monthAgo,
      type: 'all',
      treated: { kind: 'trial', trialId: trial.id },
      control: { kind: 'auto' },
    });
    const r = (await evaluated.json()) as EvaluationResult;
    expect(r.control.how).toBe('trial');
    expect(r.treated.cells.length).toBe(trial.cells.filter((c) => c.arm === 'treatment').length);

    expect((await json(tokens.operador1!, `/trials/${trial.id}/end`, {})).status).toBe(403);
    const ended = await json(tokens.admin!, `/trials/${trial.id}/end`, {});
    expect(ended.status).toBe(200);
    expect(((await ended.json()) as Trial).endedAt).not.toBeNull();
    expect((await json(tokens.admin!, `/trials/${trial.id}/end`, {})).status).toBe(409);
    expect((await json(tokens.admin!, '/trials/nope/end', {})).status).toBe(404);
    expect(s.storage.audit.list(20).some((a) => a.action === 'trial.end')).toBe(true);
    plans.ensure(new Date());
    for (const unit of s.city.units)
      expect(plans.planOf(unit.id, next.key)!.trialId).toBeUndefined();
    plans.close();
  });

  it('refuses a bad seed', async () => {
    expect((await json(tokens.analista1!, '/trials', { seed: -1 })).status).toBe(400);
    expect((await json(tokens.analista1!, '/trials', { seed: 2 ** 40 })).status).toBe(400);
    expect((await json(tokens.analista1!, '/trials', { seed: 'x' })).status).toBe(400);
  });
});

// Last: the server answers 413 before reading the whole body and drops the connection, which
// the client's pool may only notice on the next request made over it.
describe('an oversized evaluation', () => {
  it('is refused with 413', async () => {
    const t = tokens.analista1!;
    const big = await json(
      t,
      '/evaluation',
      cellsRequest(Array.from({ length: 9000 }, (_, i) => `c${i}-1`)),
    );
    expect(big.status).toBe(413);
    expect((await errorOf(big)).code).toBe('too_large');
  });
});
