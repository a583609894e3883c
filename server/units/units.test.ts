import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { TestSyncClient, until } from '../testing/sync-client.js';
import { isShiftPlan, localParts, nextShift, shiftAt, type ShiftPlan } from '../../shared/plan.js';
import type { SessionUser } from '../../shared/types.js';
import { PlanService } from '../plans/service.js';

type Login = { token: string; user: SessionUser };
let server: TestServer;
let one: Login;
let two: Login;
let operator: Login;
let resident: Login;

beforeAll(async () => {
  server = await startTestServer();
  const [a, b, d, e] = await Promise.all(
    ['oficial1', 'oficial2', 'operador1', 'vecino31'].map((u) => server.login(u)),
  );
  [one, two, operator, resident] = [a!, b!, d!, e!];
});
afterAll(() => server.close());

const at = (minutesAgo = 0) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
const here = { lat: -32.91, lng: -68.87, accuracy: 9 };

function add(c: TestSyncClient, collection: string, fields: Record<string, unknown>): string {
  const id = randomUUID();
  c.doc.transact(() =>
    c.map(collection).set(id, new Y.Map<unknown>(Object.entries({ id, ...fields }))),
  );
  return id;
}

const plansOf = (c: TestSyncClient): ShiftPlan[] => {
  const out: ShiftPlan[] = [];
  c.map('plan').forEach((v) => isShiftPlan(v) && out.push(v));
  return out;
};

describe('the demo history and the plans', () => {
  it('seeds a year of closed alerts in SQL', () => {
    expect(server.services.storage.alerts.count()).toBeGreaterThanOrEqual(3000);
    const since = new Date(Date.now() - 90 * 86_400_000).toISOString();
    const recent = server.services.storage.patrol.incidentsSince(since);
    expect(recent.length).toBeGreaterThan(600);
    // Robberies concentrate between 3 and 7 a.m. (Mendoza, UTC−3).
    const robberies = recent.filter((i) => i.type === 'general');
    const night = robberies.filter((i) => {
      const h = (new Date(i.receivedAt).getUTCHours() + 21) % 24;
      return h >= 3 && h < 7;
    });
    expect(night.length / robberies.length).toBeGreaterThan(0.5);
  });

  it('gives every unit a plan for the running and the next shift, in its quadrant', async () => {
    const c = new TestSyncClient(server.url, 'unit:unit-1', one.token);
    await until(() => c.synced);
    const current = shiftAt(new Date());
    const keys = plansOf(c).map((p) => p.key);
    expect(keys).toEqual(expect.arrayContaining([current.key, nextShift(current).key]));
    const plan = plansOf(c).find((p) => p.key === current.key)!;
    const quadrant = server.services.city.units.find((u) => u.id === 'unit-1')!.quadrant;
    expect(plan.quadrant).toEqual(quadrant);
    for (const p of plan.points) expect(quadrant).toContain(p.areaId);
    // One visit per hour of the shift the programme covers (the demo's leaves 03–07 out).
    const programme = new Set(server.services.city.observatory.programmeHours);
    const hours = Array.from(
      { length: current.hours },
      (_, k) => localParts(new Date(current.start.getTime() + k * 3_600_000)).hour,
    );
    expect(plan.visits).toHaveLength(hours.filter((h) => programme.has(h)).length);
    for (const v of plan.visits)
      expect(programme.has(localParts(new Date(v.start)).hour)).toBe(true);
    c.close();
  });
});

describe('two phones of one unit, a shift without signal', () => {
  it('stores every check-in and conversation once, and tells the operators', async () => {
    // Both phones log while offline, then connect at once.
    const a = new TestSyncClient(server.url, 'unit:unit-1', one.token);
    const b = new TestSyncClient(server.url, 'unit:unit-1', two.token);
    await until(() => a.synced && b.synced);
    const plan = plansOf(a).find((p) => p.key === shiftAt(new Date()).key)!;
    const point = plan.points[0]!;
    a.close();
    b.close();
    const phoneA = new Y.Doc();
    const phoneB = new Y.Doc();
    Y.applyUpdate(phoneA, Y.encodeStateAsUpdate(a.doc));
    Y.applyUpdate(phoneB, Y.encodeStateAsUpdate(b.doc));
    const offline = (doc: Y.Doc, by: string) => {
      const c = { doc, map: (n: string) => doc.getMap(n) } as unknown as TestSyncClient;
      const ids: string[] = [];
      const loc = { lat: point.lat, lng: point.lng, accuracy: 5 };
      ids.push(add(c, 'checkins', { point: point.id, kind: 'in', at: at(30), location: loc, by }));
      for (let i = 0; i < 5; i++) {
        const answers = { feels_safe_night: i % 2 ? 'yes' : 'no', trash_pickup: 'unsure' };
        ids.push(
          add(c, 'conversations', { at: at(20 - i), location: here, answers, note: `n${i}`, by }),
        );
      }
      ids.push(add(c, 'checkins', { point: point.id, kind: 'out', at: at(16), location: loc, by }));
      return ids;
    };
    const idsA = offline(phoneA, one.user.id);
    const idsB = offline(phoneB, two.user.id);

    const ra = new TestSyncClient(server.url, 'unit:unit-1', one.token);
    const rb = new TestSyncClient(server.url, 'unit:unit-1', two.token);
    Y.applyUpdate(ra.doc, Y.encodeStateAsUpdate(phoneA));
    Y.applyUpdate(rb.doc, Y.encodeStateAsUpdate(phoneB));
    await until(() => ra.allStored && rb.allStored, 8000);
    // And the same records once more over the HTTP fallback: still stored once.
    const resend = await server.request('/api/sync/unit:unit-1', {
      method: 'POST',
      token: one.token,
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(Y.encodeStateAsUpdate(phoneA)),
    });
    expect(resend.status).toBe(200);

    const since = at(60);
    const checkins = server.services.storage.patrol.checkins('unit-1', since);
    const conversations = server.services.storage.patrol.conversations('unit-1', since);
    const mine = new Set([...idsA, ...idsB]);
    expect(checkins.filter((c) => mine.has(c.id))).toHaveLength(4);
    expect(conversations.filter((c) => mine.has(c.id))).toHaveLength(10);
    const checkin = checkins.find((c) => c.id === idsA[0])!;
    expect(checkin).toMatchObject({ officerId: one.user.id, kind: 'in', planKey: plan.key });
    expect(checkin.distanceM).toBe(0);
    expect(conversations.find((c) => c.id === idsB[1])).toMatchObject({
      officerId: two.user.id,
      answers: { feels_safe_night: 'no', trash_pickup: 'unsure' },
      areaId: expect.stringMatching(/^area-/),
    });

    // The operators: a summary in ops, the log and the time at the point over HTTP.
    const ops = new TestSyncClient(server.url, 'ops', operator.token);
    await until(
      () =>
        (ops.map('units').get('unit-1') as Y.Map<unknown> | undefined)?.get('conversations') ===
        conversations.length,
    );
    const res = await server.request(
      '/api/units/unit-1/activity?since=' + encodeURIComponent(since),
      {
        token: operator.token,
      },
    );
    const activity = (await res.json()) as { stays: { point: string; minutes: number | null }[] };
    expect(activity.stays).toEqual([expect.objectContaining({ point: point.id, minutes: 14 })]);
    for (const c of [ra, rb, ops]) c.close();
  });
});

describe('a dispatch', () => {
  it('reaches the unit, and each step reaches the operators and the resident', async () => {
    const own = new TestSyncClient(server.url, `user:${resident.user.id}`, resident.token);
    const ops = new TestSyncClient(server.url, 'ops', operator.token);
    const phoneA = new TestSyncClient(server.url, 'unit:unit-1', one.token);
    const phoneB = new TestSyncClient(server.url, 'unit:unit-1', two.token);
    await until(() => own.synced && ops.synced && phoneA.synced && phoneB.synced);
    const id = add(own, 'alerts', { type: 'general', createdAt: at(), location: here, note: '' });
    const opsRec = () => ops.map('alerts').get(id) as Y.Map<unknown> | undefined;
    await until(() => opsRec()?.get('status') === 'received');
    opsRec()!.set('status', 'acknowledged');
    await until(() => server.services.storage.alerts.byId(id)?.status === 'acknowledged');
    ops.doc.transact(() => {
      opsRec()!.set('assignedUnit', 'unit-1');
      opsRec()!.set('status', 'dispatched');
    });
    const dispatchOn = (c: TestSyncClient) =>
      c.map('dispatches').get(id) as Y.Map<unknown> | undefined;
    await until(
      () => dispatchOn(phoneA)?.get('status') === 'dispatched' && dispatchOn(phoneB) !== undefined,
    );

    // Phone B loses signal after accepting; phone A goes all the way to on scene.
    phoneB.close();
    const offlineB = new Y.Doc();
    Y.applyUpdate(offlineB, Y.encodeStateAsUpdate(phoneB.doc));
    const recB = offlineB.getMap('dispatches').get(id) as Y.Map<unknown>;
    offlineB.transact(() => {
      recB.set('status', 'accepted');
      recB.set('acceptedAt', at(3));
    });
    const recA = dispatchOn(phoneA)!;
    const stamps: Record<string, string> = {};
    for (const [status, field] of [
      ['accepted', 'acceptedAt'],
      ['en_route', 'enRouteAt'],
      ['on_scene', 'onSceneAt'],
    ] as const) {
      phoneA.doc.transact(() => {
        recA.set('status', status);
        recA.set(field, (stamps[field] = at()));
      });
    }
    await until(() => server.services.storage.alerts.byId(id)?.status === 'on_scene');
    const events = server.services.storage.alerts.events(id);
    expect(events.at(-1)).toMatchObject({ status: 'on_scene', by: one.user.id });
    await until(
      () => opsRec()?.get('unitStatus') === 'on_scene' && opsRec()?.get('status') === 'on_scene',
    );
    const ownRec = () => own.map('alerts').get(id) as Y.Map<unknown> | undefined;
    await until(
      () => ownRec()?.get('unitStatus') === 'on_scene' && ownRec()?.get('status') === 'on_scene',
    );
    // When the crew set off stays on the resident's alert (their timeline shows it).
    expect(ownRec()?.get('enRouteAt')).toBe(stamps.enRouteAt);

    // B's stale "accepted" arrives: nothing is refused, the room keeps the furthest step.
    const back = new TestSyncClient(server.url, 'unit:unit-1', two.token);
    Y.applyUpdate(back.doc, Y.encodeStateAsUpdate(offlineB));
    await until(() => back.allStored);
    await until(() => dispatchOn(back)?.get('status') === 'on_scene');
    expect(back.closeCode).toBeNull();
    const steps = server.services.storage.patrol.dispatchEvents(id).map((e) => e.status);
    expect(steps).toEqual(['accepted', 'en_route', 'on_scene']);

    // Done is the crew's word; closing the alert stays the operator's call.
    recA.doc!.transact(() => {
      recA.set('status', 'done');
      recA.set('doneAt', at());
    });
    await until(() => opsRec()?.get('unitStatus') === 'done');
    expect(server.services.storage.alerts.byId(id)?.status).toBe('on_scene');
    opsRec()!.set('status', 'resolved');
    await until(() => dispatchOn(phoneA)?.get('alertStatus') === 'resolved');
    for (const c of [own, ops, phoneA, back]) c.close();
  });
});

describe('the unit room stays small', () => {
  it('drops records older than three days once SQL has them', async () => {
    const c = new TestSyncClient(server.url, 'unit:unit-4', (await server.login('oficial7')).token);
    await until(() => c.synced);
    const by = server.services.storage.users.byUsername('oficial7')!.id;
    const old = add(c, 'conversations', {
      at: at(4 * 24 * 60),
      location: null,
      answers: {},
      note: 'old',
      by,
    });
    const fresh = add(c, 'conversations', {
      at: at(),
      location: null,
      answers: {},
      note: 'new',
      by,
    });
    await until(() => c.allStored);
    // The demo's own conversations of the unit are there too: only this test's two count.
    const mine = () =>
      server.services.storage.patrol
        .conversations('unit-4', at(5 * 24 * 60))
        .filter((r) => r.id === old || r.id === fresh);
    await until(() => mine().length === 2);
    const { storage, sync, city, log } = server.services;
    new PlanService({ storage, sync, city, log }).ensure();
    await until(() => !c.map('conversations').has(old));
    expect(c.map('conversations').has(fresh)).toBe(true);
    expect(mine().map((r) => r.note)).toEqual(['old', 'new']);
    c.close();
  });
});
