import * as Y from 'yjs';
import { createApp } from '../http/app.js';
import type { Services } from '../services.js';
import { TestSyncClient, until } from '../testing/sync-client.js';

/**
 * The privacy test's walker (privacy.test.ts): everything a person can read — rooms, every
 * HTTP route the app has, pushes — gathered as text, and the marks of one reporter's identity
 * to look for in it.
 */

export interface Identity {
  id: string;
  username: string;
  name: string;
  phone: string;
  address: string;
  home: { lat: number; lng: number };
}

/** Every string that would name her: id, username, name and surname, phone (as typed and as digits), address, home. */
export function marksOf(who: Identity): string[] {
  const surname = who.name.split(' ').at(-1)!;
  return [
    who.id,
    who.username,
    who.name,
    surname,
    who.phone,
    who.phone.replace(/\D/g, ''),
    who.address,
    String(who.home.lat),
    String(who.home.lng),
  ];
}

export const marksIn = (text: string, marks: readonly string[]): string[] =>
  marks.filter((m) => text.includes(m));

/** A Yjs update (a room's state) as JSON text: every top-level map of the room. */
export function updateText(update: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const out: Record<string, unknown> = {};
  for (const key of doc.share.keys()) out[key] = doc.getMap(key).toJSON();
  return JSON.stringify(out);
}

/** Every string leaf of a value (record fields, timeline entries, push payloads). */
export function strings(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object')
    for (const v of Object.values(value as Record<string, unknown>)) strings(v, out);
  return out;
}

/** What one person read, with where it came from. */
export interface Seen {
  where: string;
  text: string;
  /** true when the request was built from something the silent alert itself showed */
  fromAlert: boolean;
}

/** A room as this person gets it over the socket: its state once synced, or its close code. */
export async function readRoom(url: string, room: string, token: string): Promise<Seen> {
  const c = new TestSyncClient(url, room, token);
  await until(() => c.synced || c.closeCode !== null, 5000).catch(() => undefined);
  const text = c.synced
    ? updateText(Y.encodeStateAsUpdate(c.doc))
    : `closed ${c.closeCode} ${c.closeReason}`;
  c.close();
  return { where: `socket ${room}`, text, fromAlert: false };
}

export interface Route {
  method: string;
  path: string;
}

/**
 * Every route of the app as Hono registered it, read from a second instance built on the same
 * services (building one starts nothing): a route added later is walked without editing the
 * test. Wildcard entries are middleware and the 404 and static fallbacks.
 */
export function appRoutes(services: Services): Route[] {
  const seen = new Map<string, Route>();
  for (const r of createApp(services).routes) {
    if (r.path.includes('*') || r.method === 'ALL') continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
  }
  return [...seen.values()];
}

/** The route's path with its parameters filled from `values`, every combination (capped). */
export function fill(path: string, values: readonly string[], cap = 400): string[] {
  const params = path.match(/:[A-Za-z]+/g) ?? [];
  let paths = [path];
  for (const p of params) {
    paths = paths.flatMap((x) => values.map((v) => x.replace(p, encodeURIComponent(v))));
    if (paths.length > cap) paths = paths.slice(0, cap);
  }
  return paths;
}

/** The body each kind of route expects, empty: a Yjs update that changes nothing, or `{}`. */
export function emptyBody(method: string, path: string): RequestInit {
  if (method === 'GET' || method === 'HEAD') return {};
  if (path.startsWith('/api/sync/'))
    return {
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.from(Y.encodeStateAsUpdate(new Y.Doc())),
    };
  return { headers: { 'content-type': 'application/json' }, body: '{}' };
}

/** A response as text; a room's state (octet-stream) decoded to JSON. */
export async function responseText(res: Response): Promise<string> {
  const type = res.headers.get('content-type') ?? '';
  if (type.startsWith('application/octet-stream')) {
    const bytes = new Uint8Array(await res.arrayBuffer());
    try {
      return updateText(bytes);
    } catch {
      return Buffer.from(bytes).toString('latin1');
    }
  }
  return res.text();
}
