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
import { observatoryQueries } from './observatory.js';
import { consoleQueries } from './console.js';
import { planLogQueries } from './evaluation.js';
import { dosageQueries } from './dosage.js';
import { trialQueries } from './trials.js';
import { importQueries } from './imports.js';
import { perceptionQueries, responseQueries } from './responses.js';
import { residentQueries } from './residents.js';
import { apiClientQueries } from './api-clients.js';
import { capQueries } from './cap.js';
import { exportQueries } from './exports.js';
import { open311Queries } from './open311.js';
import { CHECKPOINT_EVERY_MS, Checkpointer } from './checkpointer.js';
import { ownerOnlyDatabase, ownerOnlyDir } from './files.js';
import { WalSync, type SyncFile } from './wal-sync.js';

export type Db = Database.Database;

export interface SqliteOptions {
  /** WAL checkpoints on a thread of their own this often; null: SQLite's own, in commits */
  checkpointEveryMs?: number | null;
  /** told when the checkpoint thread fails (the commits checkpoint again meanwhile) */
  onCheckpointFailed?: (error: string) => void;
  /** told once when the log cannot be synced: no group commit is confirmed after that */
  onSyncFailed?: (error: string) => void;
  /** how the log file is synced (fsync off the event loop); tests watch or fail it */
  syncFile?: SyncFile;
  /** false: the group commit syncs inside COMMIT too (FULL, on the event loop) */
  syncOffLoop?: boolean;
}

/** SQLite's default threshold for the automatic checkpoint, in pages. */
const AUTO_CHECKPOINT_PAGES = 1000;

export function openSqlite(dataDir: string, options: SqliteOptions = {}): Storage {
  ownerOnlyDir(dataDir);
  const file = path.join(dataDir, 'sac.db');
  ownerOnlyDatabase(file);
  const db = new Database(file);
  // WAL with synchronous=FULL: a commit is on disk before we say "delivered" (DESIGN §5).
  // The group commit alone runs under NORMAL and syncs the log off the event loop (WalSync).
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // SQLite's own default page cache (2 MB), not better-sqlite3's 16 MB: the file's pages are in
  // the kernel's cache already, and a miss (~µs) did not slow a socket's session lookup (bench).
  db.pragma('cache_size = -2000');
  migrate(db);
  const wal = new WalSync(`${file}-wal`, options.syncFile, options.onSyncFailed);

  const everyMs =
    options.checkpointEveryMs === undefined ? CHECKPOINT_EVERY_MS : options.checkpointEveryMs;
  let checkpointer: Checkpointer | null = null;
  if (everyMs !== null) {
    db.pragma('wal_autocheckpoint = 0');
    checkpointer = new Checkpointer(file, everyMs, {
      failed: (error) => {
        void checkpointer?.close();
        if (db.open) db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
        options.onCheckpointFailed?.(error);
      },
    });
  }

  return {
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
    transactionSyncedLater: <T>(fn: () => T) => {
      if (options.syncOffLoop === false)
        return { value: db.transaction(fn)(), durable: Promise.resolve() };
      // The pragma takes effect when prepared, and never inside a transaction.
      if (db.inTransaction) throw new Error('a commit synced later cannot join a transaction');
      db.exec('PRAGMA synchronous = NORMAL');
      try {
        const value = db.transaction(fn)();
        return { value, durable: wal.durable() };
      } finally {
        db.exec('PRAGMA synchronous = FULL');
      }
    },
    unsynced: () => (wal.busy ? wal.idle() : null),
    close: async () => {
      await wal.idle();
      db.close();
      wal.close();
      await checkpointer?.close();
    },
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
    residents: residentQueries(db),
    patrol: patrolQueries(db),
    observatory: observatoryQueries(db),
    console: consoleQueries(db),
    planLog: planLogQueries(db),
    dosage: dosageQueries(db),
    trials: trialQueries(db),
    imports: importQueries(db),
    responses: responseQueries(db),
    perception: perceptionQueries(db),
    apiClients: apiClientQueries(db),
    open311: open311Queries(db),
    cap: capQueries(db),
    exports: exportQueries(db),
  };
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current >= MIGRATIONS.length) return;
  // A migration that rebuilds a table (SQLite cannot drop a constraint) drops the old one
  // while rows elsewhere point at it: foreign keys are off meanwhile (the pragma is ignored
  // inside a transaction) and every reference is checked before each migration commits.
  db.pragma('foreign_keys = OFF');
  try {
    for (let v = current; v < MIGRATIONS.length; v++) {
      db.transaction(() => {
        db.exec(MIGRATIONS[v]!);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length) throw new Error(`migration ${v + 1} broke ${broken.length} references`);
        db.pragma(`user_version = ${v + 1}`);
      })();
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
