import { field, type Check, type FieldRule, type RoomRules } from './rules.js';
import { REQUEST_FIELDS } from './rooms-user.js';
import { reachable, type Steps } from './transitions.js';
import {
  byWriter,
  dictionary,
  isEntryKey,
  isUuid,
  iso,
  jsonDocument,
  location,
  oneOf,
  sameAsKey,
  text,
} from './validators.js';

export const DISPATCH_STATUSES = [
  'dispatched',
  'accepted',
  'en_route',
  'on_scene',
  'done',
] as const;

/** Forward only, one step at a time, except that a crew may go straight to en route. */
const DISPATCH_STEPS: Readonly<Record<string, readonly string[]>> = {
  dispatched: ['accepted', 'en_route'],
  accepted: ['en_route'],
  en_route: ['on_scene'],
  on_scene: ['done'],
};
const dispatchSteps: Steps = (s) => DISPATCH_STEPS[s] ?? [];

/**
 * The phone's time of each step it takes (the crew's clock: signal may return much later and
 * response times are measured from when the crew acted). Set with the status, in one update.
 */
export const DISPATCH_STEP_TIMES = {
  accepted: 'acceptedAt',
  en_route: 'enRouteAt',
  on_scene: 'onSceneAt',
  done: 'doneAt',
} as const;

const rank = (s: string): number => (DISPATCH_STATUSES as readonly string[]).indexOf(s);

/**
 * From the doc's status; the same status again is a no-op (both officers of a car tap it).
 * A step the doc has already passed is let through: the other phone of the car got further
 * while this one had no signal, and refusing would cost this phone its whole shift's records
 * (a refusal resets its copy of the room). The server then writes back the furthest step
 * (server/units), so the visible status never goes back for long. Skipping ahead is refused.
 */
const dispatchStatus: Check = (to, ctx) => {
  const from = ctx.current('status');
  if (to === from) return null;
  if (typeof from !== 'string' || typeof to !== 'string') return 'no status to change';
  const within = ctx.steps('status');
  if (reachable(from, to, dispatchSteps, { within })) return null;
  return rank(to) >= 1 && rank(to) < rank(from) ? null : `${from} → ${to} not allowed`;
};

const created = (fields: Readonly<Record<string, FieldRule>>) => ({
  fields,
  required: Object.keys(fields),
});

/** `unit:<id>` for the unit's officers: what they log on a shift, and their dispatches' progress. */
export const OFFICER_RULES: RoomRules = {
  checkins: {
    key: isUuid,
    create: created({
      id: field(sameAsKey),
      point: field(text(1, 64)),
      kind: field(oneOf(['in', 'out'])),
      at: field(iso),
      location: field(location),
      by: field(byWriter),
    }),
  },
  conversations: {
    key: isUuid,
    create: created({
      id: field(sameAsKey),
      at: field(iso),
      location: field(location),
      answers: field(dictionary(20, oneOf(['yes', 'no', 'unsure']))),
      note: field(text(0, 1000)),
      by: field(byWriter),
    }),
  },
  requests: {
    key: isUuid,
    create: created({ ...REQUEST_FIELDS, by: field(byWriter) }),
  },
  dispatches: {
    key: isUuid,
    update: {
      status: field(oneOf(DISPATCH_STATUSES), { guard: dispatchStatus }),
      ...Object.fromEntries(Object.values(DISPATCH_STEP_TIMES).map((f) => [f, field(iso)])),
    },
  },
};

/** `unit:<id>` for operators and admins: the shift plan, entries of plain JSON. */
export const PLANNER_RULES: RoomRules = {
  plan: { key: isEntryKey, entry: { value: jsonDocument(64 * 1024), removable: true } },
};
