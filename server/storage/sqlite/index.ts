import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Storage } from '../storage.js';
import { MIGRATIONS } from './migrations.js';
import { userQueries } from './users.js';
import { alertQueries } from './alerts.js';
import { roomQueries } from './rooms.js';
import { outboxQueries, auditQueries, sessionQueries } from './misc.js';
import { pushQueries } from './push.js';
import { deviceQueries } from './devices.js';
import { profileQueries, requestQueries } from './requests.js';
import { patrolQueries } from './patrol.js';
import { consoleQueries } from './console.js';

export type Db = Database.Database;

export function openSqlite(dataDir: string, file = 'sac.db'): Storage {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, file));
  // WAL with synchronous=FULL: a commit is on disk before we say "delivered" (DESIGN §5).
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  return {
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
    close: () => db.close(),
    users: userQueries(db),
    sessions: sessionQueries(db),
    alerts: alertQueries(db),
    outbox: outboxQueries(db),
    push: pushQueries(db),
    devices: deviceQueries(db),
    audit: auditQueries(db),
    rooms: roomQueries(db),
    requests: requestQueries(db),
    profile: profileQueries(db),
    patrol: patrolQueries(db),
    console: consoleQueries(db),
  };
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
