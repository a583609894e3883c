import type { Db } from './index.js';
import type { PushAudience, PushSubscriptionRow, Storage } from '../storage.js';

const COLUMNS = 's.id, s.user_id AS userId, s.endpoint, s.p256dh, s.auth, s.lang';

/**
 * A subscription is live while the session that posted it is unexpired and its user active:
 * signing out, being suspended or a session running out stops the pushes without any
 * extra bookkeeping (DESIGN §2: a signed-out phone must not keep receiving alerts).
 */
const LIVE = `FROM push_subscriptions s
  JOIN sessions x ON x.token_hash = s.session_hash AND x.user_id = s.user_id
  JOIN users u ON u.id = s.user_id
  WHERE u.status = 'active' AND x.expires_at > @now`;

/**
 * Who hears of an alert, read inside the alert's commit: each must find its audience through
 * an index of its own (migration "push audiences"; `sqlite.test.ts` checks the plans).
 */
export const AUDIENCE_SQL = {
  area: `SELECT ${COLUMNS} ${LIVE} AND u.role = 'citizen' AND u.area_id = @areaId AND u.id <> @except
     ORDER BY s.id`,
  staff: `SELECT ${COLUMNS} ${LIVE} AND u.role IN ('operator', 'admin') ORDER BY s.id`,
  unit: `SELECT ${COLUMNS} ${LIVE} AND u.role = 'officer' AND u.unit_id = @unitId ORDER BY s.id`,
  user: `SELECT ${COLUMNS} ${LIVE} AND u.id = @userId ORDER BY s.id`,
};

export function pushQueries(db: Db): Storage['push'] {
  // One browser, one endpoint: whoever signs in on it last owns it.
  const upsert = db.prepare<
    [Record<string, string>],
    { id: number }
  >(`INSERT INTO push_subscriptions (user_id, session_hash, endpoint, p256dh, auth, lang, created_at)
     VALUES (@userId, @sessionHash, @endpoint, @p256dh, @auth, @lang, @createdAt)
     ON CONFLICT(endpoint) DO UPDATE SET user_id = excluded.user_id,
       session_hash = excluded.session_hash, p256dh = excluded.p256dh, auth = excluded.auth,
       lang = excluded.lang
     RETURNING id`);
  const remove = db.prepare('DELETE FROM push_subscriptions WHERE user_id = ? AND endpoint = ?');
  const removeById = db.prepare('DELETE FROM push_subscriptions WHERE id = ?');
  const keepNewest =
    db.prepare(`DELETE FROM push_subscriptions WHERE user_id = @userId AND id NOT IN
    (SELECT id FROM push_subscriptions WHERE user_id = @userId ORDER BY id DESC LIMIT @keep)`);
  const liveById = db.prepare<[{ now: string; id: number }], PushSubscriptionRow>(
    `SELECT ${COLUMNS} ${LIVE} AND s.id = @id`,
  );
  const area = db.prepare<[{ now: string; areaId: string; except: string }], PushSubscriptionRow>(
    AUDIENCE_SQL.area,
  );
  const staff = db.prepare<[{ now: string }], PushSubscriptionRow>(AUDIENCE_SQL.staff);
  const unit = db.prepare<[{ now: string; unitId: string }], PushSubscriptionRow>(
    AUDIENCE_SQL.unit,
  );
  const user = db.prepare<[{ now: string; userId: string }], PushSubscriptionRow>(
    AUDIENCE_SQL.user,
  );
  const purge = db.prepare(`DELETE FROM push_subscriptions WHERE id NOT IN (SELECT s.id ${LIVE})`);

  const live = (a: PushAudience, now: string): PushSubscriptionRow[] => {
    switch (a.kind) {
      case 'area':
        return area.all({ now, areaId: a.areaId, except: a.except });
      case 'staff':
        return staff.all({ now });
      case 'unit':
        return unit.all({ now, unitId: a.unitId });
      case 'user':
        return user.all({ now, userId: a.userId });
    }
  };

  return {
    upsert: (row) => upsert.get({ ...row, createdAt: new Date().toISOString() })!.id,
    remove: (userId, endpoint) => remove.run(userId, endpoint).changes > 0,
    removeById: (id) => void removeById.run(id),
    keepNewest: (userId, keep) => void keepNewest.run({ userId, keep }),
    liveById: (id, now) => liveById.get({ now, id }),
    live,
    purgeOrphans: (now) => purge.run({ now }).changes,
  };
}
