import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TestSyncClient, until } from '../testing/sync-client.js';
import { startPushTestServer, type PushTestServer } from '../push/testing/server.js';
import { outboxKeys, raiseAlert, sleep } from '../push/testing/alerts.js';
import { readDemoDevices, type DemoDevice } from './demo-devices.js';
import { SimulatedSiren, type SimOptions } from './sim-device.js';

let server: PushTestServer;
let devices: DemoDevice[];
const sims: SimulatedSiren[] = [];

beforeAll(async () => {
  server = await startPushTestServer({
    push: { sirens: { retryMs: 300, offlineAfterMs: 600, sweepMs: 100 } },
  });
  devices = readDemoDevices(server.dataDir);
});
afterAll(async () => {
  for (const s of sims) s.stop();
  await server.close();
});

async function connect(id: string, options: Partial<SimOptions> = {}): Promise<SimulatedSiren> {
  const d = devices.find((x) => x.id === id)!;
  const sim = new SimulatedSiren({ url: server.url, id, token: d.token, ...options }).start();
  sims.push(sim);
  await sim.opened();
  return sim;
}

const board = (id: string) =>
  (server.services.sync.room('ops').doc.getMap('sirens').get(id) as Y.Map<unknown>).toJSON();

async function residentRoom(username: string) {
  const { token, user } = await server.login(username);
  const c = new TestSyncClient(server.url, `user:${user.id}`, token);
  await until(() => c.synced);
  return c;
}
const homeOf = (username: string) => server.services.storage.users.byUsername(username)!.home!;
const areaSirens = (areaId: string) => devices.filter((d) => d.areaId === areaId).map((d) => d.id);

describe('siren central units', () => {
  it('issues a demo token per siren, kept hashed, in an owner-only file', () => {
    expect(devices).toHaveLength(server.services.city.sirens.length);
    const mode = fs.statSync(path.join(server.dataDir, 'demo-devices.json')).mode & 0o777;
    expect(mode).toBe(0o600);
    expect(fs.statSync(path.join(server.dataDir, 'vapid.json')).mode & 0o777).toBe(0o600);
    const db = fs.readFileSync(path.join(server.dataDir, 'sac.db'));
    expect(db.includes(Buffer.from(devices[0]!.token))).toBe(false);
  });

  it('closes a socket without a valid device token with 4401', async () => {
    for (const token of ['', 'x'.repeat(43)]) {
      const sim = new SimulatedSiren({ url: server.url, id: 'nobody', token, reconnect: false });
      sim.start();
      await until(() => sim.closeCode !== null);
      expect(sim.closeCode).toBe(4401);
    }
  });

  it('sounds the area of a public alert raised at home, and only that area', async () => {
    const ids = areaSirens('area-1');
    expect(ids.length).toBeGreaterThan(0);
    const units = await Promise.all(ids.map((id) => connect(id)));
    const elsewhere = await connect(areaSirens('area-2')[0]!);
    await until(() => ids.every((id) => board(id).online === true));
    expect(board(ids[0]!).lastHeartbeat).toEqual(expect.any(String));

    const own = await residentRoom('vecino1');
    const started = performance.now();
    const alertId = raiseAlert(own, 'fire', homeOf('vecino1'));
    await until(() => units.every((u) => u.received.length === 1));
    const times = units.map((u) => u.received[0]!.at - started);
    console.log(`alert-to-siren: ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
    for (const u of units)
      expect(u.received[0]!.command).toMatchObject({ cmd: 'sound', pattern: 'fire', seconds: 120 });
    // Acknowledged: the rows are done and the board shows the units sounding.
    await until(() =>
      outboxKeys(server.dataDir, alertId)
        .filter((r) => r.key.startsWith('siren:'))
        .every((r) => r.done),
    );
    await until(() => ids.every((id) => board(id).state === 'sounding'));
    expect(elsewhere.received).toEqual([]);
    own.close();
  });

  it('never sounds for a silent alert, nor for one raised away from home', async () => {
    const units = [...sims];
    const before = units.map((u) => u.received.length);
    const own = await residentRoom('vecino1');
    const silent = raiseAlert(own, 'gender_violence', homeOf('vecino1'));
    const home = homeOf('vecino1');
    const away = raiseAlert(own, 'general', { lat: home.lat + 0.02, lng: home.lng });
    const ops = server.services.sync.room('ops').doc.getMap('alerts');
    await until(() => ops.has(silent) && ops.has(away));
    expect((ops.get(away) as Y.Map<unknown>).get('sirenRequested')).toBe(false);
    for (const id of [silent, away])
      expect(outboxKeys(server.dataDir, id).filter((r) => r.key.startsWith('siren:'))).toEqual([]);
    await sleep(500);
    expect(units.map((u) => u.received.length)).toEqual(before);
    own.close();
  });

  it('repeats an unacknowledged command, also across a reconnect, until acknowledged', async () => {
    const id = areaSirens('area-2')[1]!;
    const deaf = await connect(id, { dropAcks: true });
    const own = await residentRoom('vecino2');
    const started = performance.now();
    const alertId = raiseAlert(own, 'general', homeOf('vecino2'));
    await until(() => deaf.received.length >= 3);
    console.log(`alert-to-siren (warm): ${(deaf.received[0]!.at - started).toFixed(1)} ms`);
    const commandIds = new Set(deaf.received.map((r) => r.command.id));
    expect(commandIds.size).toBe(1);
    const gaps = deaf.received.slice(1).map((r, i) => r.at - deaf.received[i]!.at);
    console.log(`siren resends after: ${gaps.map((g) => g.toFixed(0)).join(', ')} ms`);
    deaf.stop();

    // The same unit comes back (say, after a power cut): the command is still there.
    const back = await connect(id);
    await until(() => back.received.length >= 1);
    expect(back.received[0]!.command.id).toBe([...commandIds][0]);
    await until(() =>
      outboxKeys(server.dataDir, alertId)
        .filter((r) => r.key.startsWith('siren:') && r.key.endsWith(`:${id}`))
        .every((r) => r.done),
    );
    own.close();
  });

  it('lets operators test and silence a unit, audit-logged; residents may not', async () => {
    const id = areaSirens('area-3')[0]!;
    const unit = await connect(id);
    const op = await server.login('operador2');
    const test = await server.request(`/api/sirens/${id}/test`, {
      method: 'POST',
      token: op.token,
    });
    expect(test.status).toBe(202);
    await until(() => unit.received.some((r) => r.command.cmd === 'test'));
    const silence = await server.request(`/api/sirens/${id}/silence`, {
      method: 'POST',
      token: op.token,
    });
    expect(silence.status).toBe(202);
    await until(() => unit.received.some((r) => r.command.cmd === 'silence'));
    const audit = server.services.storage.audit.list(10).filter((a) => a.subject === id);
    expect(audit.map((a) => a.action).sort()).toEqual(['siren.silence', 'siren.test']);

    const resident = await server.login('vecino3');
    const refused = await server.request(`/api/sirens/${id}/test`, {
      method: 'POST',
      token: resident.token,
    });
    expect(refused.status).toBe(403);
    const unknown = await server.request('/api/sirens/siren-99999/test', {
      method: 'POST',
      token: op.token,
    });
    expect(unknown.status).toBe(404);
  });

  it('shows a unit that stopped heartbeating as offline', async () => {
    const id = areaSirens('area-4')[0]!;
    await connect(id, { heartbeat: false });
    await until(() => board(id).online === true);
    await until(() => board(id).online === false, 3000);
  });
});
