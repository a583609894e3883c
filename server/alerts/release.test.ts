import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TestSyncClient, until } from '../testing/sync-client.js';
import { PushSink, type SinkMessage } from '../push/testing/push-sink.js';
import { startPushTestServer, type PushTestServer } from '../push/testing/server.js';
import { outboxKeys, sleep } from '../push/testing/alerts.js';
import { addMembers, type Member } from '../push/testing/members.js';
import { field, type Person } from '../console/testing.js';
import { readDemoDevices } from '../sirens/demo-devices.js';
import { SimulatedSiren } from '../sirens/sim-device.js';
import type { AlertTypeCode, GeoPoint } from '../../shared/types.js';

/**
 * The per-resident threshold said plainly (DESIGN §4): the alert past it says what it held
 * back, in ops and in the resident's own room; an operator releases it and the sirens and
 * neighbours get it as they would have, audited. Silent alerts are never counted or marked;
 * an alert queued offline counts by when it was raised.
 */
let sink: PushSink;
let server: PushTestServer;
let neighbour: Member;
let op: Person;
let ops: TestSyncClient;
const sims: SimulatedSiren[] = [];

beforeAll(async () => {
  sink = await new PushSink(() => server.services.push.publicKey).start();
  server = await startPushTestServer({
    env: { PUSH_ENDPOINT_ALLOW: sink.origin },
    push: { ca: sink.ca },
  });
  neighbour = addMembers(server.services.storage, 'area-1', 1, 'vecina', sink)[0]!;
  op = (await server.login('operador1')) as Person;
  ops = await open('ops', op);
});
afterAll(async () => {
  for (const s of sims) s.stop();
  ops?.close();
  await server?.close();
  await sink?.close();
});

async function open(room: string, who: { token: string }): Promise<TestSyncClient> {
  const c = new TestSyncClient(server.url, room, who.token);
  await until(() => c.synced);
  return c;
}

/** An alert as the phone writes it; `createdAt` is the phone's clock (offline: long ago). */
function raise(own: TestSyncClient, type: AlertTypeCode, at: GeoPoint, createdAt = new Date()) {
  const id = randomUUID();
  const fields = { id, type, createdAt: createdAt.toISOString(), location: { ...at, accuracy: 10 }, note: '' }; // prettier-ignore
  own.doc.transact(() => own.map('alerts').set(id, new Y.Map<unknown>(Object.entries(fields))));
  return id;
}

const homeOf = (username: string) => server.services.storage.users.byUsername(username)!.home!;
const inOps = (id: string) => until(() => field(ops, id, 'status') === 'received');
const release = (id: string, token = op.token) =>
  server.request(`/api/console/alerts/${id}/release`, { method: 'POST', token });
const neighbourHeard = (id: string) =>
  sink.for(neighbour.name!).some((m: SinkMessage) => (m.payload as { tag: string }).tag === id);

describe('an alert past the threshold', () => {
  it('says what it held back, and an operator releases it: sirens and neighbours, audited', async () => {
    const resident = (await server.login('vecino1')) as Person;
    const own = await open(`user:${resident.user.id}`, resident);
    const home = homeOf('vecino1');
    const device = readDemoDevices(server.dataDir).find((d) => d.areaId === 'area-1')!;
    const siren = new SimulatedSiren({ url: server.url, id: device.id, token: device.token });
    sims.push(siren.start());
    await siren.opened();

    for (let n = 0; n < 3; n++) await inOps(raise(own, 'general', home));
    await until(() => siren.received.length === 3);
    const fourth = raise(own, 'general', home);
    await inOps(fourth);
    expect(field(ops, fourth, 'flagged')).toBe(true);
    expect(field(ops, fourth, 'heldBack')).toEqual({ siren: true, neighbours: true });
    await until(() => field(own, fourth, 'status') === 'received');
    expect(field(own, fourth, 'heldBack')).toEqual({ siren: true, neighbours: true });
    const area = await open('area:area-1', neighbour);
    await sleep(300);
    expect(area.map('alerts').has(fourth)).toBe(false);
    expect(outboxKeys(server.dataDir, fourth).some((r) => r.key.startsWith('siren:'))).toBe(false);
    expect(neighbourHeard(fourth)).toBe(false);
    expect(siren.received).toHaveLength(3);

    // Only staff may release, only an alert held back.
    expect((await release(fourth, resident.token)).status).toBe(403);
    expect((await release(fourth, (await server.login('oficial1')).token)).status).toBe(403);
    expect((await server.request(`/api/console/alerts/${fourth}/release`, { method: 'POST' })).status).toBe(401); // prettier-ignore
    const first = [...ops.map('alerts').keys()].find((k) => field(ops, k, 'flagged') === false)!;
    expect((await release(first)).status).toBe(409);
    expect((await release(randomUUID())).status).toBe(404);

    expect((await release(fourth)).status).toBe(202);
    await until(() => typeof field(ops, fourth, 'releasedAt') === 'string');
    expect(field(ops, fourth, 'releasedBy')).toBe(op.user.id);
    await until(() => typeof field(own, fourth, 'releasedAt') === 'string');
    await until(() => area.map('alerts').has(fourth));
    await until(() => siren.received.length === 4);
    expect(siren.received[3]!.command).toMatchObject({ cmd: 'sound', pattern: 'alert', seconds: 60 }); // prettier-ignore
    await until(() => neighbourHeard(fourth));
    const audit = server.services.storage.audit.list(20).filter((a) => a.subject === fourth);
    expect(audit.map((a) => a.action)).toEqual(['alert.released']);
    expect(audit[0]!.actorId).toBe(op.user.id);
    // Once released, it is released: a second press changes nothing.
    expect((await release(fourth)).status).toBe(409);

    // A held-back alert the resident cancelled is over: nothing to release.
    const fifth = raise(own, 'general', home);
    await inOps(fifth);
    expect(field(ops, fifth, 'flagged')).toBe(true);
    (own.map('alerts').get(fifth) as Y.Map<unknown>).set('cancelledAt', new Date().toISOString());
    await until(() => field(ops, fifth, 'status') === 'cancelled');
    expect((await release(fifth)).status).toBe(409);
    area.close();
    own.close();
  });

  it('never counts or marks a silent alert', async () => {
    const resident = (await server.login('vecino2')) as Person;
    const own = await open(`user:${resident.user.id}`, resident);
    const home = homeOf('vecino2');
    for (let n = 0; n < 3; n++) await inOps(raise(own, 'gender_violence', home));
    const publicOne = raise(own, 'general', home);
    await inOps(publicOne);
    expect(field(ops, publicOne, 'flagged')).toBe(false);
    for (let n = 0; n < 2; n++) await inOps(raise(own, 'general', home));
    const silent = raise(own, 'gender_violence', home);
    await inOps(silent);
    expect(field(ops, silent, 'flagged')).toBe(false);
    expect(field(ops, silent, 'heldBack')).toBeUndefined();
    own.close();
  });

  it('counts an alert queued offline by when it was raised on the phone', async () => {
    const resident = (await server.login('vecino3')) as Person;
    const own = await open(`user:${resident.user.id}`, resident);
    const home = homeOf('vecino3');
    const ago = (min: number) => new Date(Date.now() - min * 60_000);
    // Three alerts raised offline over the last hour arrive together, then a new one.
    const ids = [50, 40, 30].map((m) => raise(own, 'general', home, ago(m)));
    for (const id of ids) await inOps(id);
    const now = raise(own, 'general', home);
    await inOps(now);
    for (const id of [...ids, now]) expect(field(ops, id, 'flagged')).toBe(false);
    own.close();
  });
});
