import { ALERT_TYPES } from '../../shared/catalogue.js';
import type { AlertStatus, AlertTypeCode } from '../../shared/types.js';

/**
 * Which past alerts may steer patrols: hot spots and the fixed points of every plan are drawn
 * from these only. A plan puts a car at a 150 m cell on a timetable an officer's phone holds,
 * so what feeds it decides where the city looks.
 *
 * - **Never a silent alert** (DESIGN §2: a silent alert never reaches a hot-spot cell or a patrol
 *   plan). Its cell is often the victim's home; a fixed point there would tell anyone who reads
 *   a plan, or watches the car, where she lives and that she asked for help.
 * - **Only verified alerts**: the monitoring centre took it (`acknowledged`, and every later
 *   step an operator or the crew can reach from there: `dispatched`, `on_scene`, `resolved`,
 *   whatever the outcome) and did not close it as `false_alarm`, and the resident did not
 *   withdraw it (`cancelled`). An alert still waiting at `received` is not yet evidence:
 *   otherwise anyone with an account could pull a car onto a cell with a few presses, and a
 *   prank closed as a false alarm would keep doing so for 90 days.
 *
 * The rule reads the alert's current status, so an alert closed as a false alarm after it was
 * taken stops counting at the next plan; a plan already written stays as it is (the server
 * never rewrites one).
 */
export const VERIFIED_STATUSES: readonly AlertStatus[] = [
  'acknowledged',
  'dispatched',
  'on_scene',
  'resolved',
];

const SILENT = new Set<string>(ALERT_TYPES.filter((t) => t.silent).map((t) => t.code));

export function isPatrolEvidence(alert: { type: AlertTypeCode; status: AlertStatus }): boolean {
  return !SILENT.has(alert.type) && VERIFIED_STATUSES.includes(alert.status);
}
