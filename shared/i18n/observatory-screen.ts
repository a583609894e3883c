import { getLang, type Lang, type MessageParams } from './core.js';
import { observatoryScreenEn } from './observatory-screen.en.js';
import { observatoryScreenEs } from './observatory-screen.es.js';

/**
 * The observatory section's strings, kept out of `es`/`en` so that they travel with the
 * section's chunk rather than in everyone's first load (about 2 kB gzipped of Spanish).
 * Same `{name}` placeholders and voseo rules as `t()`.
 */
export type ObsKey = keyof typeof observatoryScreenEs;

const DICTS: Record<Lang, Record<ObsKey, string>> = {
  es: observatoryScreenEs,
  en: observatoryScreenEn,
};

export function tObs(key: ObsKey, params?: MessageParams, lang: Lang = getLang()): string {
  const template = DICTS[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export const observatoryScreenMessages = DICTS;
