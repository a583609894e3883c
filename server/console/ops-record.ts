import * as Y from 'yjs';
import { alertType, isAlertTypeCode } from '../../shared/catalogue.js';
import { REPORTER_STEP } from '../../shared/console.js';
import type { AlertTypeCode } from '../../shared/types.js';
import type { AlertRow, UserRow } from '../storage/storage.js';
import { isPlainObject } from '../../sync/policy/validators.js';
import { SERVER } from '../sync/origin.js';

/**
 * Who raised the alert, as the `ops` record carries it. A silent alert's reporter is left out
 * entirely, her user id included (DESIGN §2 lets operators see her, but only on purpose): every
 * operator may list users with their names and phones (`GET /api/users`), so an id in the room
 * would name her without anyone deciding to look. The only handle on her is the alert's own
 * id, and the only thing that resolves it is `POST /api/console/alerts/:id/identity`, which
 * writes the audit log first. Per alert, never per person: two silent alerts of one woman
 * cannot be linked, or counted, from the room. So the identity of someone asking for help in
 * secret is never in the room's log, on every operator's screen or in a browser's storage, and
 * each look at it has a name and a time.
 */
export function opsIdentity(reporter: UserRow, type: AlertTypeCode): Record<string, unknown> {
  if (alertType(type).silent) {
    return { reporterName: '', reporterPhone: '', reporterAddress: '', identityProtected: true };
  }
  return {
    reporterId: reporter.id,
    reporterName: reporter.name,
    reporterPhone: reporter.phone ?? '',
    reporterAddress: reporter.address ?? '',
    // Surfaced in the queue: a reporter with earlier false alarms is verified first.
    reporterFalseAlarms: reporter.falseAlarms,
  };
}

/**
 * The `by` of a step in the `ops` timeline. The resident's own steps (received, cancelled) of
 * a silent alert name no one: `REPORTER_STEP` stands for her, as `opsIdentity` leaves her id
 * out. Staff stay named (an operator's or officer's id is what the console shows).
 */
export function opsActor(alert: Pick<AlertRow, 'type' | 'reporterId'>, by: { id: string }): string {
  return by.id === alert.reporterId && alertType(alert.type).silent ? REPORTER_STEP : by.id;
}

/**
 * Whether closing this alert as a false alarm counts against its reporter. A silent alert
 * never does: the count is shown beside her name on her other alerts, in `/api/users` and in
 * the flagged list, and would tell any operator she had raised one (DESIGN §2: a silent alert
 * is in no history or count outside its own audited view).
 */
export function countsAgainstReporter(alert: Pick<AlertRow, 'type'>): boolean {
  return !alertType(alert.type).silent;
}

/**
 * The operators' working space on a new `ops` record, created empty by the server: operators
 * only add entries, so two of them starting the checklist or the notes at the same moment do
 * not both create the container (the second would be refused as "already exists").
 */
export function addWorkspace(rec: Y.Map<unknown>): void {
  rec.set('checklist', new Y.Map<unknown>());
  rec.set('notes', new Y.Array<unknown>());
}

/**
 * Silent alerts that entered `ops` before their records left the reporter out still carry her
 * id (in `reporterId` and her own timeline steps) for up to the 24 h they stay in the room.
 * Run at start-up: it removes them, so an upgrade does not wait a day to hold. Returns how
 * many records it changed; a second run changes none.
 */
export function scrubSilentReporters(ops: Y.Doc): number {
  let changed = 0;
  ops.transact(() => {
    ops.getMap('alerts').forEach((rec) => {
      if (!(rec instanceof Y.Map)) return;
      const type: unknown = rec.get('type');
      const reporterId: unknown = rec.get('reporterId');
      if (!isAlertTypeCode(type) || !alertType(type).silent || typeof reporterId !== 'string')
        return;
      rec.delete('reporterId');
      const timeline: unknown = rec.get('timeline');
      if (timeline instanceof Y.Array) {
        timeline.toArray().forEach((step: unknown, i) => {
          if (!isPlainObject(step) || step.by !== reporterId) return;
          timeline.delete(i, 1);
          timeline.insert(i, [{ ...step, by: REPORTER_STEP }]);
        });
      }
      changed++;
    });
  }, SERVER);
  return changed;
}
