import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { TestSyncClient, until } from '../testing/sync-client.js';
import { CloseCode } from '../../sync/protocol.js';
import { isShiftPlan, shiftAt, type ShiftPlan } from '../../shared/plan.js';
import type { SessionUser } from '../../shared/types.js';

/** Who may read a unit's room and change its plan; the units' work is units.test.ts. */
type Login = { token: string; user: SessionUser };
let server: TestServer;
let one: Login;
let other: Login;
let operator: Login;

beforeAll(async () => {
  server = await startTestServer();
  const [a, c, d] = await Promise.all(
    ['oficial1', 'oficial3', 'operador1'].map((u) => server.login(u)),
  );
  [one, other, operator] = [a!, c!, d!];
});
afterAll(() => server.close());

const at = (minutesAgo = 0) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

const plansOf = (c: TestSyncClient): ShiftPlan[] => {
  const out: ShiftPlan[] = [];
  c.map('plan').forEach((v) => isShiftPlan(v) && out.push(v));
  return out;
};

describe('who may do what in a unit room', () => {
  it('keeps an officer out of another unit’s room', async () => {
    const c = new TestSyncClient(server.url, 'unit:unit-1', other.token);
    expect(await c.closed).toBe(CloseCode.forbidden);
    const res = await server.request('/api/units/unit-1/plan', { token: other.token });
    expect(res.status).toBe(403);
  });

  it('lets no officer change the plan, and lets an operator', async () => {
    const c = new TestSyncClient(server.url, 'unit:unit-1', one.token);
    await until(() => c.synced);
    const plan = plansOf(c).find((p) => p.key === shiftAt(new Date()).key)!;
    const before = structuredClone(plan.visits);
    expect(before.length).toBeGreaterThan(0);
    c.map('plan').set(plan.key, { ...plan, visits: [] });
    expect(await c.closed).toBe(CloseCode.forbidden);
    const serverPlan = server.services.sync
      .room('unit:unit-1')
      .doc.getMap('plan')
      .get(plan.key) as ShiftPlan;
    expect(serverPlan.visits).toEqual(before);

    const put = (token: string) =>
      server.request(`/api/units/unit-1/plan/${plan.key}`, {
        method: 'PUT',
        token,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ points: plan.points, visits: plan.visits.slice(0, -1) }),
      });
    expect((await put(one.token)).status).toBe(403);
    const ok = await put(operator.token);
    expect(ok.status).toBe(200);
    const edited = server.services.sync
      .room('unit:unit-1')
      .doc.getMap('plan')
      .get(plan.key) as ShiftPlan;
    expect(edited).toMatchObject({ source: 'edited', editedBy: operator.user.id });
    expect(edited.visits).toHaveLength(before.length - 1);
    const bad = await server.request(`/api/units/unit-1/plan/${plan.key}`, {
      method: 'PUT',
      token: operator.token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        points: plan.points,
        visits: [{ point: 'nowhere', start: at(), end: at(-14) }],
      }),
    });
    expect(bad.status).toBe(400);
  });

  it('serves the ranked hot spots to operators only', async () => {
    const res = await server.request('/api/units/hotspots/ranked', { token: operator.token });
    const body = (await res.json()) as { cells: { rank: number; gi: number }[] };
    expect(body.cells.length).toBeGreaterThan(10);
    expect(body.cells[0]!.rank).toBe(1);
    const denied = await server.request('/api/units/hotspots/ranked', { token: one.token });
    expect(denied.status).toBe(403);
  });
});
