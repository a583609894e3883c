import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { expect, type Page } from '@playwright/test';
import { TestSyncClient, until } from '../../server/testing/sync-client.js';
import type { AlertTypeCode, GeoPoint, Me } from '../../shared/types.js';

/** The shared e2e server (playwright.config.ts). */
// Set by playwright.config.ts (a free port unless given), inherited by every worker.
export const BASE = `http://localhost:${process.env.E2E_PORT}`;

export interface Session {
  token: string;
  user: { id: string; areaId: string | null };
}

/** The server's JSON API, as a test drives it from outside the browser. */
export async function api<T>(
  path: string,
  init: { token?: string; json?: unknown; method?: string } = {},
): Promise<T> {
  const res = await fetch(`${BASE}${path}`, {
    method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.json === undefined ? null : JSON.stringify(init.json),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export const signIn = (username: string, password = 'demo1234') =>
  api<Session>('/api/auth/login', { json: { username, password } });

/** A phone number no other run of the suite has used. */
export const freshPhone = (): string =>
  `261 ${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

/**
 * A second resident in the same area as `username` (the demo city has one per area),
 * registered through the API and approved by an operator.
 */
export async function neighbourOf(
  username: string,
  name: string,
): Promise<Session & { username: string; name: string; home: GeoPoint }> {
  const them = await signIn(username);
  const home = (await api<Me>('/api/me', { token: them.token })).home!;
  const handle = `n${randomUUID().slice(0, 8)}`;
  const reg = await api<{ user: { id: string } }>('/api/auth/register', {
    json: {
      username: handle,
      password: 'una-clave-larga',
      name,
      phone: freshPhone(),
      address: 'Calle Falsa 123',
      home: { lat: home.lat + 0.0005, lng: home.lng },
    },
  });
  const op = await signIn('operador1');
  await api(`/api/users/${reg.user.id}/approve`, { token: op.token, json: {} });
  const session = await signIn(handle, 'una-clave-larga');
  expect(session.user.areaId).toBe(them.user.areaId);
  return { ...session, username: handle, name, home };
}

/** Raises an alert the way the app does, from outside the browser. */
export async function raiseFor(s: Session, type: AlertTypeCode, at: GeoPoint): Promise<string> {
  const own = new TestSyncClient(BASE, `user:${s.user.id}`, s.token);
  await until(() => own.synced, 10_000);
  const id = randomUUID();
  const fields = {
    id,
    type,
    createdAt: new Date().toISOString(),
    location: { ...at, accuracy: 10 },
    note: '',
  };
  own.doc.transact(() => own.map('alerts').set(id, new Y.Map<unknown>(Object.entries(fields))));
  await until(() => (own.map('alerts').get(id) as Y.Map<unknown>).get('receivedAt'), 10_000);
  own.close();
  return id;
}

/** The operators' room, for a test playing the monitoring centre. */
export async function opsRoom(): Promise<TestSyncClient> {
  const op = await signIn('operador2');
  const ops = new TestSyncClient(BASE, 'ops', op.token);
  await until(() => ops.synced, 10_000);
  return ops;
}

/** The room of a patrol unit, as one of its crew (oficial5 and oficial6 ride in unit-3). */
export async function unitRoom(officer: string, unitId: string): Promise<TestSyncClient> {
  const s = await signIn(officer);
  const room = new TestSyncClient(BASE, `unit:${unitId}`, s.token);
  await until(() => room.synced, 10_000);
  return room;
}

export const record = (c: TestSyncClient, collection: string, id: string) =>
  c.map(collection).get(id) as Y.Map<unknown> | undefined;

/** Taps the middle of the visible map, as a finger placing a pin. */
export async function tapMap(page: Page): Promise<void> {
  const map = page.locator('sac-map .leaflet-container').first();
  await expect(map).toBeVisible();
  await map.click({ position: { x: 120, y: 140 } });
}

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

export { until };
