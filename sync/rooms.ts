/** Room names (DESIGN §4, contract): `user:<id>`, `area:<id>`, `ops`, `unit:<id>`. */

export type RoomRef =
  | { kind: 'user'; id: string }
  | { kind: 'area'; id: string }
  | { kind: 'unit'; id: string }
  | { kind: 'ops' };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseRoom(name: string): RoomRef | null {
  if (name === 'ops') return { kind: 'ops' };
  const colon = name.indexOf(':');
  if (colon < 0) return null;
  const kind = name.slice(0, colon);
  const id = name.slice(colon + 1);
  if (!ID.test(id)) return null;
  if (kind === 'user' || kind === 'area' || kind === 'unit') return { kind, id };
  return null;
}

export function roomName(ref: RoomRef): string {
  return ref.kind === 'ops' ? 'ops' : `${ref.kind}:${ref.id}`;
}

export const userRoom = (id: string): string => `user:${id}`;
export const areaRoom = (id: string): string => `area:${id}`;
export const unitRoom = (id: string): string => `unit:${id}`;
export const OPS_ROOM = 'ops';
