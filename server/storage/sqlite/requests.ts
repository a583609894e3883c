import type { Db } from './index.js';
import type {
  ProfileStore,
  ReporterAlertRef,
  RequestEventRow,
  RequestRow,
  RequestStore,
  RequestTallyRow,
} from '../requests.js';
import { requestPhotoQueries } from './request-photos.js';

interface Raw {
  id: string;
  source: RequestRow['source'];
  reporter_id: string | null;
  client_id: string | null;
  unit_id: string | null;
  category: RequestRow['category'];
  description: string;
  lat: number | null;
  lng: number | null;
  accuracy: number | null;
  area_id: string | null;
  created_at: string;
  received_at: string;
  status: RequestRow['status'];
  status_at: string;
  reply: string;
  cancelled_at: string | null;
}

const toRow = (r: Raw): RequestRow => ({
  id: r.id,
  source: r.source,
  reporterId: r.reporter_id,
  clientId: r.client_id,
  unitId: r.unit_id,
  category: r.category,
  description: r.description,
  location:
    r.lat === null || r.lng === null ? null : { lat: r.lat, lng: r.lng, accuracy: r.accuracy ?? 0 },
  areaId: r.area_id,
  createdAt: r.created_at,
  receivedAt: r.received_at,
  status: r.status,
  statusAt: r.status_at,
  reply: r.reply,
  cancelledAt: r.cancelled_at,
});

export function requestQueries(db: Db): RequestStore {
  const insert = db.prepare(`INSERT OR IGNORE INTO requests (id, source, reporter_id, client_id,
    unit_id, category, description, lat, lng, accuracy, area_id, created_at, received_at, status,
    status_at, reply, cancelled_at) VALUES (@id, @source, @reporterId, @clientId, @unitId, @category,
    @description, @lat, @lng, @accuracy, @areaId, @createdAt, @receivedAt, @status, @statusAt,
    @reply, @cancelledAt)`);
  const byId = db.prepare<[string], Raw>('SELECT * FROM requests WHERE id = ?');
  const setStatus = db.prepare(
    'UPDATE requests SET status = ?, reply = ?, status_at = ? WHERE id = ?',
  );
  const cancel = db.prepare(
    'UPDATE requests SET cancelled_at = coalesce(cancelled_at, ?) WHERE id = ?',
  );
  const addEvent = db.prepare(`INSERT INTO request_events (request_id, status, reply, at, by)
    VALUES (@requestId, @status, @reply, @at, @by)`);
  const events = db.prepare<[string], RequestEventRow>(
    `SELECT request_id AS requestId, status, reply, at, by FROM request_events
     WHERE request_id = ? ORDER BY rowid`,
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM requests');
  const openOrSince = db.prepare<[string], Raw>(
    `SELECT * FROM requests WHERE status IN ('open', 'acknowledged', 'in_progress')
     OR status_at >= ? ORDER BY received_at, rowid`,
  );
  const tally = db.prepare<
    [string, string, string | null, string | null],
    Omit<RequestTallyRow, 'replied'> & { replied: number }
  >(
    `SELECT category, status, reply <> '' AS replied, count(*) AS count FROM requests
     WHERE received_at >= ? AND received_at < ? AND cancelled_at IS NULL
     AND (? IS NULL OR area_id = ?)
     GROUP BY category, status, replied ORDER BY category, status, replied`,
  );

  return {
    tally: (fromIso, toIso, areaId) =>
      tally.all(fromIso, toIso, areaId, areaId).map((r) => ({ ...r, replied: r.replied === 1 })),
    insert: (r) =>
      insert.run({
        ...r,
        clientId: r.clientId ?? null,
        lat: r.location?.lat ?? null,
        lng: r.location?.lng ?? null,
        accuracy: r.location?.accuracy ?? null,
      }).changes === 1,
    byId: (id) => {
      const r = byId.get(id);
      return r && toRow(r);
    },
    setStatus: (id, status, reply, at) => void setStatus.run(status, reply, at, id),
    cancel: (id, at) => void cancel.run(at, id),
    addEvent: (e) => void addEvent.run(e),
    events: (id) => events.all(id),
    count: () => count.get()!.n,
    openOrSince: (sinceIso) => openOrSince.all(sinceIso).map(toRow),
    ...requestPhotoQueries(db),
  };
}

export function profileQueries(db: Db): ProfileStore {
  const setShowName = db.prepare('UPDATE users SET show_name = ? WHERE id = ?');
  const alertsSince = db.prepare<[string, string], ReporterAlertRef>(
    'SELECT id, area_id AS areaId FROM alerts WHERE reporter_id = ? AND received_at >= ?',
  );
  return {
    setShowName: (userId, showName) => void setShowName.run(showName ? 1 : 0, userId),
    alertsSince: (reporterId, sinceIso) => alertsSince.all(reporterId, sinceIso),
  };
}
