import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from './index.js';
import { MIGRATIONS } from './migrations.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-migrate-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const USERS_PHONE_REBUILD = MIGRATIONS.findIndex((m) => m.includes('CREATE TABLE users_next'));

describe('the users table rebuilt without a unique phone', () => {
  it('keeps every row and every reference, and then takes a second account per phone', async () => {
    // A database as the release before left it, with a user, a session and an alert.
    const file = path.join(dir, 'sac.db');
    const old = new Database(file);
    for (const m of MIGRATIONS.slice(0, USERS_PHONE_REBUILD)) old.exec(m);
    old.pragma(`user_version = ${USERS_PHONE_REBUILD}`);
    old.exec(`INSERT INTO users (id, username, password_hash, role, status, name, phone,
      show_name, false_alarms, created_at)
      VALUES ('u1', 'ana', 'h', 'citizen', 'active', 'Ana', '+5426155501', 0, 2, '2026-01-01');
      INSERT INTO sessions VALUES ('t1', 'u1', '2026-01-01', '2027-01-01');`);
    old.close();

    const storage = openSqlite(dir);
    try {
      const ana = storage.users.byId('u1')!;
      expect(ana).toMatchObject({ username: 'ana', phone: '+5426155501', falseAlarms: 2 });
      expect(storage.sessions.byTokenHash('t1')?.userId).toBe('u1');
      storage.users.insert({
        id: 'u2',
        username: 'ana2',
        passwordHash: 'h',
        role: 'citizen',
        status: 'pending',
        name: 'Ana',
        phone: '+5426155501',
        address: null,
        home: null,
        areaId: null,
        unitId: null,
        showName: true,
      });
      expect(storage.users.withPhone('+5426155501').map((u) => u.id)).toEqual(['u1', 'u2']);
      // References still hold: a session for nobody is refused.
      expect(() =>
        storage.sessions.insert({
          tokenHash: 't2',
          userId: 'nobody',
          createdAt: '2026-01-01',
          expiresAt: '2027-01-01',
        }),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      await storage.close();
    }
  });
});
