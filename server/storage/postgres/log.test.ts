import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgRooms, StaleLeaseError } from './rooms.js';
import { names, openFixture, until, update, type Fixture, type Node } from './fixture.js';

// The fenced room log against a real PostgreSQL: a throw-away cluster for this file.
let pgx: Fixture;
let owner: Node;
let admin: pg.Pool;
beforeAll(async () => {
  pgx = await openFixture();
  owner = pgx.node('node-a');
  admin = pgx.node('admin').pool;
});
afterAll(() => pgx?.close());

const LONG = 60_000;
const own = async (room: string) => (await owner.rooms.acquire(room, owner.id, LONG))!;

describe('the fenced room log', () => {
  it('keeps the order of concurrent appends, and a reader never sees a gap filled later', async () => {
    const room = 'ops';
    const token = await own(room);
    const batches = Array.from({ length: 40 }, (_, i) =>
      Array.from({ length: 1 + (i % 4) }, (_, j) => `b${i}.${j}`),
    );
    // a reader loading all along: each load must be a prefix of the final log
    let writing = true;
    const reads: string[][] = [];
    const reader = (async () => {
      while (writing) reads.push(names((await owner.rooms.load(room)).updates));
    })();
    const seqs = await Promise.all(
      batches.map((b) => owner.rooms.appendFenced(room, token, b.map(update))),
    );
    writing = false;
    await reader;
    const log = await owner.rooms.load(room);
    const final = names(log.updates);
    // every batch whole and in its own order, batches in the order of their seqs
    const bySeq = batches
      .map((b, i) => ({ b, first: seqs[i]![0]! }))
      .sort((x, y) => x.first - y.first);
    expect(final).toEqual(bySeq.flatMap(({ b }) => b));
    for (const [i, s] of seqs.entries()) expect(s).toHaveLength(batches[i]!.length);
    expect(new Set(seqs.flat()).size).toBe(final.length);
    expect(log.lastSeq).toBe(Math.max(...seqs.flat()));
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) expect(final.slice(0, read.length)).toEqual(read);
  });

  it('compacts into a snapshot, never backwards, and loads snapshot and tail together', async () => {
    const room = 'area:north';
    const token = await own(room);
    const first = await owner.rooms.appendFenced(room, token, ['u1', 'u2', 'u3'].map(update));
    await owner.rooms.compactFenced(room, token, update('S@2'), first[1]!);
    let log = await owner.rooms.load(room);
    expect(names([log.snapshot!])).toEqual(['S@2']);
    expect(names(log.updates)).toEqual(['u3']);
    expect(log.lastSeq).toBe(first[2]);
    // an older snapshot arriving late changes nothing
    await owner.rooms.compactFenced(room, token, update('S@1'), first[0]!);
    log = await owner.rooms.load(room);
    expect(names([log.snapshot!, ...log.updates])).toEqual(['S@2', 'u3']);
    await owner.rooms.compactFenced(room, token, update('S@3'), first[2]!);
    log = await owner.rooms.load(room);
    expect(names([log.snapshot!])).toEqual(['S@3']);
    expect(log.updates).toEqual([]);
    expect(log.lastSeq).toBe(first[2]);
    expect(await owner.rooms.load('never-written')).toEqual({
      snapshot: null,
      updates: [],
      lastSeq: 0,
    });
  });
});

describe('several rooms in one transaction (a group commit)', () => {
  it('commits together, or not at all when one room is no longer held', async () => {
    const [r1, r2] = ['unit:1', 'unit:2'];
    const [t1, t2] = [await own(r1), await own(r2)];
    const client = await owner.pool.connect();
    const rooms = pgRooms(client);
    try {
      await client.query('BEGIN');
      await rooms.appendFenced(r1, t1, [update('one')]);
      await rooms.appendFenced(r2, t2, [update('two')]);
      await client.query('COMMIT');
      // r2 changes hands: the next group commit fails on it and takes r1's update back too
      await owner.rooms.release(r2, owner.id, t2);
      await client.query('BEGIN');
      await rooms.appendFenced(r1, t1, [update('one again')]);
      await expect(rooms.appendFenced(r2, t2, [update('stale')])).rejects.toThrow(StaleLeaseError);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(names((await owner.rooms.load(r1)).updates)).toEqual(['one']);
    expect(names((await owner.rooms.load(r2)).updates)).toEqual(['two']);
  });
});

/**
 * A crash mid-batch, made deterministic: a trigger (this file's only) holds the batch's
 * insert at a marker update, after the updates before it are inserted, until the test lets
 * it go. Then its connection is killed, from either end.
 */
async function holdAtMarker(): Promise<{ letGo(): Promise<void> }> {
  await admin.query(`
    CREATE OR REPLACE FUNCTION hold_at_marker() RETURNS trigger AS $$
    BEGIN
      IF NEW.data = '\\x6d61726b6572'::bytea THEN PERFORM pg_advisory_xact_lock(4242); END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql;
    CREATE OR REPLACE TRIGGER hold_at_marker BEFORE INSERT ON room_updates
      FOR EACH ROW EXECUTE FUNCTION hold_at_marker();`);
  const gate = await admin.connect();
  await gate.query('SELECT pg_advisory_lock(4242)');
  return {
    async letGo() {
      await gate.query('SELECT pg_advisory_unlock(4242)');
      gate.release();
      await admin.query('DROP TRIGGER hold_at_marker ON room_updates');
    },
  };
}

async function heldBackend(): Promise<number> {
  let pid = 0;
  await until(async () => {
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'`,
    );
    pid = rows[0]?.pid ?? 0;
    return pid !== 0;
  }, 'the batch held at its marker');
  return pid;
}

describe('a crash mid-batch', () => {
  it('leaves exactly the receipted appends when the database kills the connection', async () => {
    const room = 'user:crash-db';
    const token = await own(room);
    await owner.rooms.appendFenced(room, token, [update('r1')]);
    const gate = await holdAtMarker();
    try {
      const batch = owner.rooms
        .appendFenced(room, token, ['x1', 'x2', 'marker', 'x3'].map(update))
        .then(
          () => 'stored',
          (e: unknown) => e,
        );
      const pid = await heldBackend();
      // x1 and x2 are inserted, uncommitted, when the connection dies
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      expect(await batch).toMatchObject({ code: '57P01' });
    } finally {
      await gate.letGo();
    }
    // the lease outlives the connection: the owner goes on with the same token
    await owner.rooms.appendFenced(room, token, [update('r2')]);
    expect(names((await owner.rooms.load(room)).updates)).toEqual(['r1', 'r2']);
  });

  it('stores none of the batch when the node dies with it in flight', async () => {
    const room = 'user:crash-node';
    const token = await own(room);
    await owner.rooms.appendFenced(room, token, [update('r1')]);
    // the node's own connection; the server looks for a vanished client every 50 ms
    const node = new pg.Client({
      connectionString: pgx.url,
      options: '-c client_connection_check_interval=50',
    });
    node.on('error', () => undefined);
    await node.connect();
    const gate = await holdAtMarker();
    try {
      const batch = pgRooms(node)
        .appendFenced(room, token, ['x1', 'marker', 'x2'].map(update))
        .catch(() => 'lost');
      const pid = await heldBackend();
      node.connection.stream.destroy();
      expect(await batch).toBe('lost');
      await until(async () => {
        const { rowCount } = await admin.query('SELECT FROM pg_stat_activity WHERE pid = $1', [
          pid,
        ]);
        return rowCount === 0;
      }, 'the dead node’s backend gone');
    } finally {
      await gate.letGo();
    }
    expect(names((await owner.rooms.load(room)).updates)).toEqual(['r1']);
  });
});
