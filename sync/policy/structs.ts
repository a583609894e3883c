import * as Y from 'yjs';
import { ARRAY_MARKER, MAP_MARKER, type Path } from './types.js';

/**
 * Read-only helpers over a doc's struct store. They never mutate the doc (no splitting, no
 * `doc.getMap`), because the policy runs before the update is applied and must leave the
 * room exactly as it found it.
 */

// Yjs types the shared-type parameter as `any`; `unknown` is as wide and lint-clean.
export type SharedType = Y.AbstractType<unknown>;

export const idKey = (client: number, clock: number): string => `${client}:${clock}`;

/** The struct holding (client, clock), or null when the doc has not seen it (Y.getItem throws). */
export function findInDoc(doc: Y.Doc, client: number, clock: number): Y.Item | Y.GC | null {
  const structs = doc.store.clients.get(client);
  if (structs === undefined || clock < 0 || clock >= Y.getState(doc.store, client)) return null;
  return structs[Y.findIndexSS(structs, clock)] ?? null;
}

/** The kinds of content the rooms hold; everything else (text, XML, binary, subdocs) is refused. */
export type ContentKind = 'any' | 'map' | 'array' | 'deleted';

export function contentKind(item: Y.Item): ContentKind | null {
  const content = item.content;
  if (content instanceof Y.ContentAny) return 'any';
  if (content instanceof Y.ContentDeleted) return 'deleted';
  if (content instanceof Y.ContentType) {
    // Exact constructors: Y.Text and the XML types are AbstractTypes too.
    const ctor: unknown = content.type.constructor;
    if (ctor === Y.Map) return 'map';
    if (ctor === Y.Array) return 'array';
  }
  return null;
}

/** The values an item holds, one per clock, as the policy sees them (markers for types). */
export function itemValues(item: Y.Item): unknown[] {
  const kind = contentKind(item);
  if (kind === 'any') return (item.content as Y.ContentAny).arr as unknown[];
  if (kind === 'map') return [MAP_MARKER];
  if (kind === 'array') return [ARRAY_MARKER];
  return [];
}

/** A map key's visible value: what `Y.Map#get` returns, markers for types, undefined if none. */
export function liveValue(type: SharedType | null, key: string): unknown {
  const item = type?._map.get(key);
  if (item === undefined || item.deleted) return undefined;
  const values = itemValues(item);
  // Y.Map#get reads the last value of the current item.
  return values[values.length - 1];
}

/** A map key's visible nested type (a record, a checklist), or null. */
export function liveType(type: SharedType | null, key: string): SharedType | null {
  const item = type?._map.get(key);
  if (item === undefined || item.deleted || !(item.content instanceof Y.ContentType)) return null;
  return item.content.type as SharedType;
}

/** Paths of the doc's types, memoised: resolving hundreds of writes walks the same parents. */
export class DocPaths {
  private readonly cache = new Map<SharedType, Path | null>();

  /** null when the type is not reachable from a root (detached or foreign). */
  of(type: SharedType): Path | null {
    const cached = this.cache.get(type);
    if (cached !== undefined) return cached;
    const path = this.compute(type);
    this.cache.set(type, path);
    return path;
  }

  private compute(type: SharedType): Path | null {
    const item = type._item;
    if (item === null) {
      try {
        return [Y.findRootTypeKey(type)];
      } catch {
        return null;
      }
    }
    const parent: unknown = item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    const parentPath = this.of(parent as SharedType);
    return parentPath === null ? null : [...parentPath, item.parentSub ?? '[]'];
  }
}
