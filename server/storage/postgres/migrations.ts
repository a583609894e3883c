import type pg from 'pg';

/**
 * PostgreSQL's schema migrations, applied in order and recorded in `schema_migrations`.
 * Append only: never edit a migration that has shipped. They follow SQLite's
 * (../sqlite/migrations.ts) table by table as the PostgreSQL storage grows; the first is
 * the room log and the rooms' ownership.
 */
export const PG_MIGRATIONS: readonly string[] = [
  // Each room's append-only log and its snapshot, as in SQLite: `seq` is global and only
  // grows; an update is in a room's log past its snapshot's `upto_seq`.
  // A room's owner holds a lease: its node id, a fencing token and an expiry on the
  // database's clock. Every change of owner takes a new token from the sequence, so a
  // token names one tenure, and a write carrying an older one is refused.
  `
  CREATE TABLE room_updates (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    room text NOT NULL,
    data bytea NOT NULL
  );
  CREATE INDEX room_updates_room ON room_updates (room, seq);

  CREATE TABLE room_snapshots (
    room text PRIMARY KEY,
    data bytea NOT NULL,
    upto_seq bigint NOT NULL
  );

  CREATE SEQUENCE room_lease_tokens;

  CREATE TABLE room_leases (
    room text PRIMARY KEY,
    owner text NOT NULL,
    token bigint NOT NULL UNIQUE,
    acquired_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
  );
  `,
];

/** Held while migrating, so nodes starting together migrate one after the other. */
const MIGRATION_LOCK = 0x5ac_0001;

/**
 * Brings the database to the latest migration, all of it in one transaction: PostgreSQL's
 * DDL is transactional, so a failed migration leaves the schema as it was.
 */
export async function migrate(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  let failed: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    );
    const current = rows[0]?.version ?? 0;
    if (current > PG_MIGRATIONS.length) {
      throw new Error(
        `the database is at migration ${current}, newer than this build's ${PG_MIGRATIONS.length}`,
      );
    }
    for (let version = current + 1; version <= PG_MIGRATIONS.length; version++) {
      await client.query(PG_MIGRATIONS[version - 1]!);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
    }
    await client.query('COMMIT');
    return PG_MIGRATIONS.length;
  } catch (error) {
    failed = error instanceof Error ? error : new Error(String(error));
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    // a client that failed mid-migration is closed, not handed back to the pool
    client.release(failed);
  }
}
