import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationResult } from '../../../shared/observatory-evaluation.js';
import { programmeStartDay } from '../../demo/programme.js';
import { startTestServer, type TestServer } from '../../testing/harness.js';
import { isoDay, localClock } from '../local-time.js';
import { seedPlanLog } from './testing.js';

let server: TestServer;
let token: string;
let programmeStart: string;

beforeAll(async () => {
  server = await startTestServer({ DEMO_EVALUATION: '1' });
  const yesterday = localClock()(Date.now()).day - 1;
  const from = programmeStartDay(yesterday);
  programmeStart = isoDay(from);
  // The demo's patrol history seeds the plans; where it has not (yet), the test does.
  if (server.services.storage.planLog.first() === null)
    seedPlanLog(server.services, from, yesterday);
  token = (await server.login('analista1')).token;
}, 60_000);
afterAll(() => server.close());

describe("the demo's default evaluation", () => {
  it('reads a reduction of robberies at the fixed points, and no displacement next door', async () => {
    // What the view proposes: the first plan on record, the programme's start.
    const defaults = (await (
      await server.request('/api/observatory/evaluation/defaults', { token })
    ).json()) as { interventionDate: string };
    expect(defaults.interventionDate).toBe(programmeStart);
    const res = await server.request('/api/observatory/evaluation', {
      method: 'POST',
      token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        interventionDate: defaults.interventionDate,
        type: 'general',
        treated: { kind: 'plan' },
        control: { kind: 'auto' },
      }),
    });
    expect(res.status).toBe(200);
    const r = (await res.json()) as EvaluationResult;
    // Checked on seven demo dates (the history's weekdays shift with the day it is seeded):
    // local z from −2.3 to −4.4, the ring's from −2.5 to −0.2.
    expect(r.wdd.local.reading).toBe('reduction');
    expect(r.treated.counts.after).toBeLessThan(r.treated.counts.before * 0.75);
    expect(r.meta).toMatchObject({ method: 'wdd_wdq', sources: ['alerts'] });
    expect(r.interventionDate).toBe(programmeStart);
    expect(r.warnings).not.toContain('no_plan_points');
    expect(r.wdd.local.z!).toBeLessThan(-1.96);
    expect(['diffusion', 'no_clear_change']).toContain(r.wdd.buffer.reading);
  }, 60_000);
});
