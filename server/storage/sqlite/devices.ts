import type { Db } from './index.js';
import type { DeviceRow, SirenMissRow, Storage } from '../storage.js';

export function deviceQueries(db: Db): Storage['devices'] {
  const upsert = db.prepare(
    `INSERT INTO devices (id, area_id, token_hash, created_at) VALUES (@id, @areaId, @tokenHash, @createdAt)
     ON CONFLICT(id) DO UPDATE SET area_id = excluded.area_id, token_hash = excluded.token_hash,
       created_at = excluded.created_at`,
  );
  const byToken = db.prepare<[string], DeviceRow>(
    'SELECT id, area_id AS areaId, created_at AS createdAt FROM devices WHERE token_hash = ?',
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM devices');
  const addMiss = db.prepare(
    `INSERT INTO siren_misses (siren_id, cmd, alert_id, expired_at)
     VALUES (@sirenId, @cmd, @alertId, @expiredAt)`,
  );
  const missesSince = db.prepare<[string], SirenMissRow>(
    `SELECT siren_id AS sirenId, cmd, alert_id AS alertId, expired_at AS expiredAt
     FROM siren_misses WHERE expired_at >= ? ORDER BY id`,
  );
  return {
    upsert: (row) => void upsert.run(row),
    byTokenHash: (hash) => byToken.get(hash),
    count: () => count.get()!.n,
    addMiss: (row) => void addMiss.run(row),
    missesSince: (since) => missesSince.all(since),
  };
}
