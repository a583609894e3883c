import type { Role } from '../../shared/types.js';
import type { RoomRef } from '../rooms.js';
import type { RoomRules } from './rules.js';
import { OPS_ROOM_RULES } from './rooms-ops.js';
import { OFFICER_RULES, PLANNER_RULES } from './rooms-unit.js';
import { USER_ROOM_RULES } from './rooms-user.js';
import type { Writer } from './types.js';

/** The session's user as room access sees it. */
export interface RoomUser {
  id: string;
  role: Role;
  areaId: string | null;
  unitId: string | null;
}

const isStaff = (role: Role): boolean => role === 'operator' || role === 'admin';

/** Who may join a room at all (DESIGN §2, §4); checked before any document data is sent. */
export function canRead(room: RoomRef, user: RoomUser): boolean {
  switch (room.kind) {
    case 'user':
      // An analyst reads the observatory's aggregates over HTTP and holds no room, not even
      // one of her own: from a `user:` room she could raise alerts like a resident.
      return user.id === room.id && user.role !== 'analyst';
    case 'area':
      return (user.role === 'citizen' && user.areaId === room.id) || isStaff(user.role);
    case 'ops':
      return isStaff(user.role);
    case 'unit':
      return (user.role === 'officer' && user.unitId === room.id) || isStaff(user.role);
  }
}

/** false: a read-only connection, whose sync step 2 and updates must bring nothing new. */
export function canWrite(room: RoomRef, user: RoomUser): boolean {
  // Area rooms are projections the server writes; nobody else, not even an operator.
  return room.kind !== 'area' && canRead(room, user);
}

/** The rule table for this writer in this room, or null when it may write nothing there. */
export function rulesFor(room: RoomRef, writer: Writer): RoomRules | null {
  const user: RoomUser = {
    id: writer.userId,
    role: writer.role,
    areaId: null,
    unitId: writer.unitId,
  };
  if (!canWrite(room, user)) return null;
  switch (room.kind) {
    case 'user':
      return USER_ROOM_RULES;
    case 'ops':
      return OPS_ROOM_RULES;
    case 'unit':
      return writer.role === 'officer' ? OFFICER_RULES : PLANNER_RULES;
    case 'area':
      return null;
  }
}
