import * as Y from 'yjs';
import { Refusal } from './placement.js';

type Structs = readonly (Y.Item | Y.GC | Y.Skip)[];

/**
 * Clocks an update may add beyond its own size. A declared length costs a few bytes whatever
 * it declares, while the policy replays map entries clock by clock (about 5 µs each, and a
 * map entry per clock): one 57-byte ContentDeleted of length 5e6 held the server for over a
 * minute at 3–4 GB. Values cost at least a byte per clock, so only lengths that stand for no
 * bytes (deleted content, GC runs) can reach the allowance, and a phone's own history of
 * overwritten fields, compacted offline, stays far below it.
 */
export const CLOCK_ALLOWANCE = 4096;

/**
 * Map entries are the costly clocks (the YATA replay, see map-order.ts). Y.Map#set writes one
 * clock per entry, so a legitimate entry costs its origin, its key or both, 6 bytes and more.
 */
const BYTES_PER_MAP_CLOCK = 16;

/** Far beyond any real history, and small enough that clock arithmetic stays exact. */
const MAX_CLOCK = 2 ** 40;

/**
 * Refuses, before any per-clock work, an update whose declared clocks are out of proportion
 * to its bytes, or that leaves a gap in a client's history (Yjs would keep the rest pending
 * and apply it, unchecked against the doc it then meets, when the gap is filled; and would
 * merge it into every later update of the room meanwhile). Throws a Refusal.
 */
export function checkBounds(
  doc: Y.Doc,
  structs: Structs,
  ds: ReturnType<typeof Y.decodeUpdate>['ds'],
  byteLength: number,
): void {
  let clocks = 0;
  const next = new Map<number, number>();
  for (const struct of structs) {
    const { client, clock } = struct.id;
    if (clock + struct.length > MAX_CLOCK) throw malformed('clock out of range');
    if (struct instanceof Y.Skip) continue;
    const expected = next.get(client) ?? Y.getState(doc.store, client);
    // The same refusal as an origin the doc lacks: the update needs history first.
    if (clock > expected) throw new Refusal('update depends on missing history');
    const fresh = clock + struct.length - Math.max(clock, expected);
    next.set(client, Math.max(expected, clock + struct.length));
    if (fresh <= 0) continue;
    clocks += fresh;
  }
  if (clocks > CLOCK_ALLOWANCE + byteLength) throw malformed('update too long for its size');
  for (const [, ranges] of ds.clients) {
    for (const r of ranges) {
      if (r.clock + r.len > MAX_CLOCK) throw malformed('clock out of range');
    }
  }
}

const malformed = (detail: string): Refusal => new Refusal(`malformed update (${detail})`, true);

/** The map entries' clocks, checked once their keys are known and before they are replayed. */
export function checkMapClocks(
  entries: readonly { item: Y.Item; offset: number }[],
  byteLength: number,
): void {
  let clocks = 0;
  for (const { item, offset } of entries) clocks += item.length - offset;
  if (clocks > CLOCK_ALLOWANCE + byteLength / BYTES_PER_MAP_CLOCK)
    throw malformed('update too long for its size');
}
