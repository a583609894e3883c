import { ALERT_TYPES } from '../../../shared/catalogue.js';
import type { PerceptionStore, ResponseRows, ResponseStore } from '../responses.js';
import { observatoryDataset } from './observatory.js';
import type { Db } from './index.js';

const quoted = (xs: readonly string[]) => xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',');
/** From the catalogue, never from a request: safe to write into the SQL. */
const SILENT = quoted(ALERT_TYPES.filter((t) => t.silent).map((t) => t.code));
const COUNTABLE = new Set(ALERT_TYPES.filter((t) => !t.silent).map((t) => t.code as string));

type Args = string[];

/**
 * One WHERE for the alerts and for their stages, so the three reads always agree on which
 * alerts they are about, and the silent ones are out of all three.
 */
function where(types: readonly string[], area: boolean): string {
  return `a.type NOT IN (${SILENT}) AND a.type IN (${quoted(types)})
    AND a.received_at >= ? AND a.received_at < ?${area ? ' AND a.area_id = ?' : ''}`;
}

export function responseQueries(db: Db): ResponseStore {
  const prepared = new Map<string, ReturnType<typeof prepare>>();
  const prepare = (types: readonly string[], area: boolean) => {
    const w = where(types, area);
    return {
      alerts: db.prepare<Args, ResponseRows['alerts'][number]>(
        `SELECT a.id, a.type, a.area_id AS areaId, a.assigned_unit AS unitId,
         a.received_at AS receivedAt FROM alerts a WHERE ${w} ORDER BY a.received_at, a.id`,
      ),
      events: db.prepare<Args, ResponseRows['events'][number]>(
        `SELECT e.alert_id AS alertId, e.status, e.at FROM alert_events e
         JOIN alerts a ON a.id = e.alert_id WHERE ${w}`,
      ),
      crew: db.prepare<Args, ResponseRows['crew'][number]>(
        `SELECT d.alert_id AS alertId, d.unit_id AS unitId, d.status, d.at FROM dispatch_events d
         JOIN alerts a ON a.id = d.alert_id WHERE ${w}`,
      ),
    };
  };
  const setStatusAt = db.prepare<[string, string, string]>(
    `UPDATE alerts SET status_at = ? WHERE id = ? AND status = ?`,
  );
  const setEventAt = db.prepare<[string, string, string]>(
    `UPDATE alert_events SET at = ? WHERE alert_id = ? AND status = ?`,
  );
  return {
    timelines({ fromIso, toIso, types, areaId }) {
      // Only catalogue codes reach the SQL text, and never a silent one.
      const asked = [...new Set(types.filter((t) => COUNTABLE.has(t)))].sort();
      if (asked.length === 0) return { alerts: [], events: [], crew: [] };
      const key = `${asked.join(',')}|${areaId !== null}`;
      let q = prepared.get(key);
      if (!q) prepared.set(key, (q = prepare(asked, areaId !== null)));
      const args: Args = areaId !== null ? [fromIso, toIso, areaId] : [fromIso, toIso];
      return {
        alerts: q.alerts.all(...args),
        events: q.events.all(...args),
        crew: q.crew.all(...args),
      };
    },
    moveClose(alertId, status, at) {
      setStatusAt.run(at, alertId, status);
      setEventAt.run(at, alertId, status);
    },
  };
}

export function perceptionQueries(db: Db): PerceptionStore {
  // Never `officer_id`, never `note`: the figure has no use for them and must not hold them.
  const answers = db.prepare<[string, string], ReturnType<PerceptionStore['answers']>[number]>(
    `SELECT answers, at, lat, lng, area_id AS areaId FROM conversations
     WHERE at >= ? AND at < ? ORDER BY at, id`,
  );
  const dataset = observatoryDataset(db);
  return {
    answers: (from, to) => answers.all(from, to),
    dataset: () => dataset,
  };
}
