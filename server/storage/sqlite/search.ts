import type { Db } from './index.js';
import { SILENT_TYPES } from './silent.js';
import { foldText } from '../../../shared/history.js';
import { REPORTER_STEP } from '../../../shared/console.js';
import type { AlertStatus } from '../../../shared/types.js';
import type { AlertSearch, AlertSearchRow, ResidentRow, SearchStore } from '../search.js';

interface RawAlert {
  id: string;
  type: AlertSearchRow['type'];
  created_at: string;
  received_at: string;
  lat: number | null;
  lng: number | null;
  accuracy: number | null;
  note: string;
  area_id: string | null;
  status: AlertStatus;
  status_at: string;
  siren_requested: number;
  flagged: number;
  assigned_unit: string | null;
  escalated_at: string | null;
  escalated_by: string | null;
  outcome: string | null;
  silent: number;
  reporter_id: string;
  name: string;
  phone: string | null;
  address: string | null;
}

type Arg = string | number;

/** `%text%` for LIKE, with LIKE's own wildcards in the text taken literally. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const startsWith = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * The history and directory searches. Words match folded text (`sac_fold`: lower case, no
 * accents), so "maria" finds "María". A silent alert's reporter is never matched nor
 * returned: a search by her name must not tell who raised it (DESIGN §2); its own id, type,
 * area and note still find it, as they do in the `ops` room.
 */
export function searchQueries(db: Db): SearchStore {
  db.function('sac_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldText(text) : null,
  );
  const silent = `a.type IN (${SILENT_TYPES})`;

  const alertWhere = (q: AlertSearch): { sql: string; args: Arg[] } => {
    const where = ['a.received_at >= ?', 'a.received_at < ?'];
    const args: Arg[] = [q.fromIso, q.toIso];
    if (q.statuses) {
      where.push(`a.status IN (${marks(q.statuses.length)})`);
      args.push(...q.statuses);
    }
    if (q.type) {
      where.push('a.type = ?');
      args.push(q.type);
    }
    if (q.areaId) {
      where.push('a.area_id = ?');
      args.push(q.areaId);
    }
    for (const term of q.terms) {
      const any = [
        "sac_fold(a.note) LIKE ? ESCAPE '\\'",
        "a.id LIKE ? ESCAPE '\\'",
        // The residents the word names, folded once each rather than once per alert of theirs.
        `(NOT ${silent} AND a.reporter_id IN (SELECT id FROM users WHERE role = 'citizen'
          AND (sac_fold(name) LIKE ? ESCAPE '\\' OR sac_fold(address) LIKE ? ESCAPE '\\')))`,
      ];
      args.push(
        contains(term.text),
        startsWith(term.text),
        contains(term.text),
        contains(term.text),
      );
      if (term.types.length) {
        any.push(`a.type IN (${marks(term.types.length)})`);
        args.push(...term.types);
      }
      if (term.areas.length) {
        any.push(`a.area_id IN (${marks(term.areas.length)})`);
        args.push(...term.areas);
      }
      where.push(`(${any.join(' OR ')})`);
    }
    return { sql: where.join(' AND '), args };
  };

  const events = (ids: string[]) =>
    db
      .prepare<string[], { alertId: string; status: AlertStatus; at: string; by: string }>(
        // A silent alert's own steps are "the reporter", as in `ops` (server/console/ops-record.ts).
        `SELECT e.alert_id AS alertId, e.status, e.at,
           CASE WHEN ${silent} AND e.by = a.reporter_id THEN '${REPORTER_STEP}' ELSE e.by END AS by
         FROM alert_events e JOIN alerts a ON a.id = e.alert_id
         WHERE e.alert_id IN (${marks(ids.length)}) ORDER BY e.at, e.rowid`,
      )
      .all(...ids);
  const notes = (ids: string[]) =>
    db
      .prepare<string[], { alertId: string; id: string; text: string; at: string; by: string }>(
        `SELECT alert_id AS alertId, id, text, at, by FROM alert_notes
         WHERE alert_id IN (${marks(ids.length)}) ORDER BY at, rowid`,
      )
      .all(...ids);

  const group = <T extends { alertId: string }>(rows: T[]) => {
    const by = new Map<string, Omit<T, 'alertId'>[]>();
    for (const { alertId, ...rest } of rows) {
      const list = by.get(alertId) ?? [];
      list.push(rest);
      by.set(alertId, list);
    }
    return by;
  };

  return {
    searchAlerts: (q) => {
      const { sql, args } = alertWhere(q);
      const from = `FROM alerts a JOIN users u ON u.id = a.reporter_id WHERE ${sql}`;
      const total = db
        .prepare<Arg[], { n: number }>(`SELECT count(*) AS n ${from}`)
        .get(...args)!.n;
      const raw = db
        .prepare<Arg[], RawAlert>(
          `SELECT a.id, a.type, a.created_at, a.received_at, a.lat, a.lng, a.accuracy, a.note,
             a.area_id, a.status, a.status_at, a.siren_requested, a.flagged, a.assigned_unit,
             a.escalated_at, a.escalated_by, a.outcome, ${silent} AS silent,
             a.reporter_id, u.name, u.phone, u.address
           ${from} ORDER BY a.received_at DESC, a.id DESC LIMIT ? OFFSET ?`,
        )
        .all(...args, q.limit, q.offset);
      const ids = raw.map((r) => r.id);
      const timelines = group(ids.length ? events(ids) : []);
      const threads = group(ids.length ? notes(ids) : []);
      const rows = raw.map((r): AlertSearchRow => ({
        id: r.id,
        type: r.type,
        createdAt: r.created_at,
        receivedAt: r.received_at,
        location:
          r.lat === null || r.lng === null
            ? null
            : { lat: r.lat, lng: r.lng, accuracy: r.accuracy ?? 0 },
        note: r.note,
        areaId: r.area_id,
        status: r.status,
        statusAt: r.status_at,
        sirenRequested: r.siren_requested === 1,
        flagged: r.flagged === 1,
        assignedUnit: r.assigned_unit,
        escalatedAt: r.escalated_at,
        escalatedBy: r.escalated_by,
        outcome: r.outcome,
        reporter: r.silent
          ? null
          : { id: r.reporter_id, name: r.name, phone: r.phone ?? '', address: r.address ?? '' },
        timeline: timelines.get(r.id) ?? [],
        notes: threads.get(r.id) ?? [],
      }));
      return { rows, total };
    },

    searchResidents: (q) => {
      const where = ["role = 'citizen'"];
      const args: Arg[] = [];
      if (q.status) {
        where.push('status = ?');
        args.push(q.status);
      }
      if (q.areaId) {
        where.push('area_id = ?');
        args.push(q.areaId);
      }
      for (const term of q.terms) {
        where.push(
          `(sac_fold(name) LIKE ? ESCAPE '\\' OR sac_fold(username) LIKE ? ESCAPE '\\'
            OR sac_fold(address) LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\')`,
        );
        args.push(contains(term), contains(term), contains(term), contains(term));
      }
      const from = `FROM users WHERE ${where.join(' AND ')}`;
      const total = db
        .prepare<Arg[], { n: number }>(`SELECT count(*) AS n ${from}`)
        .get(...args)!.n;
      const rows = db
        .prepare<
          Arg[],
          Omit<ResidentRow, 'home'> & { homeLat: number | null; homeLng: number | null }
        >(
          `SELECT id, username, name, phone, address, home_lat AS homeLat, home_lng AS homeLng,
             area_id AS areaId, status, false_alarms AS falseAlarms, created_at AS createdAt
           ${from} ORDER BY sac_fold(name), username LIMIT ? OFFSET ?`,
        )
        .all(...args, q.limit, q.offset)
        .map(({ homeLat, homeLng, ...r }) => ({
          ...r,
          home: homeLat === null || homeLng === null ? null : { lat: homeLat, lng: homeLng },
        }));
      return { rows, total };
    },
  };
}
