import { alertType, NEAR_HOME_METRES } from '../../shared/catalogue.js';
import { areaForPoint, distanceMetres } from '../../shared/geo.js';
import type { AlertTypeCode, Fix } from '../../shared/types.js';
import type { RecordChange } from '../../sync/policy/index.js';
import type { AlertEventRow, AlertRow, UserRow } from '../storage/storage.js';
import { withoutHiddenControls } from '../../shared/text.js';
import { projectAlert } from './in-rooms.js';
import { overThreshold, raisedAt, reachesArea, thresholdSince, wouldReach } from './threshold.js';
import type { ProjectionDeps } from './projection.js';

/**
 * A resident's new alert, in the commit its write joins: the row, its first event, the
 * outbox's notifications and the alert's copies in the resident's room, `ops` and (unless
 * silent or held back) the area, all durable together; phones see them once it is.
 */
export function receiveAlert(
  d: ProjectionDeps,
  writer: UserRow,
  change: RecordChange,
  at: string,
): void {
  // The socket's user was read when it connected; settings such as showName may have
  // changed since (PATCH /api/me), and neighbours must see the current choice.
  const reporter = d.storage.users.byId(writer.id) ?? writer;
  const f = change.fields;
  const type = f.type as AlertTypeCode;
  const location = (f.location as Fix | null) ?? null;
  const info = alertType(type);
  // The monotonic start of the alert's path: the tick its write was accepted and applied.
  const seenAt = performance.now();
  let timed = false;

  d.sync.committer.job(() => {
    const place = location ?? reporter.home;
    const nearHome =
      !!location && !!reporter.home && distanceMetres(location, reporter.home) <= NEAR_HOME_METRES;
    const candidate: AlertRow = {
      id: change.id,
      reporterId: reporter.id,
      type,
      createdAt: String(f.createdAt),
      receivedAt: at,
      location,
      note: typeof f.note === 'string' ? withoutHiddenControls(f.note) : '',
      areaId: (place && areaForPoint(place, d.areas)) ?? reporter.areaId,
      status: 'received',
      statusAt: at,
      // What it would sound; `flagged` may hold it back (an operator can release it).
      sirenRequested: !!info.siren && nearHome,
      flagged: false,
      assignedUnit: null,
    };
    // Never refused for volume; past the threshold it reaches operators only (DESIGN §4),
    // and only an alert that would reach anyone else is marked (threshold.ts).
    const reach = wouldReach(candidate);
    if (reach.siren || reach.neighbours) {
      const since = thresholdSince(raisedAt(candidate));
      const earlier = d.storage.alerts.reporterSince(reporter.id, since);
      candidate.flagged = overThreshold(candidate, earlier);
    }
    let row: AlertRow = candidate;
    let events: AlertEventRow[];
    if (d.storage.alerts.insert(candidate)) {
      // Before the fan-out: its sirens and pushes are timed from the same start.
      d.timing?.received(change.id, seenAt);
      timed = true;
      const event: AlertEventRow = {
        alertId: change.id,
        status: 'received',
        at,
        by: reporter.id,
      };
      d.storage.alerts.addEvent(event);
      d.fanOut.onReceived(candidate, reporter);
      events = [event];
    } else {
      // A re-sent alert is stored once, and shown again wherever a crash took it back.
      const stored = d.storage.alerts.byId(change.id);
      if (stored?.reporterId !== reporter.id) return;
      row = stored;
      events = d.storage.alerts.events(stored.id);
    }
    // In the alert's own commit: its receipt and its copies in ops and the area are stored
    // with the row, and reach phones only once that commit is durable ("delivered" means
    // committed, DESIGN §5). A failure here must not cost the alert its row: it is logged,
    // and the start-up reconciliation shows the alert again.
    try {
      projectAlert(d.sync, row, reporter, events, reachesArea(row));
      // Registered in the job, so it runs after this commit's relays: the record has been
      // sent to the sockets on ops by then.
      if (timed) d.sync.committer.afterCommit(() => d.timing?.shownToOperators(seenAt));
    } catch (error) {
      d.log.error('alert projection failed', { error: String(error) });
    }
  });
}
