import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { hashToken } from '../auth/sessions.js';
import { PushSink } from '../push/testing/push-sink.js';
import { startPushTestServer, type PushTestServer } from '../push/testing/server.js';
import { outboxKeys, raiseAlert, sleep } from '../push/testing/alerts.js';
import { TestSyncClient, until } from '../testing/sync-client.js';
import type { AuditEntryView, OpenedAlert } from '../../shared/console.js';
import {
  appRoutes,
  emptyBody,
  fill,
  marksIn,
  marksOf,
  readRoom,
  responseText,
  strings,
  type Identity,
  type Seen,
} from './privacy-walk.js';

/**
 * The silent alarm's privacy (DESIGN §2), walked as the people who might look: after a silent
 * alert has been raised, worked, dispatched, closed, and a second one cancelled, nothing a
 * neighbour, an officer (assigned or not), or an operator or admin who did not open the audited
 * identity view can read — any room, any HTTP route of the app with any value the alerts
 * showed them, any push — leads to the woman who raised it. The identity view does, and
 * leaves an audit row.
 */
let server: PushTestServer;
let sink: PushSink;
let vapidKey = '';
let her: Identity & { token: string };
let marks: string[];
const people: Record<string, { token: string; id: string }> = {};
const alerts: string[] = [];
let alertArea = '';

/** A resident of her own, with marks no demo resident shares, and a push subscription. */
function addReporter(): Identity & { token: string } {
  const s = server.services.storage;
  const near = s.users.byUsername('vecino1')!;
  const who: Identity = {
    id: randomUUID(),
    username: 'marisol.e',
    name: 'Marisol Etcheverry',
    phone: '+54 261 555 0142',
    address: 'Pasaje Olascoaga 1187',
    home: { lat: near.home!.lat + 0.000731, lng: near.home!.lng - 0.000419 },
  };
  const token = randomBytes(32).toString('base64url');
  s.transaction(() => {
    s.users.insert({ ...who, passwordHash: 'not-used', role: 'citizen', status: 'active', areaId: near.areaId, unitId: null, showName: true }); // prettier-ignore
    s.sessions.insert({
      tokenHash: hashToken(token),
      userId: who.id,
      createdAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
  });
  return { ...who, token };
}

function subscribe(name: string, userId: string, token: string): void {
  const sub = sink.subscribe(name);
  server.services.storage.push.upsert({
    userId,
    sessionHash: hashToken(token),
    endpoint: sub.endpoint,
    p256dh: sub.keys.p256dh,
    auth: sub.keys.auth,
    lang: 'es',
  });
}

const rec = (c: TestSyncClient, name: string, id: string) =>
  c.map(name).get(id) as Y.Map<unknown> | undefined;
const set = (c: TestSyncClient, m: Y.Map<unknown>, fields: Record<string, unknown>) =>
  c.doc.transact(() => Object.entries(fields).forEach(([k, v]) => m.set(k, v)));
const stored = (id: string) => server.services.storage.alerts.byId(id);
/** Every log line the server wrote (warnings and errors go to stderr). */
const logged: string[] = [];

beforeAll(async () => {
  sink = await new PushSink(() => vapidKey).start();
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.join(' '))); // prettier-ignore
  server = await startPushTestServer({
    env: { PUSH_ENDPOINT_ALLOW: sink.origin, LOG_LEVEL: 'warn' },
    push: { ca: sink.ca },
  });
  vapidKey = server.services.push.publicKey;
  her = addReporter();
  marks = marksOf(her);
  subscribe('reporter', her.id, her.token);
  for (const username of ['vecino1', 'oficial1', 'oficial3', 'operador1', 'operador2', 'admin']) {
    const { token, user } = await server.login(username);
    people[username] = { token, id: user.id };
    subscribe(username, user.id, token);
  }

  // A silent alert away from her home, worked to the end with the assigned crew's steps.
  const own = new TestSyncClient(server.url, `user:${her.id}`, her.token);
  const ops = new TestSyncClient(server.url, 'ops', people.operador1!.token);
  const car = new TestSyncClient(server.url, 'unit:unit-1', people.oficial1!.token);
  await until(() => own.synced && ops.synced && car.synced);
  const first = raiseAlert(own, 'gender_violence', { lat: her.home.lat + 0.004, lng: her.home.lng + 0.003 }); // prettier-ignore
  alerts.push(first);
  await until(() => rec(ops, 'alerts', first)?.get('status') === 'received');
  const a = () => rec(ops, 'alerts', first)!;
  set(ops, a(), { status: 'acknowledged' });
  await until(() => stored(first)?.status === 'acknowledged');
  (a().get('notes') as Y.Array<unknown>).push([
    { id: randomUUID(), text: 'Se oyen gritos', at: new Date().toISOString(), by: people.operador1!.id }, // prettier-ignore
  ]);
  set(ops, a(), { escalatedAt: new Date().toISOString() });
  set(ops, a(), { assignedUnit: 'unit-1', status: 'dispatched' });
  await until(() => rec(car, 'dispatches', first) !== undefined);
  for (const [status, field] of [
    ['accepted', 'acceptedAt'],
    ['en_route', 'enRouteAt'],
    ['on_scene', 'onSceneAt'],
  ] as const)
    // prettier-ignore
    set(car, rec(car, 'dispatches', first)!, { status, [field]: new Date().toISOString() });
  await until(() => stored(first)?.status === 'on_scene');
  set(ops, a(), { status: 'resolved', outcome: 'attended' });
  await until(() => stored(first)?.status === 'resolved');

  // A second one she cancels herself, and a third closed as a false alarm.
  const second = raiseAlert(own, 'gender_violence', null);
  alerts.push(second);
  await until(() => rec(ops, 'alerts', second)?.get('status') === 'received');
  set(own, rec(own, 'alerts', second)!, { cancelledAt: new Date().toISOString() });
  await until(() => stored(second)?.status === 'cancelled');
  // Not at home: an alert's exact place is for operators and the crew by design (DESIGN §2),
  // and raised at home it is her home; that cannot be hidden from who must go there.
  const third = raiseAlert(own, 'gender_violence', null);
  alerts.push(third);
  await until(() => rec(ops, 'alerts', third)?.get('status') === 'received');
  set(ops, rec(ops, 'alerts', third)!, { status: 'false_alarm' });
  await until(() => stored(third)?.status === 'false_alarm');

  // A refused write on her own silent alert (a resend the policy turns down) is logged.
  set(own, rec(own, 'alerts', first)!, { status: 'received' });
  await own.closed;

  alertArea = stored(first)!.areaId!;
  await server.services.sync.whenStored();
  const sent = () =>
    alerts.every((id) => outboxKeys(server.dataDir, id).every((r) => r.done || r.key.startsWith('siren:'))); // prettier-ignore
  await until(sent, 10_000);
  await sleep(100);
  for (const c of [own, ops, car]) c.close();
}, 60_000);
afterAll(async () => {
  vi.restoreAllMocks();
  await server?.close();
  await sink?.close();
});

/**
 * Everything `who` can read: the rooms a person might try, and every route of the app with
 * each parameter filled by every value the silent alerts showed them (their records in the
 * rooms this person may open, and the pushes this person got about them), plus what anyone
 * knows (their own id, the unit and room names).
 */
async function walk(who: string): Promise<{ seen: Seen[]; fromAlert: Set<string> }> {
  const { token, id } = people[who]!;
  const seen: Seen[] = [];
  const areas = server.services.city.areas.map((a) => a.properties.id);
  const rooms = ['ops', 'unit:unit-1', 'unit:unit-2', `area:${alertArea}`, `user:${id}`];
  for (const room of rooms) seen.push(await readRoom(server.url, room, token));

  const fromAlert = new Set<string>();
  for (const s of seen) {
    const doc = JSON.parse(s.text.startsWith('{') ? s.text : '{}') as Record<string, Record<string, unknown>>; // prettier-ignore
    for (const name of ['alerts', 'dispatches'])
      for (const alertId of alerts) strings(doc[name]?.[alertId], fromAlert);
  }
  for (const m of sink.for(who)) {
    const tag = (m.payload as { tag?: string }).tag;
    if (tag && alerts.includes(tag)) strings(m.payload, fromAlert);
  }
  for (const v of [...fromAlert]) fromAlert.add(`user:${v}`);
  const known = [id, 'unit-1', 'unit-2', ...rooms, ...areas.map((a) => `area:${a}`)];

  // Reads first; writes may change what later reads show (an admin suspending a crew member
  // named in a timeline), never the person walking (their own id fills reads only).
  const routes = appRoutes(server.services).sort(
    (x, y) => Number(x.method !== 'GET') - Number(y.method !== 'GET'),
  );
  for (const route of routes) {
    // The audited identity view is the one way in (tested above); signing out ends the walk.
    if (route.path.endsWith('/identity') || route.path === '/api/auth/logout') continue;
    const fromIt = new Set(route.path.includes(':') ? fill(route.path, [...fromAlert]) : []);
    const mine = route.method === 'GET' ? known : known.filter((v) => v !== id);
    for (const path of new Set([...fromIt, ...fill(route.path, mine)])) {
      const init = emptyBody(route.method, route.path);
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      const res = await fetch(`${server.url}${path}`, { ...init, method: route.method, headers });
      const text = await responseText(res);
      seen.push({ where: `${route.method} ${path} → ${res.status}`, text, fromAlert: fromIt.has(path) }); // prettier-ignore
    }
  }
  return { seen, fromAlert };
}

const leaks = (seen: readonly Seen[]) =>
  seen.flatMap((s) => marksIn(s.text, marks).map((m) => `${s.where}: ${m}`));

describe("a silent alert's reporter", () => {
  it('is named by the audited identity view, which writes its audit row first', async () => {
    const res = await server.request(`/api/console/alerts/${alerts[0]}/identity`, {
      method: 'POST',
      token: people.operador1!.token,
    });
    const body = (await res.json()) as OpenedAlert;
    expect(body).toMatchObject({ audited: true, reporter: { id: her.id, name: her.name, phone: her.phone, address: her.address } }); // prettier-ignore
    const entries = server.services.storage.console.audit({ limit: 50, action: 'alert.identity_opened' }); // prettier-ignore
    expect(entries).toEqual([
      expect.objectContaining({ actorId: people.operador1!.id, subject: alerts[0], detail: '' }),
    ]);
  });

  it('covers every route of the app', () => {
    const routes = appRoutes(server.services).map((r) => `${r.method} ${r.path}`);
    expect(routes).toEqual(expect.arrayContaining(['GET /api/users', 'POST /api/console/alerts/:id/opened', 'GET /api/units/:id/activity', 'POST /api/sync/:room', 'GET /api/console/audit'])); // prettier-ignore
    expect(routes.length).toBeGreaterThanOrEqual(25);
  });

  it.each(['vecino1', 'oficial1', 'oficial3'])(
    'is nowhere %s can read: no room, no endpoint, no push',
    async (who) => {
      const { seen, fromAlert } = await walk(who);
      expect(marksIn([...fromAlert].join('\n'), marks)).toEqual([]);
      expect(leaks(seen)).toEqual([]);
      expect(leaks(sink.for(who).map((m) => ({ where: 'push', text: JSON.stringify(m.payload), fromAlert: false })))).toEqual([]); // prettier-ignore
    },
    60_000,
  );

  // Operators and admins list every user by name (`GET /api/users`): what must hold for them
  // is that nothing a silent alert shows them leads there, and nothing that names her names
  // one of her silent alerts. operador2 and admin never opened the identity view; admin reads
  // the audit log with operador1's look in it.
  it.each(['operador2', 'admin'])(
    'cannot be reached from her alerts by %s without the identity view',
    async (who) => {
      const { seen, fromAlert } = await walk(who);
      expect(fromAlert.size).toBeGreaterThan(10); // the alerts were there to start from
      // The HTTP fallback served the whole ops room too, not only the socket.
      expect(seen.some((s) => s.where.startsWith('POST /api/sync/ops → 200'))).toBe(true);
      expect(marksIn([...fromAlert].join('\n'), marks)).toEqual([]);
      const rooms = seen.filter((s) => s.where.startsWith('socket'));
      expect(leaks(rooms)).toEqual([]);
      expect(leaks(seen.filter((s) => s.fromAlert))).toEqual([]);
      const links = [...alerts, ...alerts.map((id) => stored(id)!.receivedAt)];
      for (const s of seen.filter((x) => marksIn(x.text, marks).length > 0))
        expect(
          links.filter((l) => s.text.includes(l)),
          s.where,
        ).toEqual([]);
      const directory = seen.find((s) => s.where.startsWith('GET /api/users →'));
      const row = (JSON.parse(directory!.text) as { users: { id: string; falseAlarms: number }[] }).users.find((u) => u.id === her.id); // prettier-ignore
      expect(row?.falseAlarms).toBe(0); // her false alarm was a silent alert
      const audit = seen.filter((s) => s.where.startsWith('GET /api/console/audit'));
      if (who === 'admin') {
        const log = JSON.parse(audit[0]!.text) as { entries: AuditEntryView[] };
        expect(log.entries.map((e) => e.action)).toContain('alert.identity_opened');
      }
      expect(leaks(sink.for(who).map((m) => ({ where: 'push', text: JSON.stringify(m.payload), fromAlert: false })))).toEqual([]); // prettier-ignore
    },
    120_000,
  );

  it('is in no log line, and neither is any silent alert', () => {
    expect(logged.some((l) => l.includes('update refused'))).toBe(true);
    for (const line of logged) {
      expect(marksIn(line, marks.slice(1)), line).toEqual([]); // her id may be a refused writer's
      expect(
        alerts.filter((id) => line.includes(id)),
        line,
      ).toEqual([]);
    }
  });

  it('gets no push about her silent alerts, whatever happened to them', () => {
    expect(sink.for('reporter')).toEqual([]);
    expect(leaks(sink.messages.map((m) => ({ where: `push to ${m.name}`, text: JSON.stringify(m.payload), fromAlert: false })))).toEqual([]); // prettier-ignore
    // The operators were told, and the crew: the walk above had pushes to start from.
    expect(sink.for('operador2').some((m) => alerts.includes(String((m.payload as { tag?: string }).tag)))).toBe(true); // prettier-ignore
    expect(sink.for('oficial1').length).toBeGreaterThan(0);
  });
});
