import type { Db } from './index.js';
import { SILENT_TYPES } from './silent.js';
import type { AlertEventRow, AlertRow, Storage } from '../storage.js';

interface Raw {
  id: string;
  reporter_id: string;
  type: AlertRow['type'];
  created_at: string;
  received_at: string;
  lat: number | null;
  lng: number | null;
  accuracy: number | null;
  note: string;
  area_id: string | null;
  status: AlertRow['status'];
  status_at: string;
  siren_requested: number;
  flagged: number;
  assigned_unit: string | null;
  released_at: string | null;
  released_by: string | null;
}

const toRow = (r: Raw): AlertRow => ({
  id: r.id,
  reporterId: r.reporter_id,
  type: r.type,
  createdAt: r.created_at,
  receivedAt: r.received_at,
  location:
    r.lat === null || r.lng === null ? null : { lat: r.lat, lng: r.lng, accuracy: r.accuracy ?? 0 },
  note: r.note,
  areaId: r.area_id,
  status: r.status,
  statusAt: r.status_at,
  sirenRequested: r.siren_requested === 1,
  flagged: r.flagged === 1,
  assignedUnit: r.assigned_unit,
  ...(r.released_at ? { releasedAt: r.released_at } : {}),
  ...(r.released_by ? { releasedBy: r.released_by } : {}),
});

export function alertQueries(db: Db): Storage['alerts'] {
  const insert = db.prepare(`INSERT OR IGNORE INTO alerts (id, reporter_id, type, created_at,
    received_at, lat, lng, accuracy, note, area_id, status, status_at, siren_requested, flagged,
    assigned_unit) VALUES (@id, @reporterId, @type, @createdAt, @receivedAt, @lat, @lng,
    @accuracy, @note, @areaId, @status, @statusAt, @sirenRequested, @flagged, @assignedUnit)`);
  const byId = db.prepare<[string], Raw>('SELECT * FROM alerts WHERE id = ?');
  // Silent alerts are not counted: the count decides `flagged` on her next public alert, shown
  // to every operator, and a flag nobody can explain by her visible alerts would point at a
  // silent one (DESIGN §2). A silent alert itself never reaches neighbours or sirens anyway.
  const reporterSince = db.prepare<[string, string], Raw>(
    `SELECT * FROM alerts WHERE reporter_id = ? AND received_at >= ?
     AND type NOT IN (${SILENT_TYPES}) ORDER BY received_at, rowid`,
  );
  const release = db.prepare(
    `UPDATE alerts SET released_at = ?, released_by = ?
     WHERE id = ? AND flagged = 1 AND released_at IS NULL`,
  );
  const setStatus = db.prepare(
    'UPDATE alerts SET status = ?, status_at = ?, assigned_unit = coalesce(?, assigned_unit) WHERE id = ?',
  );
  const addEvent = db.prepare(
    'INSERT INTO alert_events (alert_id, status, at, by) VALUES (@alertId, @status, @at, @by)',
  );
  const events = db.prepare<[string], AlertEventRow>(
    'SELECT alert_id AS alertId, status, at, by FROM alert_events WHERE alert_id = ? ORDER BY rowid',
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM alerts');
  const inAreaSince = db.prepare<[string, string], Raw>(
    'SELECT * FROM alerts WHERE received_at >= ? AND area_id = ? ORDER BY received_at, rowid',
  );

  const openOrSince = db.prepare<[string], Raw>(
    `SELECT * FROM alerts WHERE status IN ('received', 'acknowledged', 'dispatched', 'on_scene')
     OR status_at >= ? ORDER BY received_at, rowid`,
  );

  return {
    insert: (a) =>
      insert.run({
        ...a,
        lat: a.location?.lat ?? null,
        lng: a.location?.lng ?? null,
        accuracy: a.location?.accuracy ?? null,
        sirenRequested: a.sirenRequested ? 1 : 0,
        flagged: a.flagged ? 1 : 0,
      }).changes === 1,
    byId: (id) => {
      const r = byId.get(id);
      return r && toRow(r);
    },
    reporterSince: (reporterId, sinceIso) => reporterSince.all(reporterId, sinceIso).map(toRow),
    release: (id, at, by) => release.run(at, by, id).changes === 1,
    setStatus: (id, status, at, assignedUnit) =>
      void setStatus.run(status, at, assignedUnit ?? null, id),
    addEvent: (e) => void addEvent.run(e),
    events: (alertId) => events.all(alertId),
    count: () => count.get()!.n,
    inAreaSince: (areaId, sinceIso) => inAreaSince.all(sinceIso, areaId).map(toRow),
    openOrSince: (sinceIso) => openOrSince.all(sinceIso).map(toRow),
  };
}
