import * as Y from 'yjs';
import { alertType } from '../../shared/catalogue.js';
import type { AlertTypeCode } from '../../shared/types.js';
import type { UserRow } from '../storage/storage.js';

/**
 * Who raised the alert, as the `ops` record carries it. A silent alert's reporter is left out
 * (DESIGN §2 lets operators see it, but only on purpose): the console asks for it through
 * `POST /api/console/alerts/:id/opened`, which writes the audit log first. So the identity of
 * someone asking for help in secret is never in the room's log, on every operator's screen or
 * in an operator's browser storage, and each look at it has a name and a time.
 */
export function opsIdentity(reporter: UserRow, type: AlertTypeCode): Record<string, unknown> {
  if (alertType(type).silent) {
    return { reporterName: '', reporterPhone: '', reporterAddress: '', identityProtected: true };
  }
  return {
    reporterName: reporter.name,
    reporterPhone: reporter.phone ?? '',
    reporterAddress: reporter.address ?? '',
    // Surfaced in the queue: a reporter with earlier false alarms is verified first.
    reporterFalseAlarms: reporter.falseAlarms,
  };
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
