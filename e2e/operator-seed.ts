import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { AlertTypeCode, GeoPoint } from '../shared/types.js';
import { TestSyncClient, until } from '../server/testing/sync-client.js';

/**
 * A busy queue for the operator console's specs: residents raise alerts through the real
 * sync protocol (their own `user:` rooms, the same path as the app), without a browser each.
 */
export interface Raised {
  id: string;
  username: string;
  type: AlertTypeCode;
}

async function signIn(baseURL: string, username: string) {
  const res = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  const { token, user } = (await res.json()) as { token: string; user: { id: string } };
  const me = await fetch(`${baseURL}/api/me`, { headers: { authorization: `Bearer ${token}` } });
  const { home } = (await me.json()) as { home: GeoPoint };
  return { token, id: user.id, home };
}

/** Raises one alert as `username`, resolving once the server has received it. */
export async function raiseAs(
  baseURL: string,
  username: string,
  type: AlertTypeCode,
  note = '',
  offset = 0,
): Promise<Raised> {
  const who = await signIn(baseURL, username);
  const room = new TestSyncClient(baseURL, `user:${who.id}`, who.token);
  await until(() => room.synced, 10_000);
  const id = randomUUID();
  const fields = {
    id,
    type,
    createdAt: new Date().toISOString(),
    location: { lat: who.home.lat + offset, lng: who.home.lng - offset, accuracy: 15 },
    note,
  };
  room.doc.transact(() => room.map('alerts').set(id, new Y.Map<unknown>(Object.entries(fields))));
  await until(
    () => (room.map('alerts').get(id) as Y.Map<unknown>).get('status') === 'received',
    10_000,
  );
  room.close();
  return { id, username, type };
}

/** Ten alerts from vecino21…vecino30 (this console's demo residents), of every type. */
export async function busyQueue(baseURL: string): Promise<Raised[]> {
  const plan: [string, AlertTypeCode, string][] = [
    ['vecino21', 'general', 'Dos personas saltando el tapial del vecino'],
    ['vecino22', 'medical', 'Mi papá se descompuso, respira mal'],
    ['vecino23', 'fire', 'Sale humo del baldío de la esquina'],
    ['vecino24', 'bicycle_theft', 'Se llevaron la bici del garaje, iban hacia el sur'],
    ['vecino25', 'gender_violence', ''],
    ['vecino26', 'general', 'Auto sospechoso dando vueltas hace una hora'],
    ['vecino27', 'medical', ''],
    ['vecino28', 'general', 'Ruidos de vidrios rotos en la casa de al lado'],
    ['vecino29', 'bicycle_theft', ''],
    ['vecino30', 'fire', 'Incendio en un contenedor de basura'],
  ];
  const out: Raised[] = [];
  for (const [username, type, note] of plan)
    out.push(await raiseAs(baseURL, username, type, note, 0.0004));
  return out;
}

/** A neighbour request filed by `username` from the app (their `user:` room). */
export async function fileRequest(
  baseURL: string,
  username: string,
  category: string,
  description: string,
): Promise<string> {
  const who = await signIn(baseURL, username);
  const room = new TestSyncClient(baseURL, `user:${who.id}`, who.token);
  await until(() => room.synced, 10_000);
  const id = randomUUID();
  const fields = {
    id,
    category,
    description,
    location: { lat: who.home.lat, lng: who.home.lng, accuracy: 20 },
    createdAt: new Date().toISOString(),
  };
  room.doc.transact(() => room.map('requests').set(id, new Y.Map<unknown>(Object.entries(fields))));
  await until(
    () => (room.map('requests').get(id) as Y.Map<unknown>).get('status') === 'open',
    10_000,
  );
  room.close();
  return id;
}

/** A resident who registers and waits for approval (a fresh username and phone each run). */
export async function register(baseURL: string, name: string): Promise<string> {
  const n = Date.now() % 1_000_000;
  const username = `nuevo${n}`;
  const res = await fetch(`${baseURL}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username,
      password: 'una-clave-larga',
      name,
      phone: `+54 261 5${String(n).padStart(6, '0')}`,
      address: 'Paso de los Andes 1450',
      home: { lat: -32.925, lng: -68.846 },
    }),
  });
  if (!res.ok) throw new Error(`register: ${res.status} ${await res.text()}`);
  return username;
}

/** An operator's write on an alert in `ops`, through the same policy as the console's. */
export async function markAs(
  baseURL: string,
  operator: string,
  alertId: string,
  status: 'acknowledged' | 'false_alarm',
): Promise<void> {
  const who = await signIn(baseURL, operator);
  const ops = new TestSyncClient(baseURL, 'ops', who.token);
  await until(() => ops.synced && ops.map('alerts').has(alertId), 10_000);
  (ops.map('alerts').get(alertId) as Y.Map<unknown>).set('status', status);
  await until(() => ops.allStored, 10_000);
  ops.close();
}
