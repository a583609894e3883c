import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, PG_MIGRATIONS } from './migrations.js';
import { pgRooms, StaleLeaseError } from './rooms.js';
import { names, openFixture, until, update, type Fixture, type Node } from './fixture.js';

// Real PostgreSQL: a throw-away cluster for this file. Leases are short (a few hundred ms)
// so expiry really happens; the tests wait for it on the database's clock, never assert time.
let pgx: Fixture;
let a: Node;
let b: Node;
beforeAll(async () => {
  pgx = await openFixture();
  a = pgx.node('node-a');
  b = pgx.node('node-b');
});
afterAll(() => pgx?.close());

const LONG = 60_000;
const SHORT = 200;
const expired = (room: string) =>
  until(async () => (await a.rooms.holder(room))?.live === false, `${room}'s lease expired`);
/** The owner stops renewing (paused, SIGSTOP): its lease runs out on the database's clock. */
async function lapse(node: Node, room: string, token: number): Promise<void> {
  expect(await node.rooms.renew(room, node.id, token, 1)).toBe(true);
  await expired(room);
}

describe('migrations', () => {
  it('nodes starting together migrate once, and again is a no-op', async () => {
    const pools = [0, 1, 2].map(() => new pg.Pool({ connectionString: pgx.url, max: 1 }));
    try {
      const versions = await Promise.all(pools.map((p) => migrate(p)));
      expect(versions).toEqual([1, 1, 1].map(() => PG_MIGRATIONS.length));
      const { rows } = await pools[0]!.query('SELECT version FROM schema_migrations');
      expect(rows.map((r: { version: number }) => r.version)).toEqual(
        PG_MIGRATIONS.map((_, i) => i + 1),
      );
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });
});

describe('room leases', () => {
  it('two nodes competing for a room: exactly one gets it', async () => {
    for (let i = 0; i < 10; i++) {
      const room = `ops-${i}`;
      const [ta, tb] = await Promise.all([
        a.rooms.acquire(room, a.id, LONG),
        b.rooms.acquire(room, b.id, LONG),
      ]);
      expect([ta, tb].filter((t) => t !== null)).toHaveLength(1);
      const winner = ta !== null ? a : b;
      expect(await a.rooms.holder(room)).toEqual({ owner: winner.id, token: ta ?? tb, live: true });
      // while it is held, nobody else gets it, the winner included
      expect(await a.rooms.acquire(room, a.id, LONG)).toBeNull();
      expect(await b.rooms.acquire(room, b.id, LONG)).toBeNull();
    }
  });

  it('renews only a live lease, by its own node and token', async () => {
    const t = (await a.rooms.acquire('renew', a.id, LONG))!;
    expect(await a.rooms.renew('renew', a.id, t, LONG)).toBe(true);
    expect(await b.rooms.renew('renew', b.id, t, LONG)).toBe(false);
    expect(await a.rooms.renew('renew', a.id, t + 1, LONG)).toBe(false);
    const u = (await a.rooms.acquire('renew-late', a.id, LONG))!;
    await lapse(a, 'renew-late', u);
    // an expired lease is lost even if nobody took it: the node acquires again, a new token
    expect(await a.rooms.renew('renew-late', a.id, u, LONG)).toBe(false);
    const again = await a.rooms.acquire('renew-late', a.id, LONG);
    expect(again).toBeGreaterThan(u);
  });

  it('hands an expired lease over with a new token; a release frees the room at once', async () => {
    // a real lease running out on the database's clock
    const t1 = (await a.rooms.acquire('handover', a.id, SHORT))!;
    await expired('handover');
    const t2 = (await b.rooms.acquire('handover', b.id, LONG))!;
    expect(t2).toBeGreaterThan(t1);
    expect(await a.rooms.holder('handover')).toEqual({ owner: b.id, token: t2, live: true });
    expect(await a.rooms.release('handover', a.id, t1)).toBe(false);
    expect(await b.rooms.release('handover', b.id, t2)).toBe(true);
    const t3 = (await a.rooms.acquire('handover', a.id, LONG))!;
    expect(t3).toBeGreaterThan(t2);
  });

  it('rejects a lease without a positive whole ttl', async () => {
    await expect(a.rooms.acquire('ttl', a.id, 0)).rejects.toThrow(RangeError);
    await expect(a.rooms.acquire('ttl', a.id, 1.5)).rejects.toThrow(RangeError);
  });
});

describe('a stale owner (paused past its lease, then resumed)', () => {
  it('is refused by the fencing token, and nothing of its write is stored', async () => {
    const room = 'user:paused';
    const t1 = (await a.rooms.acquire(room, a.id, LONG))!;
    await a.rooms.appendFenced(room, t1, [update('a1'), update('a2')]);
    // A stops (SIGSTOP) and does not renew; its lease runs out and B takes the room over
    await lapse(a, room, t1);
    const t2 = (await b.rooms.acquire(room, b.id, LONG))!;
    expect(names((await b.rooms.load(room)).updates)).toEqual(['a1', 'a2']);
    await b.rooms.appendFenced(room, t2, [update('b1')]);
    // A resumes, still believing it owns the room
    const refused = await a.rooms.appendFenced(room, t1, [update('a3'), update('a4')]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(StaleLeaseError);
    expect(refused).toMatchObject({ reason: 'superseded', holder: { owner: b.id, token: t2 } });
    await expect(a.rooms.compactFenced(room, t1, update('stale'), 999)).rejects.toThrow(
      StaleLeaseError,
    );
    expect(await a.rooms.renew(room, a.id, t1, LONG)).toBe(false);
    const log = await b.rooms.load(room);
    expect(log.snapshot).toBeNull();
    expect(names(log.updates)).toEqual(['a1', 'a2', 'b1']);
  });

  it('is refused once its lease expired even if nobody took the room', async () => {
    const t = (await a.rooms.acquire('user:late', a.id, LONG))!;
    await lapse(a, 'user:late', t);
    await expect(a.rooms.appendFenced('user:late', t, [update('late')])).rejects.toMatchObject({
      reason: 'expired',
    });
    await a.rooms.release('user:late', a.id, t);
    await expect(a.rooms.appendFenced('user:late', t, [update('gone')])).rejects.toMatchObject({
      reason: 'released',
    });
    expect((await a.rooms.load('user:late')).updates).toEqual([]);
  });

  it('writes racing the takeover: the new owner sees exactly those the old one was told are stored', async () => {
    const room = 'race';
    const t1 = (await a.rooms.acquire(room, a.id, LONG))!;
    // A writes as fast as it can; after its tenth write it stops renewing, and B polls for the room
    const stored: string[] = [];
    let lapsed: Promise<void> | null = null;
    const writer = (async () => {
      for (let n = 0; ; n++) {
        try {
          await a.rooms.appendFenced(room, t1, [update(`a${n}`)]);
          stored.push(`a${n}`);
        } catch (error) {
          return error;
        }
        if (n === 9) lapsed = lapse(a, room, t1);
      }
    })();
    await until(async () => lapsed !== null, 'ten writes');
    await lapsed;
    let t2: number | null = null;
    while (t2 === null) t2 = await b.rooms.acquire(room, b.id, LONG);
    const seen = names((await b.rooms.load(room)).updates);
    expect(await writer).toBeInstanceOf(StaleLeaseError);
    expect(stored.length).toBeGreaterThan(0);
    expect(seen).toEqual(stored);
  });
  it('paused inside a transaction, holds the room only until its session is cut', async () => {
    // A group commit paused between its appends and COMMIT keeps the lease row locked, and no
    // takeover can pass that lock: the nodes' sessions end a transaction left idle.
    const paused = pgx.node('node-p', {
      max: 2,
      options: '-c idle_in_transaction_session_timeout=800',
    });
    const room = 'user:paused-mid-commit';
    const client = await paused.pool.connect();
    // the session's end reaches a checked-out client as an 'error' event, not a rejection
    client.on('error', () => undefined);
    let t1 = 0;
    // the lease (500 ms) must still be live at the append: on a starved machine, try again
    for (let tries = 1; ; tries++) {
      t1 = (await paused.rooms.acquire(room, paused.id, 500))!;
      await client.query('BEGIN');
      try {
        await pgRooms(client).appendFenced(room, t1, [update('uncommitted')]);
        break;
      } catch (error) {
        await client.query('ROLLBACK');
        if (tries === 3) throw error;
        await expired(room);
      }
    }
    await expired(room);
    // B waits on the lock until PostgreSQL ends the paused session, then takes over
    const t2 = await b.rooms.acquire(room, b.id, LONG);
    expect(t2).toBeGreaterThan(t1);
    await expect(client.query('COMMIT')).rejects.toThrow();
    client.release(true);
    expect((await b.rooms.load(room)).updates).toEqual([]);
  });
});
