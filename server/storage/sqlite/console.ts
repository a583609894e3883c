import type { Db } from './index.js';
import { SILENT_TYPES } from './silent.js';
import { searchQueries } from './search.js';
import type {
  AlertNoteRow,
  AuditEntry,
  ConsoleStore,
  FlaggedReporter,
  ReporterAlert,
  ResponseTimesRow,
} from '../console.js';

const TIMES = `SELECT t.alert_id AS alertId, t.type, t.area_id AS areaId, t.received_at AS receivedAt,
  t.acknowledged_at AS acknowledgedAt, t.dispatched_at AS dispatchedAt, t.on_scene_at AS onSceneAt,
  t.closed_at AS closedAt, t.escalated_at AS escalatedAt, a.status
  FROM alert_response_times t JOIN alerts a ON a.id = t.alert_id`;

export function consoleQueries(db: Db): ConsoleStore {
  // Only the first escalation counts: the policy lets `escalatedAt` be set once, and a resend
  // of the same update must not move the stamp.
  const escalate = db.prepare(
    'UPDATE alerts SET escalated_at = ?, escalated_by = ? WHERE id = ? AND escalated_at IS NULL',
  );
  const outcome = db.prepare('UPDATE alerts SET outcome = ? WHERE id = ?');
  const addNote = db.prepare(
    'INSERT OR IGNORE INTO alert_notes (id, alert_id, text, at, by) VALUES (@id, @alertId, @text, @at, @by)',
  );
  const notes = db.prepare<[string], AlertNoteRow>(
    'SELECT id, alert_id AS alertId, text, at, by FROM alert_notes WHERE alert_id = ? ORDER BY at, rowid',
  );
  const times = db.prepare<[string], ResponseTimesRow>(`${TIMES} WHERE t.alert_id = ?`);
  const timesSince = db.prepare<[string], ResponseTimesRow>(
    `${TIMES} WHERE t.received_at >= ? ORDER BY t.received_at`,
  );
  // A silent alert is in no one's history (DESIGN §2): listed beside her name on her other
  // alerts, it would tell every operator who raised it without the audited identity view.
  const reporterAlerts = db.prepare<[string, number], ReporterAlert>(
    `SELECT id, type, status, received_at AS receivedAt, outcome FROM alerts
     WHERE reporter_id = ? AND type NOT IN (${SILENT_TYPES}) ORDER BY received_at DESC LIMIT ?`,
  );
  const flagged = db.prepare<[number, number], FlaggedReporter>(
    `SELECT id, username, name, phone, area_id AS areaId, status, false_alarms AS falseAlarms
     FROM users WHERE role = 'citizen' AND false_alarms >= ? ORDER BY false_alarms DESC, name LIMIT ?`,
  );

  return {
    ...searchQueries(db),
    escalate: (alertId, at, by) => escalate.run(at, by, alertId).changes === 1,
    setOutcome: (alertId, value) => void outcome.run(value, alertId),
    addNote: (row) => addNote.run(row).changes === 1,
    notes: (alertId) => notes.all(alertId),
    responseTimes: (alertId) => times.get(alertId),
    responseTimesSince: (sinceIso) => timesSince.all(sinceIso),
    audit: (q) => {
      const where: string[] = [];
      const args: (string | number)[] = [];
      if (q.beforeId !== undefined) {
        where.push('a.id < ?');
        args.push(q.beforeId);
      }
      if (q.action?.endsWith('.')) {
        // A prefix such as `alert.`: escape LIKE's wildcards so `_` in an action is literal.
        where.push("a.action LIKE ? ESCAPE '\\'");
        args.push(`${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      } else if (q.action) {
        where.push('a.action = ?');
        args.push(q.action);
      }
      if (q.actorId) {
        where.push('a.actor_id = ?');
        args.push(q.actorId);
      }
      // What the subject is, so the log reads without looking ids up: an alert's type, an
      // account's name, an API key's holder. (A silent alert's reporter is in no row: only its alert id is.)
      const sql = `SELECT a.id, a.at, a.actor_id AS actorId, u.name AS actorName,
        u.role AS actorRole, a.action, a.subject, a.detail,
        coalesce(al.type, su.name, rq.category, ac.name) AS subjectLabel,
        al.type AS alertType, al.area_id AS alertArea, al.received_at AS alertAt,
        su.name AS userName, su.username AS userUsername,
        rq.category AS requestCategory, rq.area_id AS requestArea,
        n.text AS noteText
        FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
        LEFT JOIN alerts al ON al.id = a.subject
        LEFT JOIN users su ON su.id = a.subject
        LEFT JOIN requests rq ON rq.id = a.subject
        LEFT JOIN api_clients ac ON ac.id = a.subject
        LEFT JOIN alert_notes n ON a.action = 'alert.note' AND n.id = a.detail
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT ?`;
      return db.prepare<(string | number)[], AuditEntry>(sql).all(...args, q.limit);
    },
    reporterAlerts: (reporterId, limit) => reporterAlerts.all(reporterId, limit),
    repeatFalseAlarms: (min, limit) => flagged.all(min, limit),
  };
}
