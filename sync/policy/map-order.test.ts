import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeWrites } from './decode.js';
import { diff, docWithClient, pull, random } from './testing.js';

const KEYS = ['a', 'b', 'c'];

/** The map every scenario edits: a record nested in a root map, as the rooms hold them. */
function target(doc: Y.Doc): Y.Map<unknown> {
  const rec = doc.getMap('alerts').get('r');
  if (!(rec instanceof Y.Map)) throw new Error('no record');
  return rec as Y.Map<unknown>;
}

/**
 * Random concurrent editing by several clients (peers syncing with the server and with each
 * other), every push (a GC'd state diff, or the client's whole log of updates merged) checked
 * against what Yjs then does: the writes called effective are exactly the keys' new values.
 */
function scenario(seed: number): void {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => {
    const x = xs[Math.floor(rnd() * xs.length)];
    if (x === undefined) throw new Error('empty');
    return x;
  };
  const server = docWithClient(1000);
  server.getMap('alerts').set('r', new Y.Map());
  const clients = [3, 7, 5, 11].map((id) => docWithClient(id));
  // Every update a client has seen, ungarbage-collected: what an offline queue would resend.
  const logs = new Map<Y.Doc, Uint8Array[]>();
  for (const c of clients) {
    const log: Uint8Array[] = [];
    logs.set(c, log);
    c.on('update', (u: Uint8Array) => log.push(u));
    pull(c, server);
  }

  for (let step = 0; step < 60; step++) {
    const c = pick(clients);
    const r = rnd();
    if (r < 0.45) {
      const key = pick(KEYS);
      c.transact(() => target(c).set(key, `${c.clientID}-${step}`));
    } else if (r < 0.5) {
      c.transact(() => target(c).delete(pick(KEYS)));
    } else if (r < 0.6) {
      pull(c, server);
    } else if (r < 0.7) {
      pull(c, pick(clients));
    } else {
      const update = rnd() < 0.5 ? diff(c, server) : Y.mergeUpdates(logs.get(c) ?? []);
      const before = new Map(KEYS.map((k) => [k, target(server).get(k)]));
      const decoded = decodeWrites(server, update);
      if (!decoded.ok) throw new Error(`seed ${seed} step ${step}: ${decoded.reason}`);
      Y.applyUpdate(server, update);
      for (const key of KEYS) {
        const ws = decoded.writes.filter((w) => w.path.join('/') === `alerts/r/${key}`);
        const sets = ws.filter((w) => w.op === 'set' && w.effective);
        expect(sets.length, `seed ${seed} step ${step} key ${key}`).toBeLessThanOrEqual(1);
        const removed = ws.some((w) => w.op === 'delete' && w.effective);
        const expected = sets[0] ? sets[0].value : removed ? undefined : before.get(key);
        expect(target(server).get(key), `seed ${seed} step ${step} key ${key}`).toEqual(expected);
      }
    }
  }
}

describe('settleMapChains', () => {
  it('agrees with Yjs on which concurrent write wins a key', () => {
    for (let seed = 1; seed <= 300; seed++) scenario(seed);
  });

  it('agrees with Yjs when an update concurrently creates a key the server has', () => {
    for (const [x, y] of [
      [1, 2],
      [2, 1],
    ] as const) {
      const server = docWithClient(1000);
      const one = docWithClient(x);
      const two = docWithClient(y);
      one.getMap('plan').set('week', [1]);
      two.getMap('plan').set('week', [2]);
      Y.applyUpdate(server, diff(one, server));
      const update = diff(two, server);
      const decoded = decodeWrites(server, update);
      if (!decoded.ok) throw new Error(decoded.reason);
      Y.applyUpdate(server, update);
      const [set] = decoded.writes;
      expect(set?.effective).toBe(server.getMap('plan').get('week')?.toString() === '2');
    }
  });
});
