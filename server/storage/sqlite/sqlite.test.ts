import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from './index.js';
import { AUDIENCE_SQL } from './push.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-sqlite-'));
openSqlite(dir).close();
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
