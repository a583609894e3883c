import type { RecordContext } from './rules.js';
import { isMarker, type Path, type RecordChange, type Write } from './types.js';
import { isPlainObject } from './validators.js';

/** A record whose writes the policy accepted. */
export interface CheckedRecord {
  collection: string;
  id: string;
  created: boolean;
  /** an entry collection (`plan`): the value sits at the record's key itself */
  entry: boolean;
  writes: Write[];
  ctx: RecordContext;
}

/**
 * What the accepted writes change, for the server to project to SQL and other rooms. Only
 * writes that take effect count (a value that loses a concurrent overwrite, or one the same
 * update deletes, changes nothing), and a field set to the value it already had is left out:
 * two operators acknowledging at once make one transition, not two.
 */
export function recordChanges(records: readonly CheckedRecord[]): RecordChange[] {
  const out: RecordChange[] = [];
  for (const rec of records) {
    const change: RecordChange = {
      collection: rec.collection,
      id: rec.id,
      created: rec.created,
      fields: {},
      removed: [],
    };
    for (const w of rec.writes) {
      if (w.effective) (rec.entry ? entryWrite : fieldWrite)(change, w, rec.ctx);
    }
    const changed = Object.keys(change.fields).length > 0 || change.removed.length > 0;
    if (change.created || changed) out.push(change);
  }
  return out;
}

function entryWrite(change: RecordChange, w: Write): void {
  if (w.op === 'set') change.fields.value = w.value;
  else addRemoved(change.removed, ['value']);
}

function fieldWrite(change: RecordChange, w: Write, ctx: RecordContext): void {
  const [, , name, sub] = w.path;
  if (name === undefined) return;
  if (w.op === 'delete') {
    addRemoved(change.removed, w.path.slice(2));
    return;
  }
  const fields = change.fields;
  if (sub === undefined) {
    // A container created here keeps whatever its entries already put under the field.
    if (isMarker(w.value)) fields[name] ??= w.value;
    else if (change.created || !isSameValue(w.value, ctx.current(name))) fields[name] = w.value;
  } else if (sub === '[]' && w.append) {
    const appended = Array.isArray(fields[name]) ? (fields[name] as unknown[]) : [];
    appended.push(w.value);
    fields[name] = appended;
  } else {
    const held = fields[name];
    const entries = isPlainObject(held) && !isMarker(held) ? held : {};
    // Defined, not assigned: whatever the key, it stays data and never reaches a prototype.
    Object.defineProperty(entries, sub, {
      value: w.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    fields[name] = entries;
  }
}

const isSameValue = (a: unknown, b: unknown): boolean =>
  a === b && (typeof a !== 'object' || a === null);

function addRemoved(removed: Path[], path: Path): void {
  const key = path.join('\u0000');
  if (!removed.some((p) => p.join('\u0000') === key)) removed.push(path);
}
