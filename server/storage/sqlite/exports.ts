import Database from 'better-sqlite3';
import type { Db } from './index.js';
import { SILENT_TYPES } from './silent.js';
import type {
  AlertExportRow,
  CheckinExportRow,
  ConversationExportRow,
  ExportCursor,
  ExportDataset,
  ExportQuery,
  ExportRows,
  ExportStore,
  RequestExportRow,
} from '../exports.js';

/** Exports read at once, each on its own connection; more wait (429) rather than pile up. */
export const MAX_OPEN_EXPORTS = 4;

type Arg = string | number;
type Raw = Record<string, unknown>;

interface Plan {
  /** SELECT … FROM … WHERE … for the dataset, in time order, with its arguments */
  sql: string;
  args: Arg[];
  row: (r: Raw) => unknown;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function plan(dataset: ExportDataset, q: ExportQuery): Plan {
  const where: string[] = [];
  const args: Arg[] = [q.fromIso, q.toIso];
  const add = (condition: string, value: Arg) => {
    where.push(condition);
    args.push(value);
  };
  const position = (r: Raw) => ({ lat: num(r.lat), lng: num(r.lng), accuracy: num(r.accuracy) });
  switch (dataset) {
    case 'alerts': {
      if (!q.withSilent) where.push(`a.type NOT IN (${SILENT_TYPES})`);
      if (q.type) add('a.type = ?', q.type);
      if (q.areaId) add('a.area_id = ?', q.areaId);
      return {
        // The response times come from the stamps (the `alert_response_times` view), as the
        // console's figures do, so an export never disagrees with the screen.
        sql: `SELECT a.*, a.type IN (${SILENT_TYPES}) AS silent, u.name, u.phone, u.address,
            t.acknowledged_at, t.dispatched_at, t.on_scene_at, t.closed_at
          FROM alerts a JOIN users u ON u.id = a.reporter_id
          JOIN alert_response_times t ON t.alert_id = a.id
          WHERE a.received_at >= ? AND a.received_at < ? ${and(where)}
          ORDER BY a.received_at, a.rowid`,
        args,
        row: (r): AlertExportRow => ({
          id: str(r.id),
          type: str(r.type),
          createdAt: str(r.created_at),
          receivedAt: str(r.received_at),
          status: str(r.status),
          statusAt: str(r.status_at),
          acknowledgedAt: strOrNull(r.acknowledged_at),
          dispatchedAt: strOrNull(r.dispatched_at),
          onSceneAt: strOrNull(r.on_scene_at),
          closedAt: strOrNull(r.closed_at),
          escalatedAt: strOrNull(r.escalated_at),
          outcome: strOrNull(r.outcome),
          areaId: strOrNull(r.area_id),
          assignedUnit: strOrNull(r.assigned_unit),
          sirenRequested: r.siren_requested === 1,
          flagged: r.flagged === 1,
          note: str(r.note),
          ...position(r),
          // A silent alert's reporter never leaves the database here: not even for operators
          // (the console names her only through the audited identity view).
          reporter:
            r.silent === 1
              ? null
              : {
                  id: str(r.reporter_id),
                  name: str(r.name),
                  phone: str(r.phone),
                  address: str(r.address),
                },
        }),
      };
    }
    case 'requests': {
      if (q.type) add('r.category = ?', q.type);
      if (q.areaId) add('r.area_id = ?', q.areaId);
      return {
        sql: `SELECT r.*, u.name, u.phone FROM requests r JOIN users u ON u.id = r.reporter_id
          WHERE r.received_at >= ? AND r.received_at < ? ${and(where)}
          ORDER BY r.received_at, r.rowid`,
        args,
        row: (r): RequestExportRow => ({
          id: str(r.id),
          category: str(r.category),
          source: str(r.source),
          status: str(r.status),
          createdAt: str(r.created_at),
          receivedAt: str(r.received_at),
          statusAt: str(r.status_at),
          cancelledAt: strOrNull(r.cancelled_at),
          areaId: strOrNull(r.area_id),
          unitId: strOrNull(r.unit_id),
          description: str(r.description),
          reply: str(r.reply),
          ...position(r),
          reporter: { id: str(r.reporter_id), name: str(r.name), phone: str(r.phone) },
        }),
      };
    }
    case 'checkins': {
      if (q.areaId) add('area_id = ?', q.areaId);
      return {
        // A check-in names its plan point; the point's area is in the plan it belongs to.
        sql: `SELECT * FROM (SELECT c.*, u.name,
            (SELECT json_extract(j.value, '$.areaId') FROM plan_log p, json_each(p.points) j
              WHERE p.plan_key = c.plan_key AND p.unit_id = c.unit_id
                AND json_extract(j.value, '$.id') = c.point LIMIT 1) AS area_id
          FROM checkins c LEFT JOIN users u ON u.id = c.officer_id
          WHERE c.at >= ? AND c.at < ?) WHERE 1 ${and(where)}
          ORDER BY at, id`,
        args,
        row: (r): CheckinExportRow => ({
          id: str(r.id),
          unitId: str(r.unit_id),
          officerId: str(r.officer_id),
          officerName: str(r.name),
          point: str(r.point),
          kind: str(r.kind),
          at: str(r.at),
          receivedAt: str(r.received_at),
          distanceM: num(r.distance_m),
          planKey: strOrNull(r.plan_key),
          areaId: strOrNull(r.area_id),
          ...position(r),
        }),
      };
    }
    case 'conversations': {
      if (q.areaId) add('c.area_id = ?', q.areaId);
      return {
        sql: `SELECT c.*, u.name FROM conversations c LEFT JOIN users u ON u.id = c.officer_id
          WHERE c.at >= ? AND c.at < ? ${and(where)}
          ORDER BY c.at, c.id`,
        args,
        row: (r): ConversationExportRow => ({
          id: str(r.id),
          unitId: str(r.unit_id),
          officerId: str(r.officer_id),
          officerName: str(r.name),
          at: str(r.at),
          receivedAt: str(r.received_at),
          areaId: strOrNull(r.area_id),
          answers: answers(r.answers),
          note: str(r.note),
          ...position(r),
        }),
      };
    }
  }
}

const and = (where: string[]) => where.map((w) => `AND ${w}`).join(' ');

function answers(raw: unknown): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(str(raw));
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}

/**
 * Each export reads on a read-only connection of its own, inside one read transaction: the
 * count and the rows come from the same snapshot, and `.iterate()` steps through the rows as
 * the response is taken. Not on the shared connection: while a better-sqlite3 iterator is
 * open its connection refuses every other statement ("This database connection is busy
 * executing a query"), and an alert's commit must never wait for a spreadsheet download.
 * WAL lets the writer go on meanwhile; the snapshot only keeps the WAL from being reset until
 * the export ends, which is why the route bounds how long one may take.
 */
export function exportQueries(db: Db): ExportStore {
  let open = 0;
  return {
    open<D extends ExportDataset>(dataset: D, q: ExportQuery): ExportCursor<ExportRows[D]> | null {
      if (open >= MAX_OPEN_EXPORTS) return null;
      const reader = new Database(db.name, { readonly: true, fileMustExist: true });
      open++;
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        open--;
        iterator?.return?.();
        if (reader.inTransaction) reader.exec('COMMIT');
        reader.close();
      };
      let iterator: IterableIterator<Raw> | undefined;
      try {
        reader.pragma('busy_timeout = 5000');
        const p = plan(dataset, q);
        reader.exec('BEGIN');
        const count = reader
          .prepare<Arg[], { n: number }>(`SELECT count(*) AS n FROM (${p.sql})`)
          .get(...p.args)!.n;
        iterator = reader.prepare<Arg[], Raw>(p.sql).iterate(...p.args);
        const source = iterator;
        const rows: Iterator<ExportRows[D]> = {
          next: () => {
            const n = source.next();
            if (n.done) return { done: true, value: undefined };
            return { done: false, value: p.row(n.value) as ExportRows[D] };
          },
        };
        return { count, rows, close };
      } catch (e) {
        close();
        throw e;
      }
    },
  };
}
