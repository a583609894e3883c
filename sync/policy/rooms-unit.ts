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

/** From the doc's status; the same status again is a no-op (both officers of a car tap it). */
const dispatchStatus: Check = (to, ctx) => {
  const from = ctx.current('status');
  if (to === from) return null;
  if (typeof from !== 'string' || typeof to !== 'string') return 'no status to change';
  const within = ctx.steps('status');
  return reachable(from, to, dispatchSteps, { within }) ? null : `${from} → ${to} not allowed`;
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
    update: { status: field(oneOf(DISPATCH_STATUSES), { guard: dispatchStatus }) },
  },
};

/** `unit:<id>` for operators and admins: the shift plan, entries of plain JSON. */
export const PLANNER_RULES: RoomRules = {
  plan: { key: isEntryKey, entry: { value: jsonDocument(64 * 1024), removable: true } },
};
