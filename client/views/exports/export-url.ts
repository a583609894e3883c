import type { Lang } from '../../../shared/i18n/core.js';
import { cityToday } from '../operator/city-day.js';
import { shiftDay } from '../observatory/obs-filters.js';

export const DATASETS = ['alerts', 'requests', 'checkins', 'conversations'] as const;
export type Dataset = (typeof DATASETS)[number];
export const FORMATS = ['csv', 'geojson'] as const;
export type Format = (typeof FORMATS)[number];
export type Period = 'this_month' | 'last_month' | '12m' | 'custom';
export const PERIODS: readonly Period[] = ['this_month', 'last_month', '12m', 'custom'];

/** As the server has it (server/exports/query.ts): a whole year, leap or not. */
export const MAX_DAYS = 366;

/** The datasets with a type to filter by: alerts by type, requests by category. */
export const TYPED: ReadonlySet<Dataset> = new Set(['alerts', 'requests']);

/** A preset's days in the city's calendar, both ends included, up to today. */
export function periodDays(
  period: Exclude<Period, 'custom'>,
  now = Date.now(),
): { from: string; to: string } {
  const today = cityToday(now);
  const first = `${today.slice(0, 8)}01`;
  switch (period) {
    case 'this_month':
      return { from: first, to: today };
    case 'last_month':
      return { from: shiftDay(first, -1), to: shiftDay(first, 0, -1) };
    case '12m':
      return { from: shiftDay(today, -12, 1), to: today };
  }
}

const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** Why a custom period cannot be exported, or null when it can. */
export function periodProblem(from: string, to: string): 'missing' | 'order' | 'long' | null {
  if (!from || !to) return 'missing';
  if (from > to) return 'order';
  if ((dayMs(to) - dayMs(from)) / 86_400_000 + 1 > MAX_DAYS) return 'long';
  return null;
}

export interface ExportChoice {
  dataset: Dataset;
  format: Format;
  from: string;
  to: string;
  type: string;
  area: string;
  lang: Lang;
}

/**
 * The streaming URL the download link points at: the browser saves the answer to disk as it
 * arrives, with the session cookie, and the server names the file.
 */
export function exportUrl(c: ExportChoice): string {
  const q = new URLSearchParams({ from: c.from, to: c.to });
  if (c.type && TYPED.has(c.dataset)) q.set('type', c.type);
  if (c.area) q.set('area', c.area);
  q.set('lang', c.lang);
  return `/api/exports/${c.dataset}.${c.format}?${q}`;
}
