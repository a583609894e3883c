import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TestSyncClient, until } from '../testing/sync-client.js';
import { startPushTestServer, type PushTestServer } from '../push/testing/server.js';
import { outboxKeys, raiseAlert, sleep } from '../push/testing/alerts.js';
import { act, field, type Person } from '../console/testing.js';
import { readDemoDevices, type DemoDevice } from './demo-devices.js';
import { SimulatedSiren } from './sim-device.js';

/**
 * Sirens stop with their alert and never wail late (DESIGN §6): cancelling or closing an
 * alert silences the units it sounded, every command expires, a unit that returns after its
 * command expired gets nothing, and what expired undelivered is recorded and on the board.
 * The hub's clock is moved on (`sirenNow`) instead of waiting out a 60 s pattern.
 */
let server: PushTestServer;
let devices: DemoDevice[];
let skewMs = 0;
const sims: SimulatedSiren[] = [];

beforeAll(async () => {
  server = await startPushTestServer({
    push: {
      sirens: { retryMs: 300, offlineAfterMs: 600_000, sweepMs: 100 },
      sirenNow: () => Date.now() + skewMs,
    },
  });
  devices = readDemoDevices(server.dataDir);
});
afterAll(async () => {
  for (const s of sims) s.stop();
  await server.close();
});

const areaSirens = (areaId: string) => devices.filter((d) => d.areaId === areaId).map((d) => d.id);
const homeOf = (username: string) => server.services.storage.users.byUsername(username)!.home!;
const board = (id: string) =>
  (server.services.sync.room('ops').doc.getMap('sirens').get(id) as Y.Map<unknown>).toJSON();
const sirenRows = (alertId: string) =>
  outboxKeys(server.dataDir, alertId).filter((r) => r.key.startsWith('siren:'));

async function connect(id: string): Promise<SimulatedSiren> {
  const d = devices.find((x) => x.id === id)!;
  const sim = new SimulatedSiren({ url: server.url, id, token: d.token }).start();
  sims.push(sim);
  await sim.opened();
  return sim;
}

async function room(name: string, who: Person): Promise<TestSyncClient> {
  const c = new TestSyncClient(server.url, name, who.token);
  await until(() => c.synced);
  return c;
}

const commands = (sim: SimulatedSiren) => sim.received.map((r) => r.command);

describe('siren commands end with their alert', () => {
  it('sounds on an alert at home and silences the same units when the resident cancels', async () => {
    const ids = areaSirens('area-1');
    const units = await Promise.all(ids.map((id) => connect(id)));
    const resident = (await server.login('vecino1')) as Person;
    const own = await room(`user:${resident.user.id}`, resident);
    const alertId = raiseAlert(own, 'general', homeOf('vecino1'));
    await until(() => units.every((u) => u.state === 'sounding'));
    for (const u of units) expect(commands(u)).toEqual([expect.objectContaining({ cmd: 'sound', seconds: 60 })]); // prettier-ignore

    // "Fue un error": the resident cancels, and every unit it sounded is told to stop.
    const rec = own.map('alerts').get(alertId) as Y.Map<unknown>;
    rec.set('cancelledAt', new Date().toISOString());
    await until(() => units.every((u) => u.state === 'idle'));
    for (const u of units) expect(commands(u).map((c) => c.cmd)).toEqual(['sound', 'silence']);
    await until(() => sirenRows(alertId).every((r) => r.done));
    expect(sirenRows(alertId).filter((r) => r.key.endsWith(':silence'))).toHaveLength(ids.length);
    await until(() => ids.every((id) => board(id).state === 'idle'));
    own.close();
  });

  it('silences the units when an operator resolves the alert', async () => {
    const units = sims.slice(0, areaSirens('area-1').length);
    const resident = (await server.login('vecino1')) as Person;
    const op = (await server.login('operador1')) as Person;
    const own = await room(`user:${resident.user.id}`, resident);
    const ops = await room('ops', op);
    const alertId = raiseAlert(own, 'fire', homeOf('vecino1'));
    await until(() => units.every((u) => u.state === 'sounding'));
    await until(() => field(ops, alertId, 'status') === 'received');
    act(ops, alertId, { status: 'acknowledged' });
    await until(() => field(ops, alertId, 'status') === 'acknowledged');
    act(ops, alertId, { status: 'resolved', outcome: 'attended' });
    await until(() => units.every((u) => u.state === 'idle'));
    for (const u of units) expect(commands(u).slice(-2).map((c) => c.cmd)).toEqual(['sound', 'silence']); // prettier-ignore
    own.close();
    ops.close();
  });

  it('never delivers a sound to a unit that returns after it expired, and shows it missed', async () => {
    const [id] = areaSirens('area-2');
    const resident = (await server.login('vecino2')) as Person;
    const own = await room(`user:${resident.user.id}`, resident);
    const alertId = raiseAlert(own, 'general', homeOf('vecino2'));
    await until(() => sirenRows(alertId).length > 0);
    // The unit was off; a minute and more passes (the alert pattern is 60 s).
    skewMs = 61_000;
    await until(() => board(id!).missedAt !== null);
    expect(board(id!)).toMatchObject({ missedCmd: 'sound', missedAlert: alertId });
    const misses = server.services.storage.devices.missesSince(new Date(0).toISOString());
    expect(misses).toContainEqual(expect.objectContaining({ sirenId: id, cmd: 'sound', alertId }));
    await until(() => sirenRows(alertId).every((r) => r.done));

    const back = await connect(id!);
    await sleep(700);
    expect(back.received).toEqual([]);
    skewMs = 0;
    own.close();
  });

  it('gives a unit that returns late only the rest of the pattern, and nothing once cancelled', async () => {
    const [late, cancelled] = areaSirens('area-3');
    const resident = (await server.login('vecino3')) as Person;
    const own = await room(`user:${resident.user.id}`, resident);
    const first = raiseAlert(own, 'general', homeOf('vecino3'));
    await until(() => sirenRows(first).length > 0);
    // Readable once committed, handed to the hub once durable: the clock moves after that.
    await server.services.sync.whenStored();
    skewMs = 45_000;
    const unit = await connect(late!);
    await until(() => unit.received.length === 1);
    const sound = unit.received[0]!.command;
    expect(sound.cmd).toBe('sound');
    if (sound.cmd === 'sound') expect(sound.seconds).toBeLessThanOrEqual(15);
    skewMs = 0;

    // The other unit of the area was off all along: the alert is cancelled before it returns.
    const rec = own.map('alerts').get(first) as Y.Map<unknown>;
    rec.set('cancelledAt', new Date().toISOString());
    await until(() => unit.state === 'idle');
    if (cancelled) {
      await until(() => sirenRows(first).every((r) => r.done));
      await server.services.sync.whenStored();
      const back = await connect(cancelled);
      await sleep(700);
      expect(back.received).toEqual([]);
    }
    own.close();
  });

  it('leaves a unit sounding while another open alert still sounds it', async () => {
    const ids = areaSirens('area-4');
    const units = await Promise.all(ids.map((id) => connect(id)));
    const resident = (await server.login('vecino4')) as Person;
    const own = await room(`user:${resident.user.id}`, resident);
    const home = homeOf('vecino4');
    const first = raiseAlert(own, 'general', home);
    await until(() => units.every((u) => u.received.length === 1 && u.state === 'sounding'));
    const second = raiseAlert(own, 'fire', home);
    await until(() => units.every((u) => u.received.length === 2));
    const cancel = (id: string) =>
      (own.map('alerts').get(id) as Y.Map<unknown>).set('cancelledAt', new Date().toISOString());

    // The first is cancelled: the fire still needs the sirens, so none is silenced.
    cancel(first);
    await until(() => sirenRows(first).length === 2 * ids.length && sirenRows(first).every((r) => r.done)); // prettier-ignore
    await sleep(500);
    for (const u of units) expect(commands(u).map((c) => c.cmd)).toEqual(['sound', 'sound']);
    expect(units.every((u) => u.state === 'sounding')).toBe(true);
    // Then the fire is cancelled too: now they stop.
    cancel(second);
    await until(() => units.every((u) => u.state === 'idle'));
    for (const u of units) expect(commands(u).at(-1)?.cmd).toBe('silence');
    own.close();
  });
});
