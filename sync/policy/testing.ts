import * as Y from 'yjs';
import { seededRandom } from '../../shared/demo-city.js';

/** Test helpers: build updates the way the client does, against a server doc. */

/** What `doc` has that `server` lacks, as the client's sync step 2 or update would carry it. */
export function diff(doc: Y.Doc, server: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server));
}

/** Brings `to` up to `from` (what the server relays to a client). */
export function pull(to: Y.Doc, from: Y.Doc): void {
  Y.applyUpdate(to, diff(from, to));
}

/** Runs `change` in one transaction on `doc` and returns the update it emits. */
export function capture(doc: Y.Doc, change: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const listen = (u: Uint8Array): void => {
    updates.push(u);
  };
  doc.on('update', listen);
  try {
    doc.transact(change);
  } finally {
    doc.off('update', listen);
  }
  return Y.mergeUpdates(updates);
}

/**
 * The update `change` would make on a copy of `doc` (same client id), leaving `doc` as it
 * was: each attempt in a test starts from the same state.
 */
export function attempt(doc: Y.Doc, change: (copy: Y.Doc) => void): Uint8Array {
  const copy = docWithClient(doc.clientID);
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return capture(copy, () => change(copy));
}

/** A doc with a fixed client id, so orderings that depend on it are reproducible. */
export function docWithClient(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}

/** A record map the way the client writes one: all fields in one prelim Y.Map. */
export function addRecord(
  doc: Y.Doc,
  collection: string,
  fields: Record<string, unknown> & { id: string },
): Uint8Array {
  return capture(doc, () => {
    doc.getMap(collection).set(fields.id, new Y.Map(Object.entries(fields)));
  });
}

/** The record map `collection/id` of `doc`; throws when absent (a broken test setup). */
export function record(doc: Y.Doc, collection: string, id: string): Y.Map<unknown> {
  const rec = doc.getMap(collection).get(id);
  if (!(rec instanceof Y.Map)) throw new Error(`no record ${collection}/${id}`);
  return rec as Y.Map<unknown>;
}

/** Deterministic pseudo-random numbers for the property tests (the demo's mulberry32). */
export const random = seededRandom;
