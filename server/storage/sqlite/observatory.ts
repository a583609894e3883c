import { ALERT_TYPES } from '../../../shared/catalogue.js';
import { VERIFIED_STATUSES } from '../../hotspots/evidence.js';
import type {
  ObservatoryAlertRow,
  ObservatoryDataset,
  ObservatoryPatrolRow,
  ObservatoryStore,
} from '../observatory.js';
import type { ImportedIncidentRow } from '../imports.js';
import type { Db } from './index.js';

const quoted = (xs: readonly string[]) => xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',');
/** From the catalogue, never from a request: safe to write into the SQL. */
const SILENT = quoted(ALERT_TYPES.filter((t) => t.silent).map((t) => t.code));
const COUNTABLE = new Set(ALERT_TYPES.filter((t) => !t.silent).map((t) => t.code as string));
const VERIFIED = quoted(VERIFIED_STATUSES);
/** The one place that says which alerts the analyses may read (`isPatrolEvidence`'s rule). */
const COUNTED_ALERT = `type NOT IN (${SILENT}) AND status IN (${VERIFIED})
  AND lat IS NOT NULL AND lng IS NOT NULL`;
const SUSPICIOUS = `json_extract(answers, '$.suspicious_activity') = 'yes'
  AND lat IS NOT NULL AND lng IS NOT NULL`;

export function observatoryQueries(db: Db): ObservatoryStore {
  // Rows are only ever added (a status change adds an event), but a count beside the highest
  // rowid also notices one taken out by hand: a cache must never outlive its data.
  const version = db.prepare<
    [],
    { a: number | null; n: number; e: number | null; c: number | null; i: number | null; m: number }
  >(
    `SELECT (SELECT max(rowid) FROM alerts) AS a, (SELECT count(*) FROM alerts) AS n,
     (SELECT max(rowid) FROM alert_events) AS e, (SELECT max(rowid) FROM conversations) AS c,
     (SELECT max(rowid) FROM imported_sources) AS i, (SELECT count(*) FROM imported_sources) AS m`,
  );
  const users = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM users`);
  const silent = db.prepare<[string, string], { receivedAt: string; areaId: string | null }>(
    `SELECT received_at AS receivedAt, area_id AS areaId FROM alerts
     WHERE type IN (${SILENT}) AND status IN (${VERIFIED}) AND received_at >= ? AND received_at < ?`,
  );
  return {
    version: () => {
      const v = version.get();
      // Homes feed the rate layer: a new, approved or moved resident is a users change that
      // adds no alert. The count moves with registrations; approvals and moves are covered by
      // the service's time limit on every cached answer.
      // Imports (their labels on the hot-spot cells) are added and deleted whole.
      const imports = `${v?.i ?? 0}.${v?.m ?? 0}`;
      return `${v?.a ?? 0}.${v?.n ?? 0}.${v?.e ?? 0}.${v?.c ?? 0}.${users.get()?.n ?? 0}.${imports}`;
    },
    silentAlerts: (from, to) => silent.all(from, to),
  };
}

export function observatoryDataset(db: Db): ObservatoryDataset {
  const byTypes = new Map<string, ReturnType<typeof prepareAlerts>>();
  const prepareAlerts = (types: readonly string[]) =>
    db.prepare<[], ObservatoryAlertRow>(
      `SELECT type, status, received_at AS receivedAt, lat, lng FROM alerts
       WHERE type IN (${quoted(types)}) AND ${COUNTED_ALERT}`,
    );
  const suspicious = db.prepare<[], ObservatoryPatrolRow>(
    `SELECT at, lat, lng FROM conversations WHERE ${SUSPICIOUS}`,
  );
  const first = db.prepare<[], { a: string | null; c: string | null }>(
    `SELECT (SELECT min(received_at) FROM alerts WHERE ${COUNTED_ALERT}) AS a,
     (SELECT min(at) FROM conversations WHERE ${SUSPICIOUS}) AS c`,
  );
  const homes = db.prepare<[], { lat: number; lng: number }>(
    `SELECT home_lat AS lat, home_lng AS lng FROM users WHERE role = 'citizen'
     AND status = 'active' AND home_lat IS NOT NULL AND home_lng IS NOT NULL`,
  );
  const imported = db.prepare<[], ImportedIncidentRow>(
    `SELECT r.at, r.lat, r.lng, s.from_day AS "from", s.to_day AS "to" FROM imported_records r
     JOIN imported_sources s ON s.id = r.source_id WHERE s.kind = 'incidents'`,
  );
  return {
    importedIncidents: () => imported.all(),
    alerts: (asked) => {
      // Only catalogue codes reach the SQL text, and never a silent one.
      const types = asked.filter((t) => COUNTABLE.has(t));
      if (types.length === 0) return [];
      const key = [...types].sort().join(',');
      let stmt = byTypes.get(key);
      if (!stmt) byTypes.set(key, (stmt = prepareAlerts(types)));
      return stmt.all();
    },
    suspiciousActivity: () => suspicious.all(),
    firstRecord: () => {
      const r = first.get();
      const times = [r?.a, r?.c].filter((x): x is string => !!x).map((x) => Date.parse(x));
      const ms = times.filter(Number.isFinite);
      return ms.length ? new Date(Math.min(...ms)).toISOString() : null;
    },
    homes: () => homes.all(),
  };
}
