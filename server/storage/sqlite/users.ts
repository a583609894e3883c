import type { Db } from './index.js';
import type { Storage, UserRow } from '../storage.js';

interface Raw {
  id: string;
  username: string;
  password_hash: string;
  role: UserRow['role'];
  status: UserRow['status'];
  name: string;
  phone: string | null;
  address: string | null;
  home_lat: number | null;
  home_lng: number | null;
  area_id: string | null;
  unit_id: string | null;
  show_name: number;
  false_alarms: number;
  created_at: string;
}

const toRow = (r: Raw): UserRow => ({
  id: r.id,
  username: r.username,
  role: r.role,
  status: r.status,
  name: r.name,
  phone: r.phone,
  address: r.address,
  home: r.home_lat === null || r.home_lng === null ? null : { lat: r.home_lat, lng: r.home_lng },
  areaId: r.area_id,
  unitId: r.unit_id,
  showName: r.show_name === 1,
  falseAlarms: r.false_alarms,
  createdAt: r.created_at,
});

export function userQueries(db: Db): Storage['users'] {
  const insert = db.prepare(`INSERT INTO users (id, username, password_hash, role, status, name,
    phone, address, home_lat, home_lng, area_id, unit_id, show_name, created_at)
    VALUES (@id, @username, @passwordHash, @role, @status, @name, @phone, @address, @homeLat,
    @homeLng, @areaId, @unitId, @showName, @createdAt)`);
  const byId = db.prepare<[string], Raw>('SELECT * FROM users WHERE id = ?');
  const byUsername = db.prepare<[string], Raw>('SELECT * FROM users WHERE username = ?');
  const withPhone = db.prepare<[string], Raw>(
    'SELECT * FROM users WHERE phone = ? ORDER BY created_at',
  );
  const setStatus = db.prepare('UPDATE users SET status = ? WHERE id = ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users');
  const falseAlarm = db.prepare('UPDATE users SET false_alarms = false_alarms + 1 WHERE id = ?');

  return {
    insert: (u) =>
      void insert.run({
        ...u,
        homeLat: u.home?.lat ?? null,
        homeLng: u.home?.lng ?? null,
        showName: u.showName ? 1 : 0,
        createdAt: new Date().toISOString(),
      }),
    byId: (id) => {
      const r = byId.get(id);
      return r && toRow(r);
    },
    byUsername: (username) => {
      const r = byUsername.get(username);
      return r && toRow(r);
    },
    credentials: (username) => {
      const r = byUsername.get(username);
      return r && { user: toRow(r), passwordHash: r.password_hash };
    },
    withPhone: (phone) => withPhone.all(phone).map(toRow),
    list: (filter) => {
      const where: string[] = [];
      const args: string[] = [];
      if (filter.status) {
        where.push('status = ?');
        args.push(filter.status);
      }
      if (filter.role) {
        where.push('role = ?');
        args.push(filter.role);
      }
      const sql = `SELECT * FROM users ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY created_at`;
      return db
        .prepare<string[], Raw>(sql)
        .all(...args)
        .map(toRow);
    },
    setStatus: (id, status) => void setStatus.run(status, id),
    count: () => count.get()!.n,
    incrementFalseAlarms: (id) => void falseAlarm.run(id),
  };
}
