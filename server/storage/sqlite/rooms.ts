import type { Db } from './index.js';
import type { Storage } from '../storage.js';

export function roomQueries(db: Db): Storage['rooms'] {
  const snapshot = db.prepare<[string], { data: Buffer; upto_seq: number }>(
    'SELECT data, upto_seq FROM room_snapshots WHERE room = ?',
  );
  const updates = db.prepare<[string, number], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM room_updates WHERE room = ? AND seq > ? ORDER BY seq',
  );
  const append = db.prepare('INSERT INTO room_updates (room, data) VALUES (?, ?)');
  const upsertSnapshot = db.prepare(
    `INSERT INTO room_snapshots (room, data, upto_seq) VALUES (?, ?, ?)
     ON CONFLICT(room) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq`,
  );
  const prune = db.prepare('DELETE FROM room_updates WHERE room = ? AND seq <= ?');

  return {
    load: (room) => {
      const snap = snapshot.get(room);
      const rows = updates.all(room, snap?.upto_seq ?? 0);
      return {
        snapshot: snap ? new Uint8Array(snap.data) : null,
        updates: rows.map((r) => new Uint8Array(r.data)),
        lastSeq: rows.at(-1)?.seq ?? snap?.upto_seq ?? 0,
      };
    },
    append: (room, update) => Number(append.run(room, update).lastInsertRowid),
    compact: (room, data, uptoSeq) =>
      db.transaction(() => {
        upsertSnapshot.run(room, data, uptoSeq);
        prune.run(room, uptoSeq);
      })(),
  };
}
