import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from './index.js';
import { AUDIENCE_SQL } from './push.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-sqlite-'));
await openSqlite(dir).close();
const db = new Database(path.join(dir, 'sac.db'), { readonly: true });
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const plan = (sql: string): string =>
  db
    .prepare<Record<string, string>, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all({ now: '', areaId: '', except: '', unitId: '', userId: '' })
    .map((r) => r.detail)
    .join(' | ');

describe('push audiences (read inside an alert commit)', () => {
  // Without statistics SQLite picks the index with the most equality terms; a scan of every
  // active user cost ~4.8 ms per alert at city scale (bench).
  it.each([
    ['area', 'users_area (area_id=? AND role=? AND status=?)'],
    ['staff', 'users_status (status=? AND role=?)'],
    ['unit', 'users_unit (unit_id=? AND role=? AND status=?)'],
  ] as const)('the %s audience is found through its index', (kind, index) => {
    expect(plan(AUDIENCE_SQL[kind])).toContain(`SEARCH u USING INDEX ${index}`);
  });

  it('one user is read by primary key', () => {
    expect(plan(AUDIENCE_SQL.user)).toMatch(
      /SEARCH u USING (INDEX sqlite_autoindex_users_1|PRIMARY KEY)/,
    );
  });
});

describe('users', () => {
  it('keep the password hash out of every row; only sign-in reads it', async () => {
    const storage = openSqlite(fs.mkdtempSync(path.join(dir, 'users-')));
    try {
      storage.users.insert({
        id: 'u1',
        username: 'ana',
        passwordHash: 'scrypt$secret',
        role: 'citizen',
        status: 'active',
        name: 'Ana',
        phone: null,
        address: null,
        home: null,
        areaId: null,
        unitId: null,
        showName: false,
      });
      const rows = [
        storage.users.byId('u1'),
        storage.users.byUsername('ana'),
        ...storage.users.list({}),
      ];
      for (const row of rows) expect(JSON.stringify(row)).not.toContain('secret');
      expect(storage.users.credentials('ana')).toMatchObject({
        user: { id: 'u1' },
        passwordHash: 'scrypt$secret',
      });
      expect(storage.users.credentials('nadie')).toBeUndefined();
    } finally {
      await storage.close();
    }
  });
});

describe('close', () => {
  it('resolves only once nothing can touch the files any more', async () => {
    // A checkpoint thread still starting when close returned used to open (and so create)
    // sac.db in the folder a test had just deleted: ENOTEMPTY in its cleanup, 20 times in 20.
    for (let i = 0; i < 20; i++) {
      const folder = fs.mkdtempSync(path.join(dir, 'close-'));
      await openSqlite(folder, { checkpointEveryMs: 5 }).close();
      fs.rmSync(folder, { recursive: true });
      fs.mkdirSync(folder);
      await new Promise((r) => setTimeout(r, 20));
      expect(fs.readdirSync(folder)).toEqual([]);
      fs.rmSync(folder, { recursive: true });
    }
  });
});
