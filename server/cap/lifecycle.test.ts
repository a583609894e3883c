import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { act, open, raise, rec, type Person } from '../console/testing.js';
import type { TestSyncClient } from '../testing/sync-client.js';
import type { AlertTypeCode, GeoPoint } from '../../shared/types.js';
import { issueApiKey } from '../integrations/keys.js';
import { isOpenStatus } from '../../shared/catalogue.js';
import { stagesOf } from './lifecycle.js';
import { capErrors, eventually, Poller, tag, xmlErrors } from './testing.js';

/**
 * A civil-protection system polling the CAP feed sees a verified alert appear (Alert), move
 * on (Update) and end (Update with AllClear, or Cancel), each message valid against the
 * OASIS schema and free of anything the resident wrote or where exactly they were.
 */
let server: TestServer;
let op: Person;
let ops: TestSyncClient;
let poller: Poller;
/** what no message may ever carry: notes, names, phones, ids, exact positions */
const secrets: string[] = ['Ruidos en el patio'];

beforeAll(async () => {
  // With the demo's evaluation history: its verified alerts are served too.
  server = await startTestServer({ DEMO_EVALUATION: '1' });
  op = (await server.login('operador1')) as Person;
  ops = await open(server, 'ops', op);
  const { key } = issueApiKey(server.services.storage, {
    name: 'Defensa Civil',
    scopes: ['cap'],
    by: op.user.id,
  });
  poller = new Poller(server.url, key);
  secrets.push(op.user.id);
});
afterAll(async () => {
  ops.close();
  await server.close();
});

/** A resident's alert a little off their home, at a position with telltale decimals. */
async function raiseAs(username: string, type: AlertTypeCode) {
  const who = (await server.login(username)) as Person;
  const user = server.services.storage.users.byId(who.user.id)!;
  const where: GeoPoint = { lat: user.home!.lat + 0.0001234, lng: user.home!.lng - 0.0001234 };
  secrets.push(user.id, user.name, user.username, where.lat.toFixed(5), where.lng.toFixed(5));
  if (user.phone) secrets.push(user.phone);
  const own = await open(server, `user:${who.user.id}`, who);
  const id = await raise(own, ops, type, where);
  return { id, own, areaId: server.services.storage.alerts.byId(id)!.areaId! };
}

/** Waits until the index links this alert's message of `step`, then reads that message. */
async function nextMessage(id: string, step: string): Promise<string> {
  const href = await eventually(async () => {
    const entry = await poller.entryOf(id);
    return entry?.endsWith(`/cap/messages/sac.${id}.${step}.xml`) ? entry : undefined;
  });
  const body = await poller.message(href);
  expect(tag(body, 'identifier')).toBe(`sac.${id}.${step}`);
  expect(tag(body, 'sent')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-03:00$/);
  expect(tag(body, 'status')).toBe('Test'); // the demo city (ARCHITECTURE, CAP 1.2)
  expect(tag(body, 'scope')).toBe('Public');
  expect(await capErrors([body])).toEqual([]);
  return body;
}

async function absent(id: string) {
  expect(await poller.entryOf(id)).toBeUndefined();
  const res = await poller.get(`/cap/messages/sac.${id}.alert.xml`);
  expect(res.status).toBe(404);
}

describe('the CAP feed over an alert’s life', () => {
  it('shows a verified alert as an Alert, each step as an Update, and its end as AllClear', async () => {
    const { id, own, areaId } = await raiseAs('vecino21', 'fire');
    await absent(id); // a resident's press alone is no public warning

    act(ops, id, { status: 'acknowledged' });
    const alert = await nextMessage(id, 'alert');
    const url = [...poller.seen.keys()].find((u) => u.endsWith(`sac.${id}.alert.xml`))!;
    const etag = (await poller.get(url)).headers.get('etag')!;
    expect((await poller.get(url, { 'if-none-match': etag })).status).toBe(304);
    expect(tag(alert, 'msgType')).toBe('Alert');
    expect(alert).not.toContain('<references>');
    expect(tag(alert, 'category')).toBe('Fire');
    expect(tag(alert, 'urgency')).toBe('Immediate');
    expect(tag(alert, 'certainty')).toBe('Observed');
    expect(alert).toContain('<language>es-AR</language>');
    expect(alert).toContain('<language>en-US</language>');
    const area = server.services.city.areas.find((a) => a.properties.id === areaId)!;
    expect(tag(alert, 'areaDesc')).toBe(`${area.properties.name}, Godoy Cruz`);
    const polygon = tag(alert, 'polygon')!.split(' ');
    expect(polygon[0]).toBe(polygon[polygon.length - 1]);
    const [lng, lat] = area.geometry.coordinates[0]![0]!;
    expect(polygon[0]).toBe(`${Number(lat!.toFixed(6))},${Number(lng!.toFixed(6))}`);

    act(ops, id, { assignedUnit: 'unit-3', status: 'dispatched' });
    const dispatched = await nextMessage(id, 'dispatched');
    expect(tag(dispatched, 'msgType')).toBe('Update');
    const sender = tag(alert, 'sender');
    expect(tag(dispatched, 'references')).toBe(`${sender},sac.${id}.alert,${tag(alert, 'sent')}`);

    act(ops, id, { status: 'on_scene' });
    expect(tag(await nextMessage(id, 'on_scene'), 'msgType')).toBe('Update');

    act(ops, id, { status: 'resolved', outcome: 'attended' });
    const resolved = await nextMessage(id, 'resolved');
    expect(tag(resolved, 'msgType')).toBe('Update');
    expect(tag(resolved, 'responseType')).toBe('AllClear');
    expect(tag(resolved, 'urgency')).toBe('Past');
    expect(tag(resolved, 'references')!.split(' ')).toHaveLength(3);
    // Earlier messages stay where they were, byte for byte.
    for (const url of [...poller.seen.keys()].filter((u) => u.includes(id)))
      await poller.message(url);
    own.close();
  });

  it('cancels a verified alert found to be a false alarm', async () => {
    const { id, own } = await raiseAs('vecino22', 'medical');
    act(ops, id, { status: 'acknowledged' });
    expect(tag(await nextMessage(id, 'alert'), 'category')).toBe('Health');
    act(ops, id, { status: 'false_alarm' });
    const cancel = await nextMessage(id, 'false_alarm');
    expect(tag(cancel, 'msgType')).toBe('Cancel');
    expect(tag(cancel, 'references')).toContain(`sac.${id}.alert`);
    own.close();
  });

  it('cancels a verified alert its reporter cancelled', async () => {
    const { id, own } = await raiseAs('vecino23', 'general');
    act(ops, id, { status: 'acknowledged' });
    expect(tag(await nextMessage(id, 'alert'), 'category')).toBe('Security');
    own.doc.transact(() => rec(own, id).set('cancelledAt', new Date().toISOString()));
    expect(tag(await nextMessage(id, 'cancelled'), 'msgType')).toBe('Cancel');
    own.close();
  });

  it('never publishes an alert closed before an operator verified it', async () => {
    const first = await raiseAs('vecino24', 'bicycle_theft');
    act(ops, first.id, { status: 'false_alarm' });
    const second = await raiseAs('vecino25', 'general');
    second.own.doc.transact(() =>
      (second.own.map('alerts').get(second.id) as Y.Map<unknown>).set(
        'cancelledAt',
        new Date().toISOString(),
      ),
    );
    await eventually(async () => {
      const s = server.services.storage.alerts;
      return (
        s.byId(first.id)?.status === 'false_alarm' && s.byId(second.id)?.status === 'cancelled'
      );
    });
    for (const { id } of [first, second]) {
      await absent(id);
      for (const step of ['false_alarm', 'cancelled'])
        expect((await poller.get(`/cap/messages/sac.${id}.${step}.xml`)).status).toBe(404);
    }
    first.own.close();
    second.own.close();
  });

  it('serves only well-formed indexes and schema-valid messages, with nothing personal', async () => {
    const { body, entries } = await poller.index();
    expect(await xmlErrors(body)).toEqual([]);
    // Every message of every verified alert of the demo's last month, and of these tests.
    const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const demo = server.services.storage.cap.current(since);
    expect(demo.length).toBeGreaterThan(4);
    for (const a of demo) {
      const stages = stagesOf(a);
      // A closed alert's last message is its end (AllClear or Cancel), whatever order the
      // demo's history wrote its stamps in.
      if (!isOpenStatus(a.status)) expect(stages.at(-1)?.status, a.id).toBe(a.status);
      for (const s of stages) await poller.message(`/cap/messages/sac.${a.id}.${s.key}.xml`);
    }
    for (const e of entries) await poller.message(e.href);
    const bodies = [...poller.seen.values()];
    expect(bodies.length).toBeGreaterThan(20);
    expect(await capErrors(bodies)).toEqual([]);
    for (const b of bodies) for (const secret of secrets) expect(b).not.toContain(secret);
    for (const secret of secrets) expect(body).not.toContain(secret);
  });
});
