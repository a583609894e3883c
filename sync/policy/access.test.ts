import { describe, expect, it } from 'vitest';
import type { RoomRef } from '../rooms.js';
import { canRead, canWrite, type RoomUser } from './access.js';

const citizen: RoomUser = { id: 'c1', role: 'citizen', areaId: 'a1', unitId: null };
const neighbour: RoomUser = { id: 'c2', role: 'citizen', areaId: 'a2', unitId: null };
const officer: RoomUser = { id: 'o1', role: 'officer', areaId: null, unitId: 'unit-1' };
const operator: RoomUser = { id: 'op1', role: 'operator', areaId: null, unitId: null };
const admin: RoomUser = { id: 'ad1', role: 'admin', areaId: null, unitId: null };
/** An analyst with every id field set, so no rule lets her in by a coincidence of ids. */
const analyst: RoomUser = { id: 'an1', role: 'analyst', areaId: 'a1', unitId: 'unit-1' };

/** [room, user, may read, may write] */
const matrix: [RoomRef, RoomUser, boolean, boolean][] = [
  [{ kind: 'user', id: 'c1' }, citizen, true, true],
  [{ kind: 'user', id: 'c1' }, neighbour, false, false],
  [{ kind: 'user', id: 'c1' }, operator, false, false],
  [{ kind: 'user', id: 'c1' }, admin, false, false],
  [{ kind: 'user', id: 'o1' }, officer, true, true],
  [{ kind: 'area', id: 'a1' }, citizen, true, false],
  [{ kind: 'area', id: 'a1' }, neighbour, false, false],
  [{ kind: 'area', id: 'a1' }, officer, false, false],
  [{ kind: 'area', id: 'a1' }, operator, true, false],
  [{ kind: 'area', id: 'a1' }, admin, true, false],
  [{ kind: 'ops' }, citizen, false, false],
  [{ kind: 'ops' }, officer, false, false],
  [{ kind: 'ops' }, operator, true, true],
  [{ kind: 'ops' }, admin, true, true],
  [{ kind: 'unit', id: 'unit-1' }, officer, true, true],
  [{ kind: 'unit', id: 'unit-2' }, officer, false, false],
  [{ kind: 'unit', id: 'unit-1' }, { ...citizen, unitId: 'unit-1' }, false, false],
  [{ kind: 'unit', id: 'unit-1' }, operator, true, true],
  [{ kind: 'unit', id: 'unit-1' }, admin, true, true],
];

describe('room access', () => {
  it.each<RoomRef>([
    { kind: 'user', id: 'an1' },
    { kind: 'user', id: 'c1' },
    { kind: 'area', id: 'a1' },
    { kind: 'ops' },
    { kind: 'unit', id: 'unit-1' },
  ])('refuses an analyst every room kind: %j', (room) => {
    expect(canRead(room, analyst)).toBe(false);
    expect(canWrite(room, analyst)).toBe(false);
  });

  it.each(matrix)('%j for %j: read %s, write %s', (room, user, read, write) => {
    expect(canRead(room, user)).toBe(read);
    expect(canWrite(room, user)).toBe(write);
  });
});
