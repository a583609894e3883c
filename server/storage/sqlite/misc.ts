import type { Db } from './index.js';
import type { AuditRow, OutboxRow, SessionRow, Storage } from '../storage.js';

type Identity = NonNullable<ReturnType<Storage['sessions']['identity']>>;

export function sessionQueries(db: Db): Storage['sessions'] {
  const insert = db.prepare(
    'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (@tokenHash, @userId, @createdAt, @expiresAt)',
  );
  const get = db.prepare<[string], SessionRow>(
    'SELECT token_hash AS tokenHash, user_id AS userId, created_at AS createdAt, expires_at AS expiresAt FROM sessions WHERE token_hash = ?',
  );
  // Only what a socket keeps: at a restart the whole city's sockets are resolved at once.
  const identity = db.prepare<[string], Identity>(
    `SELECT u.id, u.role, u.name, u.area_id AS areaId, u.unit_id AS unitId, u.status,
       s.expires_at AS expiresAt
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
  );
  const revoke = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const revokeAll = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  const purge = db.prepare('DELETE FROM sessions WHERE expires_at < ?');
  return {
    insert: (row) => void insert.run(row),
    byTokenHash: (h) => get.get(h),
    identity: (h) => identity.get(h),
    revoke: (h) => void revoke.run(h),
    revokeAllFor: (userId) => void revokeAll.run(userId),
    purgeExpired: (now) => purge.run(now).changes,
  };
}

export function outboxQueries(db: Db): Storage['outbox'] {
  // The idempotency key is UNIQUE: writing the same notification twice is a no-op.
  const add = db.prepare(
    'INSERT OR IGNORE INTO outbox (kind, key, payload, fold) VALUES (?, ?, ?, ?)',
  );
  // Sirens first: a siren command never waits behind pushes. The index is named because,
  // once ANALYZE has run, the planner prefers outbox_due and sorts every pending row. Pushes
  // at or below `afterId` are passed over in the index, without reading their rows.
  const due = db.prepare<[number, number, number], OutboxRow>(
    `SELECT id, kind, key, payload, attempts, not_before AS notBefore, fold
     FROM outbox INDEXED BY outbox_pending WHERE done_at IS NULL AND not_before <= ?
       AND (kind = 'siren' OR id > ?) ORDER BY (kind <> 'siren'), id LIMIT ?`,
  );
  const pendingFold = db.prepare<[string], { id: number; payload: string }>(
    'SELECT id, payload FROM outbox WHERE fold = ? AND done_at IS NULL ORDER BY id DESC LIMIT 1',
  );
  const refold = db.prepare('UPDATE outbox SET payload = ? WHERE id = ? AND done_at IS NULL');
  const current = db.prepare<[number], { payload: string; done: number; superseded: number }>(
    `SELECT payload, done_at IS NOT NULL AS done,
       fold IS NOT NULL AND (SELECT max(o.id) FROM outbox o WHERE o.fold = outbox.fold) > id
         AS superseded
     FROM outbox WHERE id = ?`,
  );
  const done = db.prepare('UPDATE outbox SET done_at = ? WHERE id = ?');
  const retry = db.prepare(
    'UPDATE outbox SET attempts = attempts + 1, not_before = ? WHERE id = ?',
  );
  const purge = db.prepare('DELETE FROM outbox WHERE done_at IS NOT NULL AND done_at < ?');
  return {
    add: (kind, key, payload, fold = null) => {
      const r = add.run(kind, key, payload, fold);
      return r.changes ? Number(r.lastInsertRowid) : null;
    },
    due: (now, limit, afterId = 0) => due.all(now, afterId, limit),
    pendingFold: (fold) => pendingFold.get(fold),
    refold: (id, payload) => void refold.run(payload, id),
    current: (id) => {
      const r = current.get(id);
      return r && { payload: r.payload, done: r.done === 1, superseded: r.superseded === 1 };
    },
    done: (id) => void done.run(Date.now(), id),
    retry: (id, notBefore) => void retry.run(notBefore, id),
    purgeDone: (beforeMs) => purge.run(beforeMs).changes,
  };
}

export function auditQueries(db: Db): Storage['audit'] {
  const add = db.prepare(
    'INSERT INTO audit_log (at, actor_id, action, subject, detail) VALUES (@at, @actorId, @action, @subject, @detail)',
  );
  const list = db.prepare<[number], AuditRow>(
    'SELECT at, actor_id AS actorId, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT ?',
  );
  return { add: (row) => void add.run(row), list: (limit) => list.all(limit) };
}
