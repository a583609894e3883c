import { isAlertTypeCode, REQUEST_CATEGORIES } from '../../shared/catalogue.js';
import type { Check } from './rules.js';

/** Value checks for the rule tables. Each returns a short reason, or null when fine. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Date.parse alone accepts "March 7" and friends; the rooms carry ISO 8601 only.
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const UNIT_LABEL = /^unit-[0-9]{1,3}$/;
// Keys start with a letter or digit: `__proto__` must never become a key of an object we build.
const STEP_KEY = /^[a-z0-9][a-z0-9_]{0,63}$/;
const ENTRY_KEY = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export const isUuid = (key: string): boolean => UUID.test(key);
export const isStepKey = (key: string): boolean => STEP_KEY.test(key);
export const isEntryKey = (key: string): boolean => ENTRY_KEY.test(key);

/**
 * Objects as `JSON.parse` makes them. Yjs decodes an object key `__proto__` by assignment,
 * which swaps the prototype; such objects, like class instances and binaries, are refused.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
  );
}

export const text =
  (min: number, max: number): Check =>
  (v) =>
    typeof v !== 'string'
      ? 'not a string'
      : v.length < min || v.length > max
        ? `length not in ${min}..${max}`
        : null;

export const iso: Check = (v) =>
  typeof v === 'string' && v.length <= 40 && ISO.test(v) && !Number.isNaN(Date.parse(v))
    ? null
    : 'not an ISO 8601 time';

export const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? null : 'not an allowed value';

export const bool: Check = (v) => (typeof v === 'boolean' ? null : 'not a boolean');

export const uuid: Check = (v) => (typeof v === 'string' && isUuid(v) ? null : 'not a UUID');

/** The record's `id` field repeats its key: one record, one id, whatever path it travels. */
export const sameAsKey: Check = (v, ctx) => (v === ctx.id ? null : 'must equal the record key');

/** Authorship comes from the session; a field naming the author must name the writer. */
export const byWriter: Check = (v, ctx) => (v === ctx.writer.userId ? null : 'must be the writer');

export const alertType: Check = (v) => (isAlertTypeCode(v) ? null : 'not an alert type');

export const requestCategory = oneOf(REQUEST_CATEGORIES);

export const unitRef: Check = (v) =>
  typeof v === 'string' && (UNIT_LABEL.test(v) || isUuid(v)) ? null : 'not a unit';

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A device fix `{lat, lng, accuracy}` or null (no fix). */
export const location: Check = (v) => {
  if (v === null) return null;
  if (!isPlainObject(v) || Object.keys(v).length !== 3) return 'not a location';
  const { lat, lng, accuracy } = v;
  if (!finite(lat) || lat < -90 || lat > 90) return 'bad latitude';
  if (!finite(lng) || lng < -180 || lng > 180) return 'bad longitude';
  if (!finite(accuracy) || accuracy < 0) return 'bad accuracy';
  return null;
};

/** An object with exactly these fields, each checked. */
export const shape =
  (fields: Readonly<Record<string, Check>>): Check =>
  (v, ctx) => {
    if (!isPlainObject(v)) return 'not an object';
    const keys = Object.keys(v);
    const expected = Object.keys(fields);
    if (keys.length !== expected.length || !keys.every((k) => Object.hasOwn(fields, k))) {
      return `fields must be ${expected.join(', ')}`;
    }
    for (const [k, check] of Object.entries(fields)) {
      const reason = check(v[k], ctx);
      if (reason !== null) return `${k}: ${reason}`;
    }
    return null;
  };

/** An object of short string keys to checked values, at most `max` of them. */
export const dictionary =
  (max: number, value: Check): Check =>
  (v, ctx) => {
    if (!isPlainObject(v)) return 'not an object';
    const entries = Object.entries(v);
    if (entries.length > max) return `more than ${max} entries`;
    for (const [k, item] of entries) {
      if (k.length === 0 || k.length > 64) return 'bad key';
      const reason = value(item, ctx);
      if (reason !== null) return `${k}: ${reason}`;
    }
    return null;
  };

/** Whether a decoded value is plain JSON (Yjs also carries binaries, bigints and undefined). */
function isJson(v: unknown, depth: number): boolean {
  if (depth > 32) return false;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => isJson(x, depth + 1));
  return isPlainObject(v) && Object.values(v).every((x) => isJson(x, depth + 1));
}

/** A JSON object or array of at most `maxBytes` once serialised. */
export const jsonDocument =
  (maxBytes: number): Check =>
  (v) => {
    if (!(Array.isArray(v) || isPlainObject(v)) || !isJson(v, 0))
      return 'not a JSON object or array';
    const bytes = new TextEncoder().encode(JSON.stringify(v)).length;
    return bytes > maxBytes ? `larger than ${maxBytes} bytes` : null;
  };
