import type { Writer } from './types.js';

/**
 * The write policy as data: per room, per collection, which fields a writer may create or
 * change and what their values must look like. Adding a collection is a table entry in one of
 * the `rooms-*.ts` files; check.ts applies the tables and knows no collection by name.
 */

/** What a rule may look at besides the value: who writes, and the record around the write. */
export interface RecordContext {
  writer: Writer;
  collection: string;
  /** the record's key */
  id: string;
  /** a field's value in the doc before the update (undefined: none, or a new record) */
  current(field: string): unknown;
  /** a field's value once the update is applied */
  after(field: string): unknown;
  /**
   * How many values this update writes to a field: 1 for a plain set; more for an offline
   * batch, whose overwritten values arrive as deleted placeholders or deleted sets.
   */
  steps(field: string): number;
}

/** A reason for refusing, or null when the value is fine. */
export type Check = (value: unknown, ctx: RecordContext) => string | null;

export interface FieldRule {
  /** shape of a plain value (absent for nested containers) */
  value?: Check;
  /** state rule, judged against the doc's current record (transitions, "only while open") */
  guard?: Check;
  /** may be set only while the doc holds no value; never removed */
  once?: boolean;
  /**
   * The value may be removed outright. Otherwise removing it is allowed only as the previous
   * value of an overwrite in the same update: Yjs deletes the old value of a key it sets.
   */
  removable?: boolean;
  /** a nested Y.Map, created once; its entries are checked key by key */
  map?: { key: (key: string) => boolean; value: Check; removable: boolean };
  /** a nested Y.Array, created once, append-only */
  array?: { element: Check };
}

export interface CollectionRule {
  /** which record keys are acceptable */
  key: (key: string) => boolean;
  /** records the writer may create: the fields it may write then, and those it must */
  create?: { fields: Readonly<Record<string, FieldRule>>; required: readonly string[] };
  /** fields the writer may change on a record the doc already holds */
  update?: Readonly<Record<string, FieldRule>>;
  /** entries are plain JSON values rather than record maps (`plan`) */
  entry?: { value: Check; removable: boolean };
}

export type RoomRules = Readonly<Record<string, CollectionRule>>;

/** A plain-value field checked by `value`. */
export const field = (value: Check, extra: Omit<FieldRule, 'value'> = {}): FieldRule => ({
  value,
  ...extra,
});
