import type { Role } from '../../shared/types.js';

/** Where a write lands: `['alerts', '<id>', 'status']`; array elements end in `'[]'`. */
export type Path = string[];

/**
 * Stands in for a nested Y.Map / Y.Array an update creates. Compare by identity
 * (`value === MAP_MARKER`): a JSON value that merely looks like `{$type: 'map'}` is not one.
 */
export const MAP_MARKER: Readonly<{ $type: 'map' }> = Object.freeze({ $type: 'map' });
export const ARRAY_MARKER: Readonly<{ $type: 'array' }> = Object.freeze({ $type: 'array' });

export const isMapMarker = (value: unknown): boolean => value === MAP_MARKER;
export const isArrayMarker = (value: unknown): boolean => value === ARRAY_MARKER;
export const isMarker = (value: unknown): boolean => isMapMarker(value) || isArrayMarker(value);

/** One effect of an update on the document, as the write policy judges it. */
export interface Write {
  op: 'set' | 'delete';
  /** map key written or deleted; for an array insert, the array's path plus `'[]'` */
  path: Path;
  /** set: the JSON value or a marker; delete: undefined */
  value: unknown;
  /** the parent container is created by this same update */
  newParent: boolean;
  /**
   * set: the value is visible once the update is applied (it wins its key under Yjs's conflict
   * resolution and the update does not delete it again). delete: the key is left with no value.
   */
  effective: boolean;
  /** Array inserts: placed at the end the writer saw (no right neighbour). */
  append: boolean;
}

/**
 * A refusal. `malformed`: the bytes are not an update any Yjs client writes (a bad request,
 * answered 400 / closed 4400); otherwise the policy refused a well-formed write (403 / 4403).
 */
export interface Refused {
  ok: false;
  reason: string;
  malformed?: true;
}

export type DecodeResult = { ok: true; writes: Write[] } | Refused;

/** Who sends an update; the server knows it from the session, never from the update. */
export interface Writer {
  userId: string;
  role: Role;
  unitId: string | null;
}

/** What an accepted update changes in one record, for projection to SQL and other rooms. */
export interface RecordChange {
  collection: string;
  id: string;
  /** the record map itself is created by this update */
  created: boolean;
  /**
   * Field → value for the sets that take effect. Nested maps give an object of their entries
   * set (or MAP_MARKER when created empty), arrays the values appended (or ARRAY_MARKER).
   * Entry collections such as `plan` hold their value under `value`.
   */
  fields: Record<string, unknown>;
  /** Paths, relative to the record, whose value the update removes without replacing it. */
  removed: Path[];
}

export type CheckResult = { ok: true; changes: RecordChange[] } | Refused;
