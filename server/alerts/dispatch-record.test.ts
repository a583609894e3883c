import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { TestSyncClient, until } from '../testing/sync-client.js';
import type { AlertTypeCode, GeoPoint, SessionUser } from '../../shared/types.js';
import { distanceMetres } from '../../shared/geo.js';

/**
 * What a dispatch tells the crew, read from the unit's room as its officer: where to go
 * (the registered address when raised at home, else the nearest known point and the area),
 * whom to call — and, for a silent alert, nothing that leads to the woman who raised it.
 */
type Login = { token: string; user: SessionUser };
let server: TestServer;
let officer: Login;
let otherOfficer: Login;
let operator: Login;
let ops: TestSyncClient;
let car: TestSyncClient;

beforeAll(async () => {
  server = await startTestServer();
  [officer, otherOfficer, operator] = (await Promise.all(
    ['oficial11', 'oficial1', 'operador1'].map((u) => server.login(u)),
  )) as [Login, Login, Login];
  ops = new TestSyncClient(server.url, 'ops', operator.token);
  car = new TestSyncClient(server.url, 'unit:unit-6', officer.token);
  await until(() => ops.synced && car.synced);
});
afterAll(async () => {
  ops.close();
  car.close();
  await server.close();
});

const resident = (username: string) => server.services.storage.users.byUsername(username)!;

/** `username` raises an alert at `at`; an operator takes it and dispatches unit-6. */
async function dispatched(
  username: string,
  type: AlertTypeCode,
  at: GeoPoint | null,
  note: string,
): Promise<Record<string, unknown>> {
  const login = await server.login(username);
  const own = new TestSyncClient(server.url, `user:${login.user.id}`, login.token);
  await until(() => own.synced);
  const id = randomUUID();
  const fields = {
    id,
    type,
    createdAt: new Date().toISOString(),
    location: at ? { ...at, accuracy: 8 } : null,
    note,
  };
  own.doc.transact(() => own.map('alerts').set(id, new Y.Map<unknown>(Object.entries(fields))));
  const rec = () => ops.map('alerts').get(id) as Y.Map<unknown> | undefined;
  await until(() => rec()?.get('status') === 'received');
  rec()!.set('status', 'acknowledged');
  await until(() => server.services.storage.alerts.byId(id)?.status === 'acknowledged');
  ops.doc.transact(() => {
    rec()!.set('assignedUnit', 'unit-6');
    rec()!.set('status', 'dispatched');
  });
  const onPhone = () => car.map('dispatches').get(id) as Y.Map<unknown> | undefined;
  await until(() => onPhone() !== undefined);
  own.close();
  return onPhone()!.toJSON() as Record<string, unknown>;
}

describe('a dispatch on the officer’s phone', () => {
  it('raised at home: the registered address, the reporter’s phone and name, the note', async () => {
    const r = resident('vecino33');
    const d = await dispatched('vecino33', 'general', r.home, 'Portón verde, tocar fuerte');
    const area = server.services.city.areas.find((a) => a.properties.id === r.areaId)!;
    expect(d).toMatchObject({
      type: 'general',
      note: 'Portón verde, tocar fuerte',
      status: 'dispatched',
      atHome: true,
      address: r.address,
      areaName: area.properties.name,
      reporterPhone: r.phone,
      reporterName: expect.stringMatching(new RegExp(`^${r.name.split(' ')[0]} [A-ZÁÉÍÓÚÑ]\\.$`)),
    });
    expect(d.location).toMatchObject({ lat: r.home!.lat, lng: r.home!.lng });
  });

  it('raised elsewhere: the nearest known point and the area, no home address', async () => {
    const r = resident('vecino34');
    const siren = server.services.city.sirens[50]!;
    const at = { lat: siren.lat + 0.0012, lng: siren.lng };
    const d = await dispatched('vecino34', 'medical', at, '');
    expect(d.atHome).toBe(false);
    expect(d.address).toBe('');
    expect(d.reporterPhone).toBe(r.phone);
    const ref = d.reference as { label: string; lat: number; lng: number };
    // The nearest of all the city's sirens, within reach.
    const best = Math.min(...server.services.city.sirens.map((s) => distanceMetres(at, s)));
    expect(distanceMetres(at, ref)).toBeCloseTo(best, 3);
    expect(ref.label).toMatch(/^Central \d — /);
    const area = server.services.city.areas.find(
      (a) => a.properties.id === server.services.storage.alerts.byId(d.id as string)!.areaId,
    )!;
    expect(d.areaName).toBe(area.properties.name);
  });

  it('sent without a position: the registered address is where to start', async () => {
    const r = resident('vecino35');
    const d = await dispatched('vecino35', 'fire', null, 'Humo en el patio');
    expect(d).toMatchObject({ location: null, address: r.address, atHome: false });
    expect(d.reference).toBeNull();
  });

  it('silent, raised at home: the place and the note, nothing that names her', async () => {
    const r = resident('vecino36');
    const d = await dispatched('vecino36', 'gender_violence', r.home, 'Golpes en la puerta');
    expect(d).toMatchObject({ type: 'gender_violence', note: 'Golpes en la puerta' });
    expect(d.areaName).toEqual(expect.any(String));
    for (const key of ['address', 'atHome', 'reporterName', 'reporterPhone'])
      expect(d, key).not.toHaveProperty(key);
    // The whole room, as the officer's phone holds it, carries none of her marks.
    const room = JSON.stringify(car.map('dispatches').toJSON());
    const surname = r.name.split(' ').at(-1)!;
    for (const mark of [r.id, r.username, r.name, surname, r.phone!, r.address!])
      expect(room.includes(mark), mark).toBe(false);
    const silentOnly = JSON.stringify(d);
    expect(silentOnly.includes(r.phone!.replace(/\D/g, ''))).toBe(false);
  });

  it('silent without a position: only the area', async () => {
    const d = await dispatched('vecino37', 'gender_violence', null, '');
    expect(d).toMatchObject({ location: null, reference: null });
    expect(d).not.toHaveProperty('address');
    expect(d).not.toHaveProperty('reporterPhone');
  });

  it('reaches only the assigned unit: another unit’s officer cannot open its room', async () => {
    const spy = new TestSyncClient(server.url, 'unit:unit-6', otherOfficer.token);
    await until(() => spy.closeCode !== null || spy.synced);
    expect(spy.synced).toBe(false);
    expect(spy.closeCode).toBe(4403);
    spy.close();
  });

  it('tells the crew when the centre closed the alert, with the time', async () => {
    const d = await dispatched('vecino38', 'general', null, '');
    const rec = () => ops.map('alerts').get(d.id as string) as Y.Map<unknown>;
    rec().set('status', 'false_alarm');
    const onPhone = () => car.map('dispatches').get(d.id as string) as Y.Map<unknown>;
    await until(() => onPhone().get('alertStatus') === 'false_alarm');
    expect(onPhone().get('alertStatusAt')).toBe(
      server.services.storage.alerts.byId(d.id as string)!.statusAt,
    );
  });
});
