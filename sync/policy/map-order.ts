import * as Y from 'yjs';
import { findInDoc, idKey } from './structs.js';

/** A map entry an update adds; Yjs's conflict resolution decides where it lands in its key's chain. */
export interface ChainEntry {
  item: Y.Item;
  /** container id + key: the items of one chain compete for one key */
  chain: string;
  /** the doc's current item for the key (`type._map.get(key)`), null when it has none */
  head: Y.Item | null;
}

/**
 * One clock of an item. YATA orders items, and Yjs splits and merges them freely; replaying it
 * clock by clock gives the same order (a merged run behaves like its pieces in sequence) and
 * saves us from splitting the doc's items, which we must not touch.
 */
interface Unit {
  readonly key: string;
  readonly client: number;
  readonly clock: number;
  readonly origin: Y.ID | null;
  readonly rightOrigin: Y.ID | null;
  /** the doc item holding this clock; null for a clock this update adds */
  readonly docItem: Y.Item | null;
}

/**
 * Replays `Item.integrate` for the map entries of an update on an overlay of left/right links,
 * and returns, per chain, the key of the unit that ends up rightmost: the key's value once the
 * update is applied. The decoder refuses map entries with a right origin (Yjs never writes
 * one), so the right half of YATA never applies. Only `changes` depend on this; no permission
 * does, so an exotic update that orders differently can mislabel its own effect, nothing more.
 */
export function settleMapChains(doc: Y.Doc, entries: readonly ChainEntry[]): Map<string, string> {
  return new ChainReplay(doc, entries).run();
}

class ChainReplay {
  private readonly units = new Map<string, Unit | null>();
  private readonly fresh = new Map<string, { item: Y.Item; entry: ChainEntry }>();
  private readonly right = new Map<string, Unit | null>();
  private readonly left = new Map<string, Unit | null>();
  private readonly current = new Map<string, Unit>();
  private readonly done = new Set<Y.Item>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly entries: readonly ChainEntry[],
  ) {
    for (const entry of entries) {
      const { client, clock } = entry.item.id;
      const start = Math.max(clock, Y.getState(doc.store, client));
      for (let c = start; c < clock + entry.item.length; c++) {
        this.fresh.set(idKey(client, c), { item: entry.item, entry });
      }
    }
  }

  run(): Map<string, string> {
    // Yjs integrates the highest client first, each in clock order, dependencies first.
    const order = [...this.entries].sort(
      (a, b) => b.item.id.client - a.item.id.client || a.item.id.clock - b.item.id.clock,
    );
    for (const entry of order) this.ensure(entry);
    const winners = new Map<string, string>();
    for (const [chain, unit] of this.current) winners.set(chain, unit.key);
    return winners;
  }

  private ensure(entry: ChainEntry): void {
    if (this.done.has(entry.item)) return;
    this.done.add(entry.item);
    const origin = entry.item.origin;
    const dep = origin === null ? undefined : this.fresh.get(idKey(origin.client, origin.clock));
    if (dep !== undefined) this.ensure(dep.entry);
    const { client, clock } = entry.item.id;
    const start = Math.max(clock, Y.getState(this.doc.store, client));
    for (let c = start; c < clock + entry.item.length; c++) {
      const unit = this.unit(Y.createID(client, c));
      if (unit === null) throw new Error('unit vanished');
      this.integrate(unit, entry);
    }
  }

  private unit(id: Y.ID): Unit | null {
    const key = idKey(id.client, id.clock);
    const known = this.units.get(key);
    if (known !== undefined) return known;
    let unit: Unit | null = null;
    const added = this.fresh.get(key);
    if (added !== undefined) {
      const { item } = added;
      const first = id.clock === item.id.clock;
      unit = {
        key,
        client: id.client,
        clock: id.clock,
        origin: first ? item.origin : Y.createID(id.client, id.clock - 1),
        rightOrigin: item.rightOrigin,
        docItem: null,
      };
    } else {
      const struct = findInDoc(this.doc, id.client, id.clock);
      if (struct instanceof Y.Item) {
        const first = id.clock === struct.id.clock;
        unit = {
          key,
          client: id.client,
          clock: id.clock,
          origin: first ? struct.origin : Y.createID(id.client, id.clock - 1),
          rightOrigin: struct.rightOrigin,
          docItem: struct,
        };
      }
    }
    this.units.set(key, unit);
    return unit;
  }

  private rightOf(u: Unit): Unit | null {
    const linked = this.right.get(u.key);
    if (linked !== undefined) return linked;
    const item = u.docItem;
    if (item === null) return null;
    if (u.clock < item.id.clock + item.length - 1)
      return this.unit(Y.createID(u.client, u.clock + 1));
    return item.right === null ? null : this.unit(item.right.id);
  }

  private leftOf(u: Unit): Unit | null {
    const linked = this.left.get(u.key);
    if (linked !== undefined) return linked;
    const item = u.docItem;
    if (item === null) return null;
    if (u.clock > item.id.clock) return this.unit(Y.createID(u.client, u.clock - 1));
    return item.left === null ? null : this.unit(item.left.lastId);
  }

  private leftmost(entry: ChainEntry): Unit | null {
    let o = this.current.get(entry.chain) ?? (entry.head ? this.unit(entry.head.lastId) : null);
    for (let l = o && this.leftOf(o); l !== null; l = this.leftOf(l)) o = l;
    return o;
  }

  /** Item.integrate with `right === null`, step for step. */
  private integrate(u: Unit, entry: ChainEntry): void {
    const origin = u.origin === null ? null : this.unit(u.origin);
    if (u.origin !== null && origin === null) throw new Error('origin vanished');
    let left = origin;
    let o = origin === null ? this.leftmost(entry) : this.rightOf(origin);
    const conflicting = new Set<Unit>();
    const beforeOrigin = new Set<Unit>();
    while (o !== null) {
      beforeOrigin.add(o);
      conflicting.add(o);
      if (Y.compareIDs(u.origin, o.origin)) {
        if (o.client < u.client) {
          left = o;
          conflicting.clear();
        } else if (Y.compareIDs(u.rightOrigin, o.rightOrigin)) {
          break;
        }
      } else {
        const oo = o.origin === null ? null : this.unit(o.origin);
        if (oo === null || !beforeOrigin.has(oo)) break;
        if (!conflicting.has(oo)) {
          left = o;
          conflicting.clear();
        }
      }
      o = this.rightOf(o);
    }
    const right = left === null ? this.leftmost(entry) : this.rightOf(left);
    if (left !== null) this.right.set(left.key, u);
    this.left.set(u.key, left);
    this.right.set(u.key, right);
    if (right !== null) this.left.set(right.key, u);
    else this.current.set(entry.chain, u);
  }
}
