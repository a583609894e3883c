import { OPERATOR_TRANSITIONS } from '../../shared/catalogue.js';
import { ALERT_OUTCOMES } from '../../shared/console.js';
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

/**
 * A unit is assigned in the update that dispatches it (status → dispatched, or an offline
 * batch passing through it), never on its own: the projection sends the dispatch to the unit
 * that was assigned when the status changed, so a later or concurrent reassignment would show
 * one car in `ops` while another drives. The second of two operators dispatching the same
 * alert at once is refused and resyncs to the first one's unit.
 */
const assignment: Check = (_unit, ctx) => {
  const from = ctx.current('status');
  const to = ctx.after('status');
  if (typeof from !== 'string' || typeof to !== 'string' || from === to)
    return 'a unit is assigned only when dispatching';
  return passesThrough(from, to, 'dispatched', operatorSteps, ctx.steps('status'))
    ? null
    : 'a unit is assigned only when dispatching';
};

/** Escalation to 911 is for an alert still being handled. */
const whileOpen: Check = (_v, ctx) => {
  const status = ctx.current('status');
  return (OPEN_STATUSES as readonly unknown[]).includes(status) ? null : 'alert is closed';
};

/** The outcome is written with the resolution, in the same update. */
const withResolution: Check = (_v, ctx) =>
  ctx.after('status') === 'resolved' && ctx.current('status') !== 'resolved'
    ? null
    : 'outcome only when resolving';

/**
 * Neighbour requests move forward only: acknowledged, in progress, then closed, or set aside
 * as a duplicate or not the city's; a step may be skipped. A reply may follow at any time.
 */
export const REQUEST_STEPS: Readonly<Record<string, readonly string[]>> = {
  open: ['acknowledged', 'in_progress', 'closed', 'duplicate', 'not_our_responsibility'],
  acknowledged: ['in_progress', 'closed', 'duplicate', 'not_our_responsibility'],
  in_progress: ['closed', 'duplicate', 'not_our_responsibility'],
};
const requestStatus: Check = (to, ctx) => {
  const from = ctx.current('status');
  if (to === from) return null;
  if (typeof from !== 'string' || typeof to !== 'string') return 'no status to change';
  const steps = (s: string) => (Object.hasOwn(REQUEST_STEPS, s) ? REQUEST_STEPS[s]! : []);
  return reachable(from, to, steps) ? null : `${from} → ${to} not allowed`;
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
      assignedUnit: field(unitRef, { guard: assignment }),
      escalatedAt: field(iso, { once: true, guard: whileOpen }),
      outcome: field(oneOf(ALERT_OUTCOMES), { once: true, guard: withResolution }),
      // The server creates both, empty, when the alert enters `ops`: operators only add
      // entries, so two of them starting the checklist at once no longer collide.
      checklist: { map: { key: isStepKey, value: bool, removable: true } },
      notes: { array: { element: note } },
    },
  },
  requests: {
    key: isUuid,
    update: {
      status: field(oneOf(REQUEST_STATUSES), { guard: requestStatus }),
      reply: field(text(0, 1000)),
    },
  },
};
