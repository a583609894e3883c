import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SyncedRoom } from './room.js';
import { raiseAlert } from './alerts.js';
import { emptyPhone } from './testing/fake-link.js';
import { BlackholeProxy } from '../../server/testing/blackhole-proxy.js';
import { until } from '../../server/testing/sync-client.js';
import { PushSink } from '../../server/push/testing/push-sink.js';
import { startPushTestServer, type PushTestServer } from '../../server/push/testing/server.js';
import { outboxKeys, sleep } from '../../server/push/testing/alerts.js';
import { addMembers, type Member } from '../../server/push/testing/members.js';

/**
 * The phone's real room code against a real server, through a proxy that black-holes the live
 * socket the way a flapping link does (open, silent both ways). The alert still arrives, and
 * exactly once however many paths carried it: one record, one operators' row, one siren command
 * per unit, one push per neighbour.
 */
let sink: PushSink;
let server: PushTestServer;
let proxy: BlackholeProxy;
let members: Member[];
let vapidKey = '';

beforeAll(async () => {
  sink = await new PushSink(() => vapidKey).start();
  server = await startPushTestServer({
    env: { PUSH_ENDPOINT_ALLOW: sink.origin },
    push: { ca: sink.ca },
  });
  vapidKey = server.services.push.publicKey;
  proxy = await new BlackholeProxy(new URL(server.url)).start();
  members = addMembers(server.services.storage, 'area-1', 3, 'perro', sink);
});
afterAll(async () => {
  await proxy?.close();
  await server?.close();
  await sink?.close();
});

/** A resident's phone whose socket and HTTP fallback both go through the proxy. */
function phoneRoom(m: Member): { room: SyncedRoom; posts: () => number } {
  const auth = { authorization: `Bearer ${m.token}` };
  let posts = 0;
  class AuthSocket extends WebSocket {
    constructor(url: string, protocols: string[]) {
      super(url, protocols, { headers: auth });
    }
  }
  const room = new SyncedRoom(`user:${m.id}`, {
    db: emptyPhone(),
    syncUrl: () => `${proxy.url.replace('http', 'ws')}/sync`,
    WebSocket: AuthSocket as unknown as typeof globalThis.WebSocket,
    fetch: (input, init) => {
      posts++;
      const headers = new Headers(init?.headers);
      headers.set('authorization', auth.authorization);
      return fetch(`${proxy.url}${String(input)}`, { ...init, headers });
    },
  });
  return { room, posts: () => posts };
}

function deliveredOnce(alertId: string, neighbours: Member[]): void {
  expect(server.services.storage.alerts.events(alertId).map((e) => e.status)).toEqual([
    'received',
  ]);
  const ops = server.services.sync.room('ops').doc.getMap('alerts');
  expect([...ops.keys()].filter((k) => k === alertId)).toHaveLength(1);
  const sirens = server.services.city.sirens.filter((s) => s.areaId === 'area-1').length;
  const keys = outboxKeys(server.dataDir, alertId).map((r) => r.key);
  expect(keys.filter((k) => k.startsWith('siren:'))).toHaveLength(sirens);
  expect(new Set(keys).size).toBe(keys.length);
  for (const n of neighbours) expect(sink.for(n.name!)).toHaveLength(1);
}

describe('a socket black-holed while a write waits for its receipt', () => {
  it('delivers the alert through the reconnect and the HTTP post, exactly once', async () => {
    const [reporter, ...neighbours] = members as [Member, ...Member[]];
    const { room, posts } = phoneRoom(reporter);
    await room.open();
    await until(() => room.synced);
    const home = server.services.storage.users.byId(reporter.id)!.home!;
    const before = server.services.storage.alerts.count();
    proxy.holdLive();
    const accepted = proxy.accepted;
    const started = performance.now();
    const id = await raiseAlert(room, 'fire', { ...home, accuracy: 10 }, '');
    await until(() => !room.pending, 15_000);
    // A figure to read, not a target: the deadline (2 s before any round trip is measured
    // above the floor) plus a local round trip.
    console.log(`black-holed socket: receipt ${(performance.now() - started).toFixed(0)} ms after the write`);
    // Both paths went out: a fresh socket and a post (whichever landed first delivered it).
    expect(proxy.accepted).toBeGreaterThan(accepted);
    expect(posts()).toBeGreaterThanOrEqual(1);
    await until(() => neighbours.every((n) => sink.for(n.name!).length >= 1), 15_000);
    await sleep(1_000);
    expect(server.services.storage.alerts.count()).toBe(before + 1);
    deliveredOnce(id, neighbours);
    room.destroy();
  });

  it('keeps trying while nothing answers, and delivers once the link is back', async () => {
    const [, reporter, ...others] = members as [Member, Member, ...Member[]];
    const neighbours = [members[0]!, ...others];
    const { room, posts } = phoneRoom(reporter);
    await room.open();
    await until(() => room.synced);
    const seen = neighbours.map((n) => sink.for(n.name!).length);
    proxy.holdLive();
    proxy.holdNew = true;
    const id = await raiseAlert(room, 'general', null, '');
    await sleep(7_000);
    // Nothing got through, and the phone tried again, by both paths, every deadline.
    expect(room.pending).toBe(true);
    expect(server.services.storage.alerts.byId(id)).toBeUndefined();
    expect(posts()).toBeGreaterThanOrEqual(2);
    proxy.holdNew = false;
    await until(() => !room.pending, 15_000);
    await until(() => neighbours.every((n, i) => sink.for(n.name!).length > seen[i]!), 15_000);
    await sleep(1_000);
    expect(server.services.storage.alerts.events(id).map((e) => e.status)).toEqual(['received']);
    neighbours.forEach((n, i) => expect(sink.for(n.name!)).toHaveLength(seen[i]! + 1));
    room.destroy();
  });
});
