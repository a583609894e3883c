import * as Y from 'yjs';
import { checkBounds, checkMapClocks } from './bounds.js';
import { DeleteRanges } from './delete-ranges.js';
import { settleMapChains, type ChainEntry } from './map-order.js';
import { Placement, Refusal, type Container, type Placed } from './placement.js';
import { idKey, itemValues, type SharedType } from './structs.js';
import type { DecodeResult, Write } from './types.js';

/**
 * Turns a Yjs (v1) update into the writes it makes on a doc, before it is applied
 * (DESIGN §4): Yjs's own decoder, then the item placement and conflict resolution Yjs would
 * do on apply, replayed read-only. Never throws: whatever cannot be understood is refused.
 */
export function decodeWrites(doc: Y.Doc, update: Uint8Array): DecodeResult {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return { ok: false, reason: 'malformed update', malformed: true };
  }
  try {
    checkBounds(doc, decoded.structs, decoded.ds, update.byteLength);
    const placement = new Placement(doc, decoded.structs);
    const deletes = new DeleteRanges(decoded.ds);
    const writes = new WriteList(placement, deletes, update.byteLength).build();
    return { ok: true, writes };
  } catch (err) {
    if (err instanceof Refusal)
      return err.malformed
        ? { ok: false, reason: err.message, malformed: true }
        : { ok: false, reason: err.message };
    // A hostile update may reach a corner of Yjs we did not foresee: refuse, never throw.
    const detail = err instanceof Error ? err.message : 'unknown';
    return { ok: false, reason: `malformed update (${detail})`, malformed: true };
  }
}

function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

const chainId = (container: Container, key: string): string => JSON.stringify([container.id, key]);

class WriteList {
  /** per map key touched, the unit Yjs leaves rightmost (absent: the doc's item stays) */
  private winners = new Map<string, string>();
  /** the update's map entries, by each clock they add */
  private readonly units = new Map<string, { placed: Placed; clock: number }>();

  constructor(
    private readonly placement: Placement,
    private readonly deletes: DeleteRanges,
    private readonly byteLength: number,
  ) {}

  build(): Write[] {
    const placed = this.placement.placed();
    checkMapClocks(
      placed.filter((p) => p.key !== null),
      this.byteLength,
    );
    const entries: ChainEntry[] = [];
    for (const p of placed) {
      if (p.key === null) continue;
      // Y.Map#set never gives an entry a right origin; one that has it is hand-made.
      if (p.item.rightOrigin !== null) throw new Refusal('malformed update', true);
      const head = p.parent.type?._map.get(p.key) ?? null;
      entries.push({ item: p.item, chain: chainId(p.parent, p.key), head });
      const { client, clock } = p.item.id;
      for (let i = p.offset; i < p.item.length; i++) {
        this.units.set(idKey(client, clock + i), { placed: p, clock: clock + i });
      }
    }
    this.winners = settleMapChains(this.placement.doc, entries);
    const out: Write[] = [];
    // Appended one by one: spreading tens of thousands of writes overflows the stack.
    for (const p of placed) append(out, p.key === null ? this.inserts(p) : this.entry(p, p.key));
    append(out, this.deleted());
    return out;
  }

  /**
   * A map entry, clock by clock: Yjs merges consecutive overwrites of a key by one client into
   * one item, and each clock was a value once. A clock that holds no value once applied (a
   * deleted placeholder, or a value this update deletes again) still deletes the key's current
   * value if it wins the key (Yjs deletes the left neighbour of the new rightmost entry), so it
   * counts as a delete. Only a winning clock's value is visible (Y.Map#get reads the last).
   */
  private entry(p: Placed, key: string): Write[] {
    const values = itemValues(p.item);
    const path = [...p.parent.path, key];
    const newParent = p.parent.creator !== null;
    const { client, clock } = p.item.id;
    const winner = this.winners.get(chainId(p.parent, key));
    const out: Write[] = [];
    for (let i = p.offset; i < p.item.length; i++) {
      if (values.length > 0) {
        const effective = winner === idKey(client, clock + i) && this.liveAfter(p.parent, key);
        out.push({ op: 'set', path, value: values[i], newParent, effective, append: false });
      }
      if (values.length === 0 || this.deletes.covers(client, clock + i)) {
        const effective = this.removed(p.parent, key);
        out.push({ op: 'delete', path, value: undefined, newParent, effective, append: false });
      }
    }
    return out;
  }

  private inserts(p: Placed): Write[] {
    const values = itemValues(p.item);
    const path = [...p.parent.path, '[]'];
    const newParent = p.parent.creator !== null;
    const append = p.item.rightOrigin === null;
    const hidden = this.containerDead(p.parent);
    const { client, clock } = p.item.id;
    const out: Write[] = [];
    for (let i = p.offset; i < values.length; i++) {
      const effective = !hidden && !this.deletes.covers(client, clock + i);
      out.push({ op: 'set', path, value: values[i], newParent, effective, append });
    }
    return out;
  }

  /** Whether the key holds a value once the update is applied. */
  private liveAfter(container: Container, key: string): boolean {
    if (this.containerDead(container)) return false;
    const winner = this.winners.get(chainId(container, key));
    if (winner !== undefined) {
      const unit = this.units.get(winner);
      if (unit === undefined) return false;
      const { item } = unit.placed;
      return itemValues(item).length > 0 && !this.deletes.covers(item.id.client, unit.clock);
    }
    const head = container.type?._map.get(key);
    if (head === undefined || head.deleted) return false;
    return !this.deletes.covers(head.id.client, head.id.clock + head.length - 1);
  }

  /** The key had a value before the update and has none after it. */
  private removed(container: Container, key: string): boolean {
    const head = container.type?._map.get(key);
    return head !== undefined && !head.deleted && !this.liveAfter(container, key);
  }

  /** Deleted before or by this update: whatever it holds will not be visible. */
  private containerDead(c: Container): boolean {
    if (c.deleted) return true;
    if (c.creator !== null) {
      const { client, clock } = c.creator.item.id;
      return this.deletes.covers(client, clock) || this.containerDead(c.creator.parent);
    }
    for (let item = c.type?._item ?? null; item !== null;) {
      if (this.deletes.covers(item.id.client, item.id.clock)) return true;
      const parent: unknown = item.parent;
      item = parent instanceof Y.AbstractType ? (parent as SharedType)._item : null;
    }
    return false;
  }

  private deleted(): Write[] {
    const out: Write[] = [];
    const seen = new Set<Y.Item>();
    const { doc } = this.placement;
    for (const r of this.deletes) {
      const end = r.clock + r.len;
      const state = this.placement.state(r.client);
      const structs = doc.store.clients.get(r.client);
      if (structs !== undefined && r.clock < state) {
        for (let i = Y.findIndexSS(structs, r.clock); i < structs.length; i++) {
          const s = structs[i];
          if (s === undefined || s.id.clock >= end) break;
          // GC'd or already deleted: deleting again is a no-op.
          if (!(s instanceof Y.Item) || s.deleted || seen.has(s)) continue;
          seen.add(s);
          out.push(this.deleteOf(s));
        }
      }
      // Beyond the doc's state only this update's own items may be deleted: Yjs would keep
      // any other range pending and delete whatever later arrives there, unchecked.
      for (let clock = Math.max(r.clock, state); clock < end;) {
        const s = this.placement.findAdded(r.client, clock);
        if (s === null) throw new Refusal('update deletes unknown items');
        clock = s.id.clock + s.length;
      }
    }
    return out;
  }

  private deleteOf(item: Y.Item): Write {
    const parent: unknown = item.parent;
    if (!(parent instanceof Y.AbstractType)) throw new Refusal('unresolvable item');
    const container = this.placement.docContainer(parent as SharedType);
    const key = item.parentSub;
    return {
      op: 'delete',
      path: [...container.path, key ?? '[]'],
      value: undefined,
      newParent: false,
      effective: key === null || this.removed(container, key),
      append: false,
    };
  }
}
