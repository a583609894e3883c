import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { AlertTypeCode, GeoPoint } from '../../shared/types.js';
import type { TestServer } from '../testing/harness.js';
import { TestSyncClient, until } from '../testing/sync-client.js';

/** Helpers for the console's integration tests: people, alerts and records by id. */

export interface Person {
  token: string;
  user: { id: string; areaId: string | null; unitId: string | null };
}

export function rec(c: TestSyncClient, id: string, collection = 'alerts'): Y.Map<unknown> {
  const value = c.map(collection).get(id);
  if (!(value instanceof Y.Map)) throw new Error(`no ${collection}/${id}`);
  return value as Y.Map<unknown>;
}

export const field = (c: TestSyncClient, id: string, key: string, collection = 'alerts') =>
  (c.map(collection).get(id) as Y.Map<unknown> | undefined)?.get(key);

/** Opens a room and waits for the first sync. */
export async function open(server: TestServer, room: string, who: Person): Promise<TestSyncClient> {
  const c = new TestSyncClient(server.url, room, who.token);
  await until(() => c.synced);
  return c;
}

/** A resident's alert at `where`, written into their room; resolves once it is in ops. */
export async function raise(
  own: TestSyncClient,
  ops: TestSyncClient,
  type: AlertTypeCode,
  where: GeoPoint,
): Promise<string> {
  const id = randomUUID();
  const fields = {
    id,
    type,
    createdAt: new Date().toISOString(),
    location: { ...where, accuracy: 10 },
    note: 'Ruidos en el patio',
  };
  own.doc.transact(() => own.map('alerts').set(id, new Y.Map<unknown>(Object.entries(fields))));
  await until(() => field(ops, id, 'status') === 'received');
  return id;
}

/** Writes on an alert in `ops` the way the console does: one transaction, one update. */
export function act(ops: TestSyncClient, id: string, fields: Record<string, unknown>): void {
  const alert = rec(ops, id);
  ops.doc.transact(() => {
    for (const [k, v] of Object.entries(fields)) alert.set(k, v);
  });
}

export async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
