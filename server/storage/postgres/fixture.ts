import pg from 'pg';
import { startPostgres, type TestPostgres } from '../../testing/postgres.js';
import { migrate } from './migrations.js';
import { pgRooms, type PgRooms } from './rooms.js';

/** A node as the storage sees it: its own connections, its own id. */
export interface Node {
  id: string;
  pool: pg.Pool;
  rooms: PgRooms;
}

export interface Fixture {
  cluster: TestPostgres;
  url: string;
  /** A node with its own pool; ended by close(). */
  node(id: string, options?: pg.PoolConfig): Node;
  close(): Promise<void>;
}

/**
 * A throw-away cluster with a migrated database `sac`, and as many "nodes" as a test asks
 * for. A test file opens one in beforeAll (about a second) and closes it in afterAll.
 */
export async function openFixture(): Promise<Fixture> {
  const cluster = await startPostgres();
  const pools: pg.Pool[] = [];
  try {
    const url = await cluster.createDatabase('sac');
    const pool = new pg.Pool({ connectionString: url });
    await migrate(pool).finally(() => pool.end());
    return {
      cluster,
      url,
      node(id, options = {}) {
        const pool = new pg.Pool({ connectionString: url, max: 8, ...options });
        // a backend a test kills is an expected error, not an unhandled one
        pool.on('error', () => undefined);
        pools.push(pool);
        return { id, pool, rooms: pgRooms(pool) };
      },
      async close() {
        await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
        await cluster.stop();
      },
    };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

/** Polls `check` until it holds (never a timing assertion: it only waits). */
export async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A distinct update: its bytes name it, so the log can be read back as names. */
export function update(name: string): Uint8Array {
  return new TextEncoder().encode(name);
}

export function names(updates: Uint8Array[]): string[] {
  return updates.map((u) => new TextDecoder().decode(u));
}
