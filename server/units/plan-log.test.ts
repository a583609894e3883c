import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { TestSyncClient, until } from '../testing/sync-client.js';
import { isShiftPlan, nextShift, shiftAt, type ShiftPlan } from '../../shared/plan.js';
import { SERVER } from '../sync/origin.js';
import type { SessionUser } from '../../shared/types.js';

/** The plan log records every plan as issued or edited, and keeps what the room prunes. */
type Login = { token: string; user: SessionUser };
let server: TestServer;
let operator: Login;

beforeAll(async () => {
  server = await startTestServer();
  operator = await server.login('operador1');
});
afterAll(() => server.close());

const logged = (unitId: string, key: string): ShiftPlan | undefined => {
  const day = 86_400_000;
  const now = Date.now();
  return server.services.storage.planLog
    .between(new Date(now - 3 * day).toISOString(), new Date(now + 3 * day).toISOString())
    .find((p) => p.unitId === unitId && p.key === key);
};
const roomPlan = (unitId: string, key: string) =>
  server.services.sync.room(`unit:${unitId}`).doc.getMap('plan').get(key) as ShiftPlan;

describe('the plan log', () => {
  it('holds the plans the server generated for the running and the next shift', async () => {
    const current = shiftAt(new Date());
    await server.services.sync.whenStored();
    for (const unit of server.services.city.units) {
      for (const key of [current.key, nextShift(current).key]) {
        expect(logged(unit.id, key)).toEqual(roomPlan(unit.id, key));
      }
    }
    expect(logged('unit-2', current.key)?.source).toBe('generated');
  });

  it('records an operator’s edit through the console and through the room', async () => {
    const key = shiftAt(new Date()).key;
    const plan = roomPlan('unit-1', key);
    const res = await server.request(`/api/units/unit-1/plan/${key}`, {
      method: 'PUT',
      token: operator.token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ points: plan.points, visits: plan.visits.slice(0, -1) }),
    });
    expect(res.status).toBe(200);
    await until(() => logged('unit-1', key)?.source === 'edited');
    expect(logged('unit-1', key)).toMatchObject({ editedBy: operator.user.id });
    expect(logged('unit-1', key)?.visits).toHaveLength(plan.visits.length - 1);

    // An operator's phone or console writing the entry in the room itself.
    const c = new TestSyncClient(server.url, 'unit:unit-3', operator.token);
    await until(() => c.synced);
    const next = nextShift(shiftAt(new Date())).key;
    const theirs = c.map('plan').get(next);
    expect(isShiftPlan(theirs)).toBe(true);
    const edited = { ...(theirs as ShiftPlan), visits: (theirs as ShiftPlan).visits.slice(1) };
    c.map('plan').set(next, edited);
    await until(() => logged('unit-3', next)?.visits.length === edited.visits.length);
    c.close();
  });

  it('keeps a plan the room prunes', async () => {
    const key = nextShift(shiftAt(new Date())).key;
    const doc = server.services.sync.room('unit:unit-4').doc;
    const before = logged('unit-4', key);
    expect(before).toBeDefined();
    doc.transact(() => doc.getMap('plan').delete(key), SERVER);
    await server.services.sync.whenStored();
    expect(logged('unit-4', key)).toEqual(before);
  });
});
