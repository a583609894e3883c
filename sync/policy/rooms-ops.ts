import { OPERATOR_TRANSITIONS } from '../../shared/catalogue.js';
import { CLOSED_STATUSES, OPEN_STATUSES } from '../../shared/types.js';
import { field, type Check, type RoomRules } from './rules.js';
import { passesThrough, reachable, type Steps } from './transitions.js';
import {
  bool,
  byWriter,
  isStepKey,
  isUuid,
  iso,
  oneOf,
  shape,
  text,
  unitRef,
  uuid,
} from './validators.js';

export const REQUEST_STATUSES = [
  'open',
  'acknowledged',
  'in_progress',
  'closed',
  'duplicate',
  'not_our_responsibility',
] as const;

const ALERT_STATUSES: readonly string[] = [...OPEN_STATUSES, ...CLOSED_STATUSES];

const operatorSteps: Steps = (s) => {
  const open = OPEN_STATUSES.find((o) => o === s);
  return open === undefined ? [] : OPERATOR_TRANSITIONS[open];
};

/**
 * From the doc's status to the new one through operator transitions (catalogue; an offline
 * batch may take several, see transitions.ts). Setting the status it already has is a no-op:
 * two operators acknowledging the same alert at once must not cost the second a resync.
 * Dispatching needs a unit, in the doc or in this update, also when a batch passes through
 * `dispatched` on its way further.
 */
const operatorStatus: Check = (to, ctx) => {
  const from = ctx.current('status');
  if (to === from) return null;
  const within = ctx.steps('status');
  if (typeof from !== 'string' || typeof to !== 'string') return 'no status to change';
  if (!reachable(from, to, operatorSteps, { within })) return `${from} → ${to} not allowed`;
  if (passesThrough(from, to, 'dispatched', operatorSteps, within) && !ctx.after('assignedUnit')) {
    return 'dispatched requires assignedUnit';
  }
  return null;
};

/** An operator's note; `by` is the writer, so nobody signs for someone else. */
const note = shape({ id: uuid, text: text(1, 1000), at: iso, by: byWriter });

/**
 * `ops`, written by operators and admins. Alerts and requests are created by the server; an
 * operator works on them. `units` and `sirens` are the server's.
 */
export const OPS_ROOM_RULES: RoomRules = {
  alerts: {
    key: isUuid,
    update: {
      status: field(oneOf(ALERT_STATUSES), { guard: operatorStatus }),
      assignedUnit: field(unitRef, { removable: true }),
      escalatedAt: field(iso, { once: true }),
      checklist: { map: { key: isStepKey, value: bool, removable: true } },
      notes: { array: { element: note } },
    },
  },
  requests: {
    key: isUuid,
    update: {
      status: field(oneOf(REQUEST_STATUSES)),
      reply: field(text(0, 1000)),
    },
  },
};
