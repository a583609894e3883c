import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import type { RoomRef } from '../../sync/rooms.js';
import type { RoomLog } from '../storage/storage.js';
import type { Room } from './room.js';

/**
 * A `user:` or `area:` room untouched this long goes back to rest (its encoded state, no
 * doc); the sweep looks every REST_SWEEP_MS and puts at most REST_PER_SWEEP to rest at once
 * (each re-encodes its room: microseconds for a resident's, and the loop must stay free).
 */
export const REST_AFTER_MS = 30_000;
export const REST_SWEEP_MS = 5_000;
export const REST_PER_SWEEP = 500;

/** Puts to rest up to `max` hydrated rooms untouched for `quietMs`; returns how many. */
export function restIdle(rooms: Iterable<Room>, quietMs: number, max: number): number {
  const now = performance.now();
  let rested = 0;
  for (const room of rooms) {
    if (rested >= max) break;
    if (room.hydrated && now - room.lastTouchedAt >= quietMs && room.putToRest()) rested++;
  }
  return rested;
}

/**
 * Rooms that may rest as their encoded state, without a Y.Doc: a resident's own room and an
 * area's public room, nearly all of the city's ~17,000 and nearly all idle (a `user:` room is
 * written a few times a year). `ops` and `unit:` rooms carry presence, which needs a doc, and
 * observers (the plan log): they keep theirs while loaded.
 */
export const MAY_REST = (ref: RoomRef): boolean => ref.kind === 'user' || ref.kind === 'area';

/** The encoded state of an empty doc. */
const EMPTY_STATE = Y.encodeStateAsUpdate(new Y.Doc());

/**
 * A room's whole state from its snapshot and log, without building a doc: after a restart
 * most rooms have only a snapshot (every loaded room is compacted on shutdown), which is used
 * as it is.
 */
export function stateOf(log: RoomLog): Uint8Array {
  const parts = log.snapshot ? [log.snapshot, ...log.updates] : log.updates;
  if (parts.length === 0) return EMPTY_STATE;
  if (parts.length === 1) return parts[0]!;
  return Y.mergeUpdates(parts);
}

/**
 * True when applying `update` to a doc holding `state` would change nothing: each of its
 * structs is below the state vector and each range it deletes is deleted already. A phone's
 * half of the sync at every reconnect is such an update (it always carries its delete set),
 * and it is answered without building the room's doc. False for anything else, and for bytes
 * that are not an update: those take the write policy's path, which refuses them.
 */
export function holdsNothingNew(state: Uint8Array, update: Uint8Array): boolean {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return false;
  }
  if (decoded.structs.length) {
    const sv = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));
    for (const s of decoded.structs) {
      if (s.id.clock + s.length > (sv.get(s.id.client) ?? 0)) return false;
    }
  }
  if (decoded.ds.clients.size === 0) return true;
  const deleted = Y.decodeUpdate(state).ds.clients;
  for (const [client, ranges] of decoded.ds.clients) {
    const have = deleted.get(client) ?? [];
    for (const { clock, len } of ranges) if (!covered(have, clock, clock + len)) return false;
  }
  return true;
}

/**
 * `holdsNothingNew` against a hydrated doc (`ops`, `unit:`, a room awake after a write): each
 * struct below the doc's state vector, each range it deletes deleted in the doc's struct store
 * already. Work in proportion to the update, found by binary search: at every restart each
 * staff screen's sync carries its whole delete set, which the write policy decoded against the
 * whole `ops` doc only to find nothing to judge.
 */
export function docHoldsNothingNew(doc: Y.Doc, update: Uint8Array): boolean {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return false;
  }
  const store = doc.store;
  for (const s of decoded.structs) {
    if (s.id.clock + s.length > Y.getState(store, s.id.client)) return false;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = store.clients.get(client);
    const state = Y.getState(store, client);
    for (const { clock, len } of ranges) {
      if (len === 0) continue;
      if (!structs || clock + len > state) return false;
      // Structs tile the clocks below the state vector without gaps.
      for (let i = Y.findIndexSS(structs, clock), pos = clock; pos < clock + len; i++) {
        const struct = structs[i];
        if (!struct || !struct.deleted) return false;
        pos = struct.id.clock + struct.length;
      }
    }
  }
  return true;
}

/** Whether the deleted ranges `have` (sorted by clock) cover [from, to). */
function covered(have: readonly { clock: number; len: number }[], from: number, to: number) {
  let pos = from;
  for (const r of have) {
    if (pos >= to) break;
    if (r.clock > pos) return false;
    if (r.clock + r.len > pos) pos = r.clock + r.len;
  }
  return pos >= to;
}

/** `sv` lowered to the first clock of each client that `pending` updates write. */
export function capped(sv: Map<number, number>, pending: Uint8Array[]): Map<number, number> {
  for (const update of pending) {
    for (const struct of Y.decodeUpdate(update).structs) {
      const { client, clock } = struct.id;
      if ((sv.get(client) ?? 0) > clock) sv.set(client, clock);
    }
  }
  return sv;
}

/** A state vector in the wire format of `Y.encodeStateVector`. */
export function encodeStateVector(sv: Map<number, number>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, sv.size);
  // Highest client first, as Yjs writes it (the order carries no meaning).
  for (const [client, clock] of [...sv].sort((a, b) => b[0] - a[0])) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
  return encoding.toUint8Array(encoder);
}
