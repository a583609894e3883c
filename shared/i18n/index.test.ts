import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { ALERT_TYPES, REQUEST_CATEGORIES } from '../catalogue.js';
import {
  CLOSED_STATUSES,
  OPEN_STATUSES,
  type AlertStatus,
  type AlertTypeCode,
  type Priority,
  type RequestCategory,
  type Role,
} from '../types.js';
import { en } from './en.js';
import { es } from './es.js';
import {
  formatDateTime,
  formatTime,
  getLang,
  onLangChange,
  pickLang,
  setLang,
  t,
  tFor,
  type MessageKey,
} from './index.js';

afterEach(() => setLang('es'));

const placeholders = (s: string): string[] =>
  [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('catalogues', () => {
  it('name every domain code, so templated keys always resolve', () => {
    // Compile-time: these templates must be subsets of MessageKey.
    expectTypeOf<`alert.type.${AlertTypeCode}`>().toExtend<MessageKey>();
    expectTypeOf<`alert.type.${AlertTypeCode}.hint`>().toExtend<MessageKey>();
    expectTypeOf<`status.${AlertStatus}`>().toExtend<MessageKey>();
    expectTypeOf<`request.category.${RequestCategory}`>().toExtend<MessageKey>();
    expectTypeOf<`priority.${Priority}`>().toExtend<MessageKey>();
    expectTypeOf<`role.${Role}`>().toExtend<MessageKey>();

    // Run time: protocol steps are plain strings in the catalogue, so check them here.
    const keys = new Set<string>(Object.keys(es));
    const needed = [
      ...ALERT_TYPES.flatMap((a) => [
        `alert.type.${a.code}`,
        `alert.type.${a.code}.hint`,
        ...a.protocol.map((step) => `protocol.${step}`),
      ]),
      ...[...OPEN_STATUSES, ...CLOSED_STATUSES].map((s) => `status.${s}`),
      ...REQUEST_CATEGORIES.map((c) => `request.category.${c}`),
    ];
    expect(needed.filter((k) => !keys.has(k))).toEqual([]);
  });

  it('have the same keys and the same placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(es).sort());
    for (const key of Object.keys(es) as MessageKey[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(es[key]));
      expect(en[key].trim().length, key).toBeGreaterThan(0);
    }
  });

  it('use dot-separated lowercase keys', () => {
    for (const key of Object.keys(es)) expect(key).toMatch(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/);
  });
});

describe('t and tFor', () => {
  it('default to Spanish and follow setLang', () => {
    expect(getLang()).toBe('es');
    expect(t('alert.type.fire')).toBe('Incendio');
    setLang('en');
    expect(t('alert.type.fire')).toBe('Fire');
  });

  it('interpolate placeholders, leaving unknown ones visible', () => {
    expect(t('alert.cancel_countdown', { seconds: 3 })).toBe('Enviando en 3… Tocá para cancelar');
    expect(tFor('en', 'call.emergency', { number: '911' })).toBe('Call 911');
    expect(tFor('es', 'call.emergency')).toBe('Llamar al {number}');
    expect(tFor('es', 'call.emergency', { other: 1 })).toBe('Llamar al {number}');
  });

  it('translate for a given language regardless of the current one', () => {
    setLang('en');
    expect(tFor('es', 'status.saved_local')).toBe('Guardada en este teléfono, todavía no enviada');
    expect(tFor('en', 'status.delivered')).toBe('Delivered to the monitoring centre');
  });

  it('notify language subscribers once per change', () => {
    const seen: string[] = [];
    const off = onLangChange((lang) => seen.push(lang));
    setLang('en');
    setLang('en');
    off();
    setLang('es');
    expect(seen).toEqual(['en']);
  });

  it('picks a language from preference tags', () => {
    expect(pickLang(['en-GB', 'es-AR'])).toBe('en');
    expect(pickLang(['fr-FR', 'es_AR'])).toBe('es');
    expect(pickLang(['de'])).toBe('es');
    expect(pickLang([])).toBe('es');
  });
});

describe('formatTime and formatDateTime', () => {
  // 15:04 UTC is 12:04 in Mendoza (UTC−3, no daylight saving).
  const iso = '2024-05-01T15:04:09.123Z';

  it('format in the city time zone, 24 h', () => {
    expect(formatTime(iso, 'es')).toBe('12:04');
    expect(formatTime(iso, 'en')).toBe('12:04');
    expect(formatTime('2024-05-01T03:00:00Z', 'en')).toBe('00:00');
    expect(formatTime('2024-05-01T22:59:00Z', 'es')).toBe('19:59');
  });

  it('cross midnight into the local date', () => {
    expect(formatDateTime('2024-05-02T01:30:00Z', 'es')).toBe('01/05/2024 22:30');
    expect(formatDateTime(iso, 'en')).toBe('01/05/2024 12:04');
  });

  it('accept another zone and use the current language by default', () => {
    expect(formatTime(iso, 'es', 'UTC')).toBe('15:04');
    expect(formatDateTime(iso)).toBe('01/05/2024 12:04');
  });

  it('show a dash for an invalid timestamp', () => {
    expect(formatTime('not a date', 'es')).toBe('—');
    expect(formatDateTime('', 'en')).toBe('—');
  });
});
