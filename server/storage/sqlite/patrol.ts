import type { Db } from './index.js';
import type {
  CheckinRow,
  ConversationRow,
  DispatchEventRow,
  IncidentRow,
  PatrolStore,
} from '../patrol.js';
import type { Fix } from '../../../shared/types.js';

interface Located {
  lat: number | null;
  lng: number | null;
  accuracy: number | null;
}

const fix = (r: Located): Fix | null =>
  r.lat === null || r.lng === null ? null : { lat: r.lat, lng: r.lng, accuracy: r.accuracy ?? 0 };

const located = (f: Fix | null) => ({
  lat: f?.lat ?? null,
  lng: f?.lng ?? null,
  accuracy: f?.accuracy ?? null,
});

type CheckinRaw = Omit<CheckinRow, 'location'> & Located;
type ConversationRaw = Omit<ConversationRow, 'location' | 'answers'> &
  Located & { answers: string };

export function patrolQueries(db: Db): PatrolStore {
  const addCheckin = db.prepare(`INSERT OR IGNORE INTO checkins (id, unit_id, officer_id, point,
    kind, at, received_at, lat, lng, accuracy, distance_m, plan_key) VALUES (@id, @unitId,
    @officerId, @point, @kind, @at, @receivedAt, @lat, @lng, @accuracy, @distanceM, @planKey)`);
  const checkins = db.prepare<[string, string], CheckinRaw>(`SELECT id, unit_id AS unitId,
    officer_id AS officerId, point, kind, at, received_at AS receivedAt, lat, lng, accuracy,
    distance_m AS distanceM, plan_key AS planKey FROM checkins
    WHERE unit_id = ? AND at >= ? ORDER BY at, id`);
  const addConversation = db.prepare(`INSERT OR IGNORE INTO conversations (id, unit_id,
    officer_id, at, received_at, lat, lng, accuracy, area_id, answers, note) VALUES (@id,
    @unitId, @officerId, @at, @receivedAt, @lat, @lng, @accuracy, @areaId, @answers, @note)`);
  const conversations = db.prepare<[string, string], ConversationRaw>(`SELECT id,
    unit_id AS unitId, officer_id AS officerId, at, received_at AS receivedAt, lat, lng,
    accuracy, area_id AS areaId, answers, note FROM conversations
    WHERE unit_id = ? AND at >= ? ORDER BY at, id`);
  const addEvent = db.prepare(`INSERT OR IGNORE INTO dispatch_events (alert_id, unit_id, status,
    at, by, received_at) VALUES (@alertId, @unitId, @status, @at, @by, @receivedAt)`);
  const events = db.prepare<[string], DispatchEventRow>(`SELECT alert_id AS alertId,
    unit_id AS unitId, status, at, by, received_at AS receivedAt FROM dispatch_events
    WHERE alert_id = ? ORDER BY rowid`);
  const incidents = db.prepare<[string], IncidentRow>(
    `SELECT type, status, received_at AS receivedAt, lat, lng FROM alerts
     WHERE received_at >= ? AND lat IS NOT NULL AND lng IS NOT NULL`,
  );

  return {
    addCheckin: (r) => addCheckin.run({ ...r, ...located(r.location) }).changes === 1,
    checkins: (unitId, since) =>
      checkins.all(unitId, since).map(({ lat, lng, accuracy, ...r }) => ({
        ...r,
        location: fix({ lat, lng, accuracy }),
      })),
    addConversation: (r) =>
      addConversation.run({ ...r, ...located(r.location), answers: JSON.stringify(r.answers) })
        .changes === 1,
    conversations: (unitId, since) =>
      conversations.all(unitId, since).map(({ lat, lng, accuracy, answers, ...r }) => ({
        ...r,
        location: fix({ lat, lng, accuracy }),
        answers: JSON.parse(answers) as Record<string, string>,
      })),
    addDispatchEvent: (r) => addEvent.run(r).changes === 1,
    dispatchEvents: (alertId) => events.all(alertId),
    incidentsSince: (since) => incidents.all(since),
  };
}
