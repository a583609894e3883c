import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { until } from '../../testing/sync-client.js';
import { Checkpointer, type CheckpointResult } from './checkpointer.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-checkpoint-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the WAL checkpointer thread', () => {
  it('copies the log into the database while the main connection keeps committing', async () => {
    const file = path.join(dir, 'a.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const results: CheckpointResult[] = [];
    const failures: string[] = [];
    const checkpointer = new Checkpointer(file, 20, {
      checkpoint: (r) => results.push(r),
      failed: (e) => failures.push(e),
    });
    try {
      // ~2,000 pages: past SQLite's own threshold, which is off on this connection.
      for (let i = 0; i < 20; i++)
        db.transaction(() => {
          for (let j = 0; j < 100; j++) insert.run(Buffer.alloc(4000, j));
        })();
      await until(() => results.some((r) => r.log >= 2000 && r.checkpointed === r.log), 10_000);
      // Fully copied: the next commit starts the log again from its first frame.
      insert.run(Buffer.alloc(10));
      const [after] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
      expect(after!.log).toBeLessThan(10);
      expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2001 });
      expect(failures).toEqual([]);
    } finally {
      await checkpointer.close();
      db.close();
    }
  });

  it('reports a thread that cannot work, so commits checkpoint again', async () => {
    const failures: string[] = [];
    const checkpointer = new Checkpointer(path.join(dir, 'no-such-dir', 'x.db'), 20, {
      failed: (e) => failures.push(e),
    });
    await until(() => failures.length > 0, 10_000);
    await checkpointer.close();
    expect(failures[0]).toMatch(/directory|unable to open|exited/i);
  });
});
