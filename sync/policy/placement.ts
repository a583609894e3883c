import * as Y from 'yjs';
import { contentKind, DocPaths, findInDoc, idKey, type SharedType } from './structs.js';
import type { Path } from './types.js';

/**
 * An expected refusal raised deep in the walk; decodeWrites turns it into `{ok: false}`.
 * `malformed`: no Yjs client writes such an update (a bad request, not a policy refusal).
 */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly malformed = false,
  ) {
    super(message);
  }
}

export interface Container {
  /** unique per check: `root:<name>`, or the id of the item holding the type */
  id: string;
  path: Path;
  /** the doc's type; null for a container this update creates or a root not yet instantiated */
  type: SharedType | null;
  /** the update's item that creates it */
  creator: Placed | null;
  /** a doc container already deleted: whatever lands in it is deleted on arrival */
  deleted: boolean;
}

/** Where an update item lands: its container, and its key (null: an array element). */
export interface Placed {
  item: Y.Item;
  /** clocks below this are already in the doc (an item re-sent partly applied) */
  offset: number;
  parent: Container;
  key: string | null;
}

/** 'gc': Yjs cannot place the item and stores a GC struct instead; nothing of it survives. */
export type Resolution = Placed | 'gc';

/**
 * Places every item an update adds where Yjs would, mirroring `Item.getMissing`: the parent
 * comes from the item (a root name or the id of the item holding the type), else from its
 * left neighbour (`origin`), else its right one (`rightOrigin`); neighbours may live in the doc
 * or earlier in this update, and may be ids inside a longer item. Items the doc already holds
 * are skipped, as Yjs skips them: offline re-sends and HTTP fallbacks resend full states.
 */
export class Placement {
  private readonly paths = new DocPaths();
  /** per client, the structs this update adds, in clock order */
  private readonly added = new Map<number, (Y.Item | Y.GC)[]>();
  private readonly states = new Map<number, number>();
  private readonly resolutions = new Map<Y.Item, Resolution>();
  private readonly resolving = new Set<Y.Item>();
  private readonly created = new Map<Y.Item, Container>();
  private readonly containers = new Map<SharedType, Container>();
  private readonly roots = new Map<string, Container>();

  constructor(
    readonly doc: Y.Doc,
    structs: readonly (Y.Item | Y.GC | Y.Skip)[],
  ) {
    const seen = new Set<number>();
    let previous: number | null = null;
    for (const struct of structs) {
      const { client, clock } = struct.id;
      // Yjs keeps only the last run of a client repeated in one update; we could not tell
      // which writes it applies, so such an update is refused rather than guessed at.
      if (client !== previous && seen.has(client)) throw new Refusal('malformed update', true);
      seen.add(client);
      previous = client;
      if (struct instanceof Y.Skip || clock + struct.length <= this.state(client)) continue;
      if (struct instanceof Y.Item && contentKind(struct) === null) {
        throw new Refusal('unsupported content');
      }
      const list = this.added.get(client) ?? [];
      list.push(struct);
      this.added.set(client, list);
    }
  }

  /** Every item the update adds that Yjs keeps, in update order. */
  placed(): Placed[] {
    const out: Placed[] = [];
    for (const list of this.added.values()) {
      for (const struct of list) {
        if (!(struct instanceof Y.Item)) continue;
        const r = this.resolve(struct);
        if (r !== 'gc') out.push(r);
      }
    }
    return out;
  }

  state(client: number): number {
    let s = this.states.get(client);
    if (s === undefined) {
      s = Y.getState(this.doc.store, client);
      this.states.set(client, s);
    }
    return s;
  }

  /** The struct of this update holding (client, clock), if the update adds it. */
  findAdded(client: number, clock: number): Y.Item | Y.GC | null {
    const list = this.added.get(client);
    if (list === undefined) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid];
      if (s === undefined) return null;
      if (clock < s.id.clock) hi = mid - 1;
      else if (clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  }

  resolve(item: Y.Item): Resolution {
    const known = this.resolutions.get(item);
    if (known !== undefined) return known;
    if (this.resolving.has(item)) throw new Refusal('malformed update', true);
    this.resolving.add(item);
    const r = this.place(item);
    this.resolving.delete(item);
    this.resolutions.set(item, r);
    const kind = contentKind(item);
    if (r !== 'gc' && (kind === 'map' || kind === 'array')) {
      const path = [...r.parent.path, r.key ?? '[]'];
      const id = idKey(item.id.client, item.id.clock);
      this.created.set(item, { id, path, type: null, creator: r, deleted: false });
    }
    return r;
  }

  docContainer(type: SharedType): Container {
    let c = this.containers.get(type);
    if (c === undefined) {
      const path = this.paths.of(type);
      if (path === null) throw new Refusal('unresolvable item');
      const item = type._item;
      c =
        item === null
          ? this.root(path[0] ?? '')
          : {
              id: idKey(item.id.client, item.id.clock),
              path,
              type,
              creator: null,
              deleted: item.deleted,
            };
      this.containers.set(type, c);
    }
    return c;
  }

  /** The struct an id points at, in the doc or in this update; refused when neither has it. */
  private lookup(id: Y.ID): { struct: Y.Item | Y.GC; inDoc: boolean } {
    const inDoc = id.clock < this.state(id.client);
    const struct = inDoc
      ? findInDoc(this.doc, id.client, id.clock)
      : this.findAdded(id.client, id.clock);
    if (struct === null) throw new Refusal('update depends on missing history');
    return { struct, inDoc };
  }

  private place(item: Y.Item): Resolution {
    const offset = Math.max(0, this.state(item.id.client) - item.id.clock);
    const left = item.origin === null ? null : this.neighbour(item.origin);
    const right = item.rightOrigin === null ? null : this.neighbour(item.rightOrigin);
    // Yjs turns an item whose neighbour is a GC struct into one too.
    if (left === 'gc' || right === 'gc') return 'gc';
    // Decoded, not integrated: the parent is a root name, an item id, or null (copy it).
    const parent: unknown = item.parent;
    if (parent === null) {
      const from = left ?? right;
      return from === null ? 'gc' : { item, offset, parent: from.parent, key: from.key };
    }
    if (typeof parent === 'string') {
      return { item, offset, parent: this.root(parent), key: item.parentSub };
    }
    if (parent instanceof Y.ID) {
      const container = this.containerAt(parent);
      return container === 'gc' ? 'gc' : { item, offset, parent: container, key: item.parentSub };
    }
    throw new Refusal('malformed update', true);
  }

  private neighbour(id: Y.ID): { parent: Container; key: string | null } | 'gc' {
    const { struct, inDoc } = this.lookup(id);
    if (!(struct instanceof Y.Item)) return 'gc';
    if (!inDoc) {
      const r = this.resolve(struct);
      return r === 'gc' ? 'gc' : { parent: r.parent, key: r.key };
    }
    const parent: unknown = struct.parent;
    if (!(parent instanceof Y.AbstractType)) throw new Refusal('unresolvable item');
    return { parent: this.docContainer(parent as SharedType), key: struct.parentSub };
  }

  /** The container whose type an item holds; Yjs GCs a child whose parent item holds none. */
  private containerAt(id: Y.ID): Container | 'gc' {
    const { struct, inDoc } = this.lookup(id);
    if (!(struct instanceof Y.Item)) return 'gc';
    if (inDoc) {
      return struct.content instanceof Y.ContentType
        ? this.docContainer(struct.content.type as SharedType)
        : 'gc';
    }
    if (this.resolve(struct) === 'gc') return 'gc';
    return this.created.get(struct) ?? 'gc';
  }

  private root(name: string): Container {
    let c = this.roots.get(name);
    if (c === undefined) {
      const type = (this.doc.share.get(name) as SharedType | undefined) ?? null;
      c = { id: `root:${name}`, path: [name], type, creator: null, deleted: false };
      this.roots.set(name, c);
    }
    return c;
  }
}
