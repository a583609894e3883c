import * as Y from 'yjs';
import type { RoomRef } from '../rooms.js';
import { roomName } from '../rooms.js';
import { rulesFor } from './access.js';
import { recordChanges, type CheckedRecord } from './changes.js';
import { decodeWrites } from './decode.js';
import type { CollectionRule, FieldRule, RecordContext } from './rules.js';
import { liveType, liveValue, type SharedType } from './structs.js';
import {
  ARRAY_MARKER,
  isMarker,
  MAP_MARKER,
  type CheckResult,
  type Write,
  type Writer,
} from './types.js';

/**
 * The write policy (DESIGN §4), checked before an update is applied, stored or relayed: the
 * update is decoded into writes, the writes grouped per record, and each record judged by
 * the room's rule table for the writer's role. One refused write refuses the whole update.
 */
export function checkUpdate(
  room: RoomRef,
  writer: Writer,
  doc: Y.Doc,
  update: Uint8Array,
): CheckResult {
  const rules = rulesFor(room, writer);
  if (rules === null)
    return { ok: false, reason: `${roomName(room)}: read-only for ${writer.role}` };
  const decoded = decodeWrites(doc, update);
  if (!decoded.ok) return decoded;
  const checked: CheckedRecord[] = [];
  for (const { collection, id, writes } of groupByRecord(decoded.writes)) {
    const where = `${collection}/${id}`;
    if (id === '') return { ok: false, reason: `${collection}: not a record` };
    // Own properties only: a collection named `constructor` must not find Object's.
    const rule = Object.hasOwn(rules, collection) ? rules[collection] : undefined;
    if (rule === undefined)
      return { ok: false, reason: `${where}: not writable by ${writer.role}` };
    if (!rule.key(id)) return { ok: false, reason: `${where}: bad record key` };
    const root = (doc.share.get(collection) as SharedType | undefined) ?? null;
    const rec = { collection, id, writes, writer, root };
    const result = rule.entry ? checkEntries(rule.entry, rec) : checkRecord(rule, rec);
    if (typeof result === 'string') return { ok: false, reason: result };
    checked.push(result);
  }
  return { ok: true, changes: recordChanges(checked) };
}

interface RecordWrites {
  collection: string;
  id: string;
  writes: Write[];
  writer: Writer;
  /** the collection's root type in the doc, null when nothing was ever written to it */
  root: SharedType | null;
}

/** Writes per record (collection = first path segment, id = second), in update order. */
function groupByRecord(
  writes: readonly Write[],
): { collection: string; id: string; writes: Write[] }[] {
  const groups = new Map<string, { collection: string; id: string; writes: Write[] }>();
  for (const w of writes) {
    const collection = w.path[0] ?? '';
    const id = w.path[1] ?? '';
    const key = JSON.stringify([collection, id]);
    const group = groups.get(key) ?? { collection, id, writes: [] };
    group.writes.push(w);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function checkRecord(rule: CollectionRule, rec: RecordWrites): CheckedRecord | string {
  const where = `${rec.collection}/${rec.id}`;
  const role = rec.writer.role;
  const own = rec.writes.filter((w) => w.path.length === 2);
  if (own.some((w) => w.op === 'delete')) return `${where}: records may not be deleted`;
  if (own.some((w) => w.value !== MAP_MARKER)) return `${where}: a record must be a map`;
  if (own.length > 1) return `${where}: created twice`;
  const created = own.length === 1;
  let fields: Readonly<Record<string, FieldRule>>;
  let before: SharedType | null = null;
  if (created) {
    if (rule.create === undefined) return `${where}: not creatable by ${role}`;
    // Even a deleted record keeps its key: a client UUID is used once (DESIGN §5).
    if (rec.root?._map.has(rec.id)) return `${where}: already exists`;
    fields = rule.create.fields;
  } else {
    before = liveType(rec.root, rec.id);
    if (before === null || before.constructor !== Y.Map) return `${where}: does not exist`;
    if (rule.update === undefined) return `${where}: not writable by ${role}`;
    fields = rule.update;
  }
  const ctx = contextFor(rec, before);
  for (const w of rec.writes) {
    if (w.path.length === 2) continue;
    const reason = checkField(w, fields, rec, ctx);
    if (reason !== null) return `${where}/${w.path.slice(2).join('/')}: ${reason}`;
  }
  for (const f of created ? (rule.create?.required ?? []) : []) {
    const set = rec.writes.some((w) => w.op === 'set' && w.effective && isField(w, f));
    if (!set) return `${where}/${f}: required`;
  }
  return { collection: rec.collection, id: rec.id, created, entry: false, writes: rec.writes, ctx };
}

const isField = (w: Write, field: string): boolean => w.path.length === 3 && w.path[2] === field;

function contextFor(rec: RecordWrites, before: SharedType | null): RecordContext {
  return {
    writer: rec.writer,
    collection: rec.collection,
    id: rec.id,
    current: (f) => liveValue(before, f),
    after: (f) => {
      const own = rec.writes.filter((w) => w.effective && isField(w, f));
      const set = own.find((w) => w.op === 'set');
      if (set !== undefined) return set.value;
      return own.length > 0 ? undefined : liveValue(before, f);
    },
    steps: (f) => {
      // Each overwrite brings a set and deletes one earlier value (the doc's, or a step of
      // the batch); a batch of k steps brings k of at least one kind.
      const own = rec.writes.filter((w) => isField(w, f));
      const sets = own.filter((w) => w.op === 'set').length;
      return Math.max(1, sets, own.length - sets);
    },
  };
}

function checkField(
  w: Write,
  fields: Readonly<Record<string, FieldRule>>,
  rec: RecordWrites,
  ctx: RecordContext,
): string | null {
  const [, , name = '', sub, ...deeper] = w.path;
  const rule = Object.hasOwn(fields, name) ? fields[name] : undefined;
  if (rule === undefined) return `not writable by ${rec.writer.role}`;
  if (deeper.length > 0) return 'nested too deep';
  if (sub !== undefined) return checkNested(w, rule, sub, ctx);
  const container = rule.map ? MAP_MARKER : rule.array ? ARRAY_MARKER : null;
  if (w.op === 'delete') {
    if (container !== null || rule.once) return 'may not be deleted';
    // Yjs deletes the previous value of every key it sets; that delete comes with the set.
    const overwritten = rec.writes.some((o) => o.op === 'set' && isField(o, name));
    return rule.removable || overwritten ? null : 'may not be deleted';
  }
  if (container !== null) {
    if (w.value !== container) return rule.map ? 'must be a map' : 'must be an array';
    if (ctx.current(name) !== undefined) return 'already exists';
    const creations = rec.writes.filter((o) => o.op === 'set' && isField(o, name));
    return creations.length > 1 ? 'created twice' : null;
  }
  if (isMarker(w.value)) return 'must be a plain value';
  if (rule.once && ctx.current(name) !== undefined) return 'already set';
  return rule.value?.(w.value, ctx) ?? rule.guard?.(w.value, ctx) ?? null;
}

/** An entry of a nested map (`checklist/<step>`) or an element of a nested array (`notes/[]`). */
function checkNested(w: Write, rule: FieldRule, sub: string, ctx: RecordContext): string | null {
  if (rule.map) {
    if (!rule.map.key(sub)) return 'bad key';
    if (w.op === 'delete') return rule.map.removable ? null : 'may not be deleted';
    return isMarker(w.value) ? 'must be a plain value' : rule.map.value(w.value, ctx);
  }
  if (rule.array) {
    // A '[]' key of a map also reads as an element, but a map entry is never an append.
    if (sub !== '[]' || w.op === 'delete' || !w.append) return 'append-only';
    return isMarker(w.value) ? 'must be a plain value' : rule.array.element(w.value, ctx);
  }
  return 'not a container';
}

/** A collection of plain JSON entries (`plan/<key>`), not of record maps. */
function checkEntries(
  entry: NonNullable<CollectionRule['entry']>,
  rec: RecordWrites,
): CheckedRecord | string {
  const where = `${rec.collection}/${rec.id}`;
  const ctx = contextFor(rec, null);
  for (const w of rec.writes) {
    if (w.path.length !== 2) return `${where}: must be a plain value`;
    if (w.op === 'delete') {
      if (!entry.removable) return `${where}: may not be deleted`;
      continue;
    }
    if (isMarker(w.value)) return `${where}: must be a plain value`;
    const reason = entry.value(w.value, ctx);
    if (reason !== null) return `${where}: ${reason}`;
  }
  const created = liveValue(rec.root, rec.id) === undefined;
  return { collection: rec.collection, id: rec.id, created, entry: true, writes: rec.writes, ctx };
}
