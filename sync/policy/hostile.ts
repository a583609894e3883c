import * as encoding from 'lib0/encoding';

/**
 * Hand-encoded Yjs (v1) updates that no Yjs client writes: one struct whose declared length
 * costs a few bytes but would mean millions of clocks. Tests and the attack scripts use them
 * to prove the policy bounds its work by an update's size.
 */

/** Content refs of the v1 encoding (Yjs `contentRefs`), plus the GC and Skip struct refs. */
const REF = { gc: 0, deleted: 1, any: 8, skip: 10 } as const;

export interface HostileStruct {
  kind: 'deleted' | 'any' | 'gc' | 'skip';
  client: number;
  clock: number;
  /** the declared length: clocks of a ContentDeleted, GC or Skip; `null`s of an any */
  length: number;
  /** deleted items only: the root map and key they claim to write */
  root?: string;
  key?: string;
}

/** One update holding `structs` (grouped by client, in order) and the given delete ranges. */
export function hostileUpdate(
  structs: readonly HostileStruct[],
  deletes: readonly { client: number; clock: number; len: number }[] = [],
): Uint8Array {
  const enc = encoding.createEncoder();
  const byClient = new Map<number, HostileStruct[]>();
  for (const s of structs) byClient.set(s.client, [...(byClient.get(s.client) ?? []), s]);
  encoding.writeVarUint(enc, byClient.size);
  for (const [client, list] of byClient) {
    encoding.writeVarUint(enc, list.length);
    encoding.writeVarUint(enc, client);
    encoding.writeVarUint(enc, list[0]?.clock ?? 0);
    for (const s of list) {
      if (s.kind === 'gc' || s.kind === 'skip') {
        encoding.writeUint8(enc, s.kind === 'gc' ? REF.gc : REF.skip);
        encoding.writeVarUint(enc, s.length);
        continue;
      }
      // No origins: the parent is written out (a root name) and, with 0x20, the key.
      encoding.writeUint8(enc, (s.kind === 'any' ? REF.any : REF.deleted) | 0x20);
      encoding.writeVarUint(enc, 1);
      encoding.writeVarString(enc, s.root ?? 'alerts');
      encoding.writeVarString(enc, s.key ?? 'k');
      encoding.writeVarUint(enc, s.length);
      // lib0's `any` encoding of null is one byte, 126: the cheapest value there is.
      if (s.kind === 'any') for (let i = 0; i < s.length; i++) encoding.writeUint8(enc, 126);
    }
  }
  const delClients = new Map<number, { clock: number; len: number }[]>();
  for (const d of deletes) delClients.set(d.client, [...(delClients.get(d.client) ?? []), d]);
  encoding.writeVarUint(enc, delClients.size);
  for (const [client, ranges] of delClients) {
    encoding.writeVarUint(enc, client);
    encoding.writeVarUint(enc, ranges.length);
    for (const r of ranges) {
      encoding.writeVarUint(enc, r.clock);
      encoding.writeVarUint(enc, r.len);
    }
  }
  return encoding.toUint8Array(enc);
}
