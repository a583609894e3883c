import type pg from 'pg';
import type { RoomLog } from '../storage.js';

/** A pool, or one client (inside a transaction the caller runs, for one). */
export type Queryable = pg.Pool | pg.ClientBase;

/** Why a room's owner lost the room: what a refused write or compaction tells it. */
export type LeaseLoss =
  /** nobody holds the room (released, or never acquired) */
  | 'released'
  /** another tenure began: a newer token holds the room */
  | 'superseded'
  /** the token is still the room's last, but its lease ran out and was not renewed */
  | 'expired';

/** The holder of a room as the database sees it, `live` on the database's clock. */
export interface Lease {
  owner: string;
  token: number;
  live: boolean;
}

/**
 * A write refused because its token is not the room's current, unexpired lease. Nothing
 * of it was applied. The node must stop accepting writes for the room; it may acquire the
 * room again (a new token) and reload it, never retry with the old token.
 */
export class StaleLeaseError extends Error {
  constructor(
    readonly room: string,
    readonly token: number,
    readonly reason: LeaseLoss,
    readonly holder: Lease | null,
  ) {
    super(`room ${room}: token ${token} refused (${reason})`);
    this.name = 'StaleLeaseError';
  }
}

/**
 * Takes the room's lease row lock, then keeps it only if `$2` is its token and the lease
 * has not expired. The lock serialises every write of a room with every change of its
 * owner: a new owner's acquire waits for a write in progress, and a write that waited for
 * a new owner's acquire sees the new token. The clock is read once, after the lock (a
 * volatile CTE is evaluated once), so a batch is never cut by its lease running out.
 */
const HELD = `
  lease AS (SELECT token, expires_at FROM room_leases WHERE room = $1 FOR UPDATE),
  held AS (SELECT token FROM lease WHERE token = $2 AND expires_at > clock_timestamp())`;

const APPEND = `
  WITH ${HELD}
  INSERT INTO room_updates (room, data)
  SELECT $1, u.data FROM held, unnest($3::bytea[]) WITH ORDINALITY AS u(data, n)
  ORDER BY u.n
  RETURNING seq`;

// Never replaces a snapshot with an older one; the updates it covers go in the same statement.
const COMPACT = `
  WITH ${HELD},
  snapshot AS (
    INSERT INTO room_snapshots (room, data, upto_seq) SELECT $1, $3, $4 FROM held
    ON CONFLICT (room) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq
    WHERE room_snapshots.upto_seq <= excluded.upto_seq
  ),
  pruned AS (
    DELETE FROM room_updates WHERE room = $1 AND seq <= $4 AND EXISTS (SELECT FROM held)
  )
  SELECT count(*)::int AS held FROM held`;

const ACQUIRE = `
  INSERT INTO room_leases AS l (room, owner, token, acquired_at, expires_at)
  VALUES ($1, $2, nextval('room_lease_tokens'), clock_timestamp(),
    clock_timestamp() + $3 * interval '1 millisecond')
  ON CONFLICT (room) DO UPDATE SET
    owner = excluded.owner,
    token = excluded.token,
    acquired_at = clock_timestamp(),
    expires_at = clock_timestamp() + $3 * interval '1 millisecond'
  WHERE l.expires_at <= clock_timestamp()
  RETURNING token`;

const RENEW = `
  UPDATE room_leases SET expires_at = clock_timestamp() + $4 * interval '1 millisecond'
  WHERE room = $1 AND owner = $2 AND token = $3 AND expires_at > clock_timestamp()`;

// Snapshot and tail in one statement, so one database snapshot: read apart, a compaction
// committed between them would hide the updates it folded in.
const LOAD = `
  SELECT 0 AS part, upto_seq AS seq, data FROM room_snapshots WHERE room = $1
  UNION ALL
  SELECT 1, seq, data FROM room_updates
  WHERE room = $1 AND seq > COALESCE((SELECT upto_seq FROM room_snapshots WHERE room = $1), 0)
  ORDER BY part, seq`;

/**
 * Prepared once per connection: the statement's text (300 bytes for an append) is not sent
 * and parsed again on every call.
 */
function named(name: string, text: string, values: unknown[]): pg.QueryConfig {
  return { name: `sac-room-${name}`, text, values };
}

function checkTtl(ttlMs: number): void {
  if (!Number.isInteger(ttlMs) || ttlMs <= 0) throw new RangeError(`bad lease ttl: ${ttlMs} ms`);
}

export interface PgRooms {
  /** A new token if the room was free or its lease expired; null while someone holds it. */
  acquire(room: string, node: string, ttlMs: number): Promise<number | null>;
  /** Extends a live lease; false once it expired or changed hands (then acquire again). */
  renew(room: string, node: string, token: number, ttlMs: number): Promise<boolean>;
  /** Frees the room at once (an orderly unload), if this tenure still holds it. */
  release(room: string, node: string, token: number): Promise<boolean>;
  holder(room: string): Promise<Lease | null>;
  /**
   * Appends `updates` in order in one statement, only if `token` holds the room: all of
   * them, or none and a StaleLeaseError. Resolves with their seqs once committed: at once
   * on a pool, at the caller's COMMIT on a client in a transaction.
   */
  appendFenced(room: string, token: number, updates: Uint8Array[]): Promise<number[]>;
  load(room: string): Promise<RoomLog>;
  /** Replaces the log up to and including `uptoSeq` with one snapshot, if `token` holds. */
  compactFenced(room: string, token: number, snapshot: Uint8Array, uptoSeq: number): Promise<void>;
}

export function pgRooms(db: Queryable): PgRooms {
  const holder = async (room: string): Promise<Lease | null> => {
    const { rows } = await db.query<{ owner: string; token: string; live: boolean }>(
      `SELECT owner, token, expires_at > clock_timestamp() AS live
       FROM room_leases WHERE room = $1`,
      [room],
    );
    const row = rows[0];
    return row ? { owner: row.owner, token: Number(row.token), live: row.live } : null;
  };
  const refused = async (room: string, token: number): Promise<StaleLeaseError> => {
    const now = await holder(room);
    const reason: LeaseLoss = !now ? 'released' : now.token !== token ? 'superseded' : 'expired';
    return new StaleLeaseError(room, token, reason, now);
  };

  return {
    async acquire(room, node, ttlMs) {
      checkTtl(ttlMs);
      const { rows } = await db.query<{ token: string }>(
        named('acquire', ACQUIRE, [room, node, ttlMs]),
      );
      return rows[0] ? Number(rows[0].token) : null;
    },
    async renew(room, node, token, ttlMs) {
      checkTtl(ttlMs);
      const { rowCount } = await db.query(named('renew', RENEW, [room, node, token, ttlMs]));
      return rowCount === 1;
    },
    async release(room, node, token) {
      const { rowCount } = await db.query(
        'DELETE FROM room_leases WHERE room = $1 AND owner = $2 AND token = $3',
        [room, node, token],
      );
      return rowCount === 1;
    },
    holder,
    async appendFenced(room, token, updates) {
      if (!updates.length) return [];
      const { rows } = await db.query<{ seq: string }>(
        named('append', APPEND, [room, token, updates]),
      );
      if (rows.length !== updates.length) throw await refused(room, token);
      return rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
    },
    async load(room) {
      const { rows } = await db.query<{ part: number; seq: string; data: Buffer }>(
        named('load', LOAD, [room]),
      );
      const snap = rows[0]?.part === 0 ? rows[0] : null;
      const tail = snap ? rows.slice(1) : rows;
      return {
        snapshot: snap ? new Uint8Array(snap.data) : null,
        updates: tail.map((r) => new Uint8Array(r.data)),
        lastSeq: Number(rows.at(-1)?.seq ?? 0),
      };
    },
    async compactFenced(room, token, snapshot, uptoSeq) {
      const { rows } = await db.query<{ held: number }>(
        named('compact', COMPACT, [room, token, snapshot, uptoSeq]),
      );
      if (rows[0]?.held !== 1) throw await refused(room, token);
    },
  };
}
