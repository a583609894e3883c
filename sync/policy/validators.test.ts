import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RecordContext } from './rules.js';
import {
  dictionary,
  iso,
  isPlainObject,
  isStepKey,
  jsonDocument,
  location,
  oneOf,
  shape,
  text,
} from './validators.js';

const ctx: RecordContext = {
  writer: { userId: 'u1', role: 'citizen', unitId: null },
  collection: 'alerts',
  id: 'x',
  current: () => undefined,
  after: () => undefined,
  steps: () => 1,
};

/** A value as it arrives: encoded by one Yjs doc and decoded from the update. */
function roundTrip(value: unknown): unknown {
  const doc = new Y.Doc();
  doc.getMap('m').set('k', value);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy.getMap('m').get('k');
}

describe('validators', () => {
  it('takes ISO 8601 times only', () => {
    for (const ok of [
      '2025-03-01T21:14:05.120Z',
      '2025-03-01T18:00:00-03:00',
      '2025-03-01T18:00Z',
    ]) {
      expect(iso(ok, ctx)).toBe(null);
    }
    for (const bad of [
      'March 7, 2025',
      '2025-03-01',
      '2025-13-01T00:00:00Z',
      1740000000,
      `${'2025-03-01T00:00:00.000000000'}+00:00:00`,
    ]) {
      expect(iso(bad, ctx)).not.toBe(null);
    }
  });

  it('takes a fix with exactly lat, lng and accuracy, or null', () => {
    expect(location(null, ctx)).toBe(null);
    expect(location({ lat: -32.9, lng: -68.8, accuracy: 0 }, ctx)).toBe(null);
    expect(location({ lat: -32.9, lng: 181, accuracy: 1 }, ctx)).toBe('bad longitude');
    expect(location({ lat: NaN, lng: 0, accuracy: 1 }, ctx)).toBe('bad latitude');
    expect(location({ lat: 0, lng: 0, accuracy: -1 }, ctx)).toBe('bad accuracy');
    expect(location({ lat: 0, lng: 0 }, ctx)).toBe('not a location');
    expect(location([0, 0, 1], ctx)).toBe('not a location');
  });

  it('refuses objects whose decoding swapped their prototype', () => {
    const hostile = roundTrip(
      JSON.parse('{"__proto__": {"lat": 1}, "lng": 2, "accuracy": 3, "x": 4}'),
    );
    expect(isPlainObject(hostile)).toBe(false);
    expect(location(hostile, ctx)).toBe('not a location');
    expect(isPlainObject(roundTrip({ a: 1 }))).toBe(true);
  });

  it('checks text lengths, enumerations and step keys', () => {
    expect(text(1, 3)('abc', ctx)).toBe(null);
    expect(text(1, 3)('', ctx)).toBe('length not in 1..3');
    expect(text(0, 3)(3, ctx)).toBe('not a string');
    expect(oneOf(['a'])('constructor', ctx)).toBe('not an allowed value');
    expect(isStepKey('call_back')).toBe(true);
    expect(isStepKey('__proto__')).toBe(false);
  });

  it('checks object shapes exactly, own keys only', () => {
    const check = shape({ a: text(0, 9) });
    expect(check({ a: 'x' }, ctx)).toBe(null);
    expect(check({ a: 'x', b: 1 }, ctx)).toBe('fields must be a');
    expect(
      shape({ constructor: text(0, 9), a: text(0, 9) })({ toString: 'x', a: 'y' }, ctx),
    ).not.toBe(null);
    expect(dictionary(1, text(0, 1))({ k: 'v', l: 'w' }, ctx)).toBe('more than 1 entries');
  });

  it('takes JSON documents up to a size, nothing Yjs-only', () => {
    const check = jsonDocument(32);
    expect(check({ a: [1, 'two', null, true] }, ctx)).toBe(null);
    expect(check({ a: 'x'.repeat(40) }, ctx)).toBe('larger than 32 bytes');
    expect(check('text', ctx)).toBe('not a JSON object or array');
    expect(check({ a: new Uint8Array(1) }, ctx)).toBe('not a JSON object or array');
    expect(check({ a: undefined }, ctx)).toBe('not a JSON object or array');
    expect(check([Infinity], ctx)).toBe('not a JSON object or array');
  });
});
