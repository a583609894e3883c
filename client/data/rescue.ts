import * as Y from 'yjs';
import { parseRoom } from '../../sync/rooms.js';
import { USER_ROOM_RULES } from '../../sync/policy/rooms-user.js';
import { OFFICER_RULES } from '../../sync/policy/rooms-unit.js';
import type { RoomRules } from '../../sync/policy/rules.js';

/**
 * What a phone keeps when the server refuses its copy of a room (4403): the records made on
 * this phone that the server has not stored, with only the fields the phone may write, so the
 * copy can be dropped and the server's taken without losing an alert nobody received. Loaded
 * on a refusal only (a dynamic import), it stays out of the first load.
 */
export interface Rescued {
  collection: string;
  id: string;
  /** true: the whole record is new to the server; false: a field set once on a stored one */
  create: boolean;
  fields: Record<string, unknown>;
}

/** The rooms where a phone creates records; what it may write there is the server's policy. */
const RULES: Partial<Record<string, RoomRules>> = { user: USER_ROOM_RULES, unit: OFFICER_RULES };

/** `alerts/<id>/<field>: reason`, as the server names what it refused. */
const REFUSED = /^(\w+)\/([^/]+)\/(\w+):/;

export function rescue(
  doc: Y.Doc,
  room: string,
  stored: ReadonlyMap<number, number>,
  refusal: string,
): Rescued[] {
  const ref = parseRoom(room);
  const rules = ref && RULES[ref.kind];
  if (!rules) return [];
  const covered = (item: Y.Item | null): boolean =>
    item === null || (stored.get(item.id.client) ?? 0) >= item.id.clock + item.length;
  const refused = REFUSED.exec(refusal);
  const out: Rescued[] = [];
  for (const [collection, rule] of Object.entries(rules)) {
    const create = rule.create;
    const once = Object.entries(rule.update ?? {}).filter(([, f]) => f.once && f.value);
    doc.getMap(collection).forEach((value, id) => {
      if (!(value instanceof Y.Map)) return;
      const json = value.toJSON() as Record<string, unknown>;
      // The refused field of this very record, unless the record cannot do without it.
      const skip =
        refused?.[1] === collection && refused[2] === id && !create?.required.includes(refused[3]!)
          ? refused[3]
          : null;
      if (!covered(value._item)) {
        if (!create) return;
        const fields: Record<string, unknown> = {};
        for (const [key, f] of Object.entries(create.fields))
          if (f.value && key in json && key !== skip) fields[key] = json[key];
        out.push({ collection, id, create: true, fields });
        return;
      }
      const fields: Record<string, unknown> = {};
      for (const [key] of once) {
        const item = value._map.get(key);
        if (item && !item.deleted && !covered(item) && key !== skip) fields[key] = json[key];
      }
      if (Object.keys(fields).length) out.push({ collection, id, create: false, fields });
    });
  }
  return out;
}

/**
 * Writes the rescued records into the server's copy, once it has arrived: a record the
 * server turns out to hold is left as it is (written again it would be a second record under
 * the same id, which the policy refuses), a field set once is set only where still unset.
 */
export function restore(doc: Y.Doc, items: readonly Rescued[]): void {
  doc.transact(() => {
    for (const r of items) {
      const map = doc.getMap(r.collection);
      const existing = map.get(r.id);
      if (r.create && existing === undefined) {
        map.set(r.id, new Y.Map<unknown>(Object.entries(r.fields)));
      } else if (!r.create && existing instanceof Y.Map) {
        for (const [key, v] of Object.entries(r.fields))
          if (existing.get(key) === undefined) existing.set(key, v);
      }
    }
  });
}

/** Both lists in one, the later entry of a record winning. */
export function merge(a: readonly Rescued[], b: readonly Rescued[]): Rescued[] {
  const byKey = new Map<string, Rescued>();
  for (const r of [...a, ...b]) byKey.set(`${r.collection}/${r.id}/${r.create}`, r);
  return [...byKey.values()];
}
