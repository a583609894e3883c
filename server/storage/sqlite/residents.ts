import type { Db } from './index.js';
import type { HomeChangeRow, ResetCodeRow, ResidentStore } from '../residents.js';

interface RawChange {
  user_id: string;
  address: string;
  home_lat: number;
  home_lng: number;
  area_id: string;
  requested_at: string;
}

const toChange = (r: RawChange): HomeChangeRow => ({
  userId: r.user_id,
  address: r.address,
  home: { lat: r.home_lat, lng: r.home_lng },
  areaId: r.area_id,
  requestedAt: r.requested_at,
});

export function residentQueries(db: Db): ResidentStore {
  const setPhone = db.prepare('UPDATE users SET phone = ? WHERE id = ?');
  const requestHome = db.prepare(`INSERT OR REPLACE INTO home_changes
    (user_id, address, home_lat, home_lng, area_id, requested_at)
    VALUES (@userId, @address, @lat, @lng, @areaId, @requestedAt)`);
  const homeChange = db.prepare<[string], RawChange>(
    'SELECT * FROM home_changes WHERE user_id = ?',
  );
  const homeChanges = db.prepare<[], RawChange>('SELECT * FROM home_changes ORDER BY requested_at');
  const dropHomeChange = db.prepare('DELETE FROM home_changes WHERE user_id = ?');
  const applyHome = db.prepare(
    'UPDATE users SET address = ?, home_lat = ?, home_lng = ?, area_id = ? WHERE id = ?',
  );
  const setCode = db.prepare(`INSERT OR REPLACE INTO reset_codes
    (user_id, code_hash, expires_at, issued_by, issued_at)
    VALUES (@userId, @codeHash, @expiresAt, @issuedBy, @issuedAt)`);
  const code = db.prepare<
    [string],
    { code_hash: string; expires_at: string; issued_by: string; issued_at: string }
  >('SELECT * FROM reset_codes WHERE user_id = ?');
  const dropCode = db.prepare('DELETE FROM reset_codes WHERE user_id = ?');
  const setHash = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
  const setNotice = db.prepare('UPDATE users SET approved_notice = ? WHERE id = ?');
  const notice = db.prepare<[string], { approved_notice: number }>(
    'SELECT approved_notice FROM users WHERE id = ?',
  );

  return {
    setPhone: (userId, phone) => void setPhone.run(phone, userId),
    requestHome: (row) =>
      void requestHome.run({
        userId: row.userId,
        address: row.address,
        lat: row.home.lat,
        lng: row.home.lng,
        areaId: row.areaId,
        requestedAt: row.requestedAt,
      }),
    homeChange: (userId) => {
      const r = homeChange.get(userId);
      return r && toChange(r);
    },
    homeChanges: () => homeChanges.all().map(toChange),
    dropHomeChange: (userId) => dropHomeChange.run(userId).changes > 0,
    applyHome: (row) =>
      void applyHome.run(row.address, row.home.lat, row.home.lng, row.areaId, row.userId),
    setResetCode: (row: ResetCodeRow) => void setCode.run(row),
    resetCode: (userId) => {
      const r = code.get(userId);
      return (
        r && {
          userId,
          codeHash: r.code_hash,
          expiresAt: r.expires_at,
          issuedBy: r.issued_by,
          issuedAt: r.issued_at,
        }
      );
    },
    dropResetCode: (userId) => void dropCode.run(userId),
    setPasswordHash: (userId, hash) => void setHash.run(hash, userId),
    setApprovedNotice: (userId, on) => void setNotice.run(on ? 1 : 0, userId),
    approvedNotice: (userId) => notice.get(userId)?.approved_notice === 1,
  };
}
