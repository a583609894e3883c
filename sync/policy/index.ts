/**
 * The write policy of the sync rooms (DESIGN §2, §4): who may join a room, and which updates
 * a writer may apply to it, checked before an update is applied, stored or relayed. The
 * server checks every update; the client checks its own so that it never sends one refused.
 */
export { canRead, canWrite, rulesFor, type RoomUser } from './access.js';
export { checkUpdate } from './check.js';
export { decodeWrites } from './decode.js';
export type {
  CheckResult,
  DecodeResult,
  Path,
  RecordChange,
  Refused,
  Write,
  Writer,
} from './types.js';
export { ARRAY_MARKER, MAP_MARKER, isArrayMarker, isMapMarker, isMarker } from './types.js';
export type { Check, CollectionRule, FieldRule, RecordContext, RoomRules } from './rules.js';
export { OPS_ROOM_RULES, REQUEST_STATUSES } from './rooms-ops.js';
export {
  DISPATCH_STATUSES,
  DISPATCH_STEP_TIMES,
  OFFICER_RULES,
  PLANNER_RULES,
} from './rooms-unit.js';
export { USER_ROOM_RULES } from './rooms-user.js';
