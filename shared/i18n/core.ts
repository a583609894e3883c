/**
 * Messages and date formatting for both sides. The client uses `t()` with the current
 * language; the server uses `tFor()` with the recipient's language (push titles, SMS
 * text), because one server process speaks to people in different languages at once.
 *
 * Spanish, the city's language, is built in; other languages are added with `loadLang`.
 * The client imports this module, so a phone downloads only the strings it shows (English
 * is its own chunk, fetched when chosen); `./index.ts` adds every language at once, for
 * the server and tests.
 */
import { es, type MessageKey } from './es.js';
import { firstEn } from './first.en.js';

export type { MessageKey };
export type Lang = 'es' | 'en';
export type MessageParams = Record<string, string | number>;

export const LANGS: readonly Lang[] = ['es', 'en'];
export const DEFAULT_LANG: Lang = 'es';

/**
 * Times are shown in the city's zone, not the device's or the server's: an operator, a
 * push notification and a resident must read the same "21:04" for the same alert.
 */
export const CITY_TIME_ZONE = 'America/Argentina/Mendoza';

type Messages = Record<MessageKey, string>;

const MESSAGES: Partial<Record<Lang, Messages>> = { es };
/**
 * What the first screen draws, in every language: an English phone's login is drawn in
 * English before English's chunk arrives (client/app.ts).
 */
const FIRST: Partial<Record<Lang, Partial<Messages>>> = { en: firstEn };
const LOADERS: Record<Lang, () => Promise<Messages>> = {
  es: () => Promise.resolve(es),
  en: () => import('./en.js').then((m) => m.en),
};
const LOCALES: Record<Lang, string> = { es: 'es-AR', en: 'en-GB' };

let current: Lang = DEFAULT_LANG;
const listeners = new Set<(lang: Lang) => void>();

export function isLang(value: unknown): value is Lang {
  return value === 'es' || value === 'en';
}

export function getLang(): Lang {
  return current;
}

/**
 * Adds a language's messages (`./index.ts` adds them all, the client one at a time). Views
 * showing that language already (its first screen's strings) draw again with the rest.
 */
export function addMessages(lang: Lang, messages: Messages): void {
  MESSAGES[lang] = messages;
  if (lang === current) for (const listener of listeners) listener(lang);
}

/** Makes `lang`'s messages available; resolves at once when they already are. */
export async function loadLang(lang: Lang): Promise<void> {
  if (!MESSAGES[lang]) addMessages(lang, await LOADERS[lang]());
}

/**
 * Changes the language of `t()` and tells subscribers, so open views can re-render. Load
 * it first (`loadLang`): until then its messages read in Spanish, but for the first screen's.
 */
export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  for (const listener of listeners) listener(lang);
}

/** Subscribes to language changes; returns the unsubscribe function. */
export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The first supported language among BCP 47 tags in preference order
 * (`navigator.languages`, a parsed Accept-Language), else Spanish, the city's language.
 */
export function pickLang(tags: readonly string[]): Lang {
  for (const tag of tags) {
    const base = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isLang(base)) return base;
  }
  return DEFAULT_LANG;
}

/** Whether a key built at run time (an audit action's, say) has a message. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(es, key);
}

/** The message for `key` in the current language. */
export function t(key: MessageKey, params?: MessageParams): string {
  return tFor(current, key, params);
}

/**
 * The message for `key` in `lang`, with `{name}` placeholders filled from `params`.
 * A placeholder without a value is left as written, so the omission shows in the UI and
 * in tests instead of silently printing "undefined".
 */
export function tFor(lang: Lang, key: MessageKey, params?: MessageParams): string {
  // A language not loaded yet reads in Spanish rather than failing, its first screen apart.
  const template = MESSAGES[lang]?.[key] ?? FIRST[lang]?.[key] ?? es[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** `HH:MM`, 24 h, in the city's time zone. Invalid input gives "—" rather than throwing. */
export function formatTime(iso: string, lang: Lang = current, timeZone = CITY_TIME_ZONE): string {
  const parts = partsOf(iso, lang, timeZone);
  return parts ? `${parts.hour}:${parts.minute}` : INVALID;
}

/**
 * `DD/MM/YYYY HH:MM` (both es-AR and en-GB write day first). Assembled from parts rather
 * than the locale's default pattern, which differs between ICU versions (browser vs Node)
 * and would make server text and screenshots disagree.
 */
export function formatDateTime(
  iso: string,
  lang: Lang = current,
  timeZone = CITY_TIME_ZONE,
): string {
  const p = partsOf(iso, lang, timeZone);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : INVALID;
}

const INVALID = '—';

type Part = 'year' | 'month' | 'day' | 'hour' | 'minute';

// Intl formatters are costly to build and a queue re-renders often: one per language+zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsOf(iso: string, lang: Lang, timeZone: string): Record<Part, string> | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const cacheKey = `${lang}|${timeZone}`;
  let fmt = formatters.get(cacheKey);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(LOCALES[lang], {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(cacheKey, fmt);
  }
  const out: Record<Part, string> = { year: '', month: '', day: '', hour: '', minute: '' };
  for (const part of fmt.formatToParts(date)) {
    if (part.type in out) out[part.type as Part] = part.value;
  }
  return out;
}
