import * as Y from 'yjs';

/** State vectors (client id → clock) as a room compares its copy with the server's receipts. */

/** `into` raised to `sv` wherever `sv` is ahead; true if anything changed. */
export function raise(into: Map<number, number>, sv: Map<number, number>): boolean {
  let changed = false;
  for (const [client, clock] of sv) {
    if ((into.get(client) ?? 0) >= clock) continue;
    into.set(client, clock);
    changed = true;
  }
  return changed;
}

/** How many items of `doc` the state vector `stored` does not cover. */
export function uncoveredItems(doc: Y.Doc, stored: Map<number, number>): number {
  let count = 0;
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc)))
    count += Math.max(0, clock - (stored.get(client) ?? 0));
  return count;
}
