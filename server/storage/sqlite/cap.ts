import type { Db } from './index.js';
import { SILENT_TYPES } from './silent.js';
import type { CapAlertRow, CapStore } from '../integrations.js';
import type { AlertStatus } from '../../../shared/types.js';

interface Raw {
  id: string;
  type: CapAlertRow['type'];
  area_id: string;
  status: AlertStatus;
  status_at: string;
  flagged: number;
  released_at: string | null;
}

// Only these columns are read: never the note, position, reporter or who stamped a step.
const COLUMNS = 'a.id, a.type, a.area_id, a.status, a.status_at, a.flagged, a.released_at';

// An operator verified the alert when it took it (`acknowledged`) or moved it further while
// open; a resident's press alone, or one closed as a false alarm from the queue, never was.
// Silent types are left out here and again by the lifecycle, which reads the catalogue.
const PUBLIC = `a.type NOT IN (${SILENT_TYPES}) AND a.area_id IS NOT NULL AND EXISTS (
  SELECT 1 FROM alert_events v WHERE v.alert_id = a.id
  AND v.status IN ('acknowledged', 'dispatched', 'on_scene'))`;

const OPEN = `a.status IN ('received', 'acknowledged', 'dispatched', 'on_scene')`;

export function capQueries(db: Db): CapStore {
  const current = db.prepare<[string], Raw>(
    `SELECT ${COLUMNS} FROM alerts a WHERE ${PUBLIC} AND (${OPEN} OR a.status_at >= ?)
     ORDER BY a.received_at, a.rowid`,
  );
  const byId = db.prepare<[string], Raw>(
    `SELECT ${COLUMNS} FROM alerts a WHERE a.id = ? AND ${PUBLIC}`,
  );
  const lastClosed = db.prepare<[string], { at: string | null }>(
    `SELECT max(a.status_at) AS at FROM alerts a WHERE NOT ${OPEN} AND a.status_at < ? AND ${PUBLIC}`,
  );
  // In the order they happened: stamps written later for an earlier moment (the demo's
  // history adds its response steps after its close) must not reorder a life.
  const events = db.prepare<[string], { status: AlertStatus; at: string }>(
    'SELECT status, at FROM alert_events WHERE alert_id = ? ORDER BY at, rowid',
  );
  const version = db.prepare<[], { events: number | null; audit: number | null }>(
    'SELECT (SELECT max(rowid) FROM alert_events) AS events, (SELECT max(id) FROM audit_log) AS audit',
  );
  const toRow = (r: Raw): CapAlertRow => ({
    id: r.id,
    type: r.type,
    areaId: r.area_id,
    status: r.status,
    statusAt: r.status_at,
    flagged: r.flagged === 1,
    releasedAt: r.released_at,
    events: events.all(r.id),
  });
  return {
    current: (sinceIso) => current.all(sinceIso).map(toRow),
    byId: (id) => {
      const r = byId.get(id);
      return r && toRow(r);
    },
    lastClosedBefore: (sinceIso) => lastClosed.get(sinceIso)?.at ?? null,
    version: () => {
      const v = version.get()!;
      return `${v.events ?? 0}.${v.audit ?? 0}`;
    },
  };
}
