import type { ImportRejection, ImportRowReason } from '../../../shared/observatory-evaluation.js';
import type { AreaFeature } from '../../../shared/types.js';
import { areaLocator } from '../area-index.js';
import { dayNumber } from '../local-time.js';
import { whenParser } from './dates.js';

/** One valid record, ready to store: where, when (ISO instant or null) and its category. */
export interface ImportRecord {
  /** CSV line (header = 1) or GeoJSON feature index */
  line: number;
  at: string | null;
  lat: number;
  lng: number;
  category: string;
  areaId: string;
}

export interface ImportContext {
  areas: readonly AreaFeature[];
  timeZone: string;
  /** the declared period, local ISO days, both ends included */
  from: string;
  to: string;
}

export type Outcome =
  { ok: true; records: ImportRecord[] } | { ok: false; rejection: ImportRejection };

/** Bad rows listed in a rejection; the rest are only counted (`total`). */
export const MAX_LISTED_ROWS = 100;

/** Column names read, compared without case, accents, spaces or underscores. */
export const COLUMNS = {
  lat: ['lat', 'latitud', 'latitude', 'y'],
  lng: ['lng', 'lon', 'long', 'longitud', 'longitude', 'x'],
  date: ['fecha', 'date', 'at', 'fechahora', 'datetime', 'timestamp'],
  category: ['categoria', 'category', 'tipo', 'type'],
} as const;

const ENGLISH: Record<ImportRowReason, string> = {
  empty_file: 'the file is empty',
  no_records: 'no records after the header',
  missing_column: 'a required column is missing',
  unclosed_quote: 'a quote opened here is never closed',
  not_geojson: 'not a GeoJSON FeatureCollection',
  not_point: 'the geometry is not a Point',
  no_coordinates: 'latitude or longitude is empty',
  bad_number: 'latitude or longitude is not a valid number',
  outside_city: 'the point is outside the city',
  no_date: 'the date is empty',
  bad_date: 'the date is not a date (YYYY-MM-DD or DD/MM/YYYY [HH:MM])',
  outside_period: 'the date is outside the declared period',
};

/** Collects bad rows; `problem` says whether the row had one. */
export class Problems {
  readonly rows: ImportRejection['rows'] = [];
  total = 0;
  constructor(readonly unit: ImportRejection['unit']) {}
  add(line: number, reason: ImportRowReason, column?: string): void {
    this.total++;
    if (this.rows.length >= MAX_LISTED_ROWS) return;
    const message = column ? `${ENGLISH[reason]} (${column})` : ENGLISH[reason];
    this.rows.push(column ? { line, message, reason, column } : { line, message, reason });
  }
  rejection(): ImportRejection {
    return { code: 'bad_rows', unit: this.unit, rows: this.rows, total: this.total };
  }
}

export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_\-.]/g, '');
}

/** A row's checks, shared by both formats: coordinates, the city's extent, the period. */
export function rowChecker(ctx: ImportContext) {
  const areaOf = areaLocator(ctx.areas);
  const when = whenParser(ctx.timeZone);
  const fromDay = dayNumber(ctx.from);
  const toDay = dayNumber(ctx.to);
  return (
    problems: Problems,
    line: number,
    raw: { lat: unknown; lng: unknown; date?: unknown; category?: unknown; dated: boolean },
  ): ImportRecord | null => {
    const bad = (reason: ImportRowReason): null => {
      problems.add(line, reason);
      return null;
    };
    const lat = coordinate(raw.lat);
    const lng = coordinate(raw.lng);
    if (lat === 'empty' || lng === 'empty') return bad('no_coordinates');
    if (lat === 'bad' || lng === 'bad' || Math.abs(lat) > 90 || Math.abs(lng) > 180)
      return bad('bad_number');
    const areaId = areaOf({ lat, lng });
    if (!areaId) return bad('outside_city');
    let at: string | null = null;
    if (raw.dated) {
      const text = raw.date === undefined || raw.date === null ? '' : String(raw.date).trim();
      if (text === '') return bad('no_date');
      const w = when(text);
      if (!w) return bad('bad_date');
      if (w.day < fromDay || w.day > toDay) return bad('outside_period');
      at = new Date(w.ms).toISOString();
    }
    const category =
      raw.category === undefined || raw.category === null
        ? ''
        : String(raw.category).trim().slice(0, 80);
    return { line, at, lat, lng, category, areaId };
  };
}

/**
 * A coordinate as written: a number, or text with a decimal point (or a decimal comma, as a
 * Spanish-locale spreadsheet writes it in a semicolon file).
 */
function coordinate(v: unknown): number | 'empty' | 'bad' {
  if (typeof v === 'number') return Number.isFinite(v) ? v : 'bad';
  if (v === undefined || v === null) return 'empty';
  if (typeof v !== 'string') return 'bad';
  const text = v.trim();
  if (text === '') return 'empty';
  const normal = /^[+-]?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(normal)) return 'bad';
  return Number(normal);
}
