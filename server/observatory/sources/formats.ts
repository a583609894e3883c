import { parseCsv } from './csv.js';
import {
  COLUMNS,
  Problems,
  normaliseName,
  rowChecker,
  type ImportContext,
  type ImportRecord,
  type Outcome,
} from './records.js';

/** Records in one file at most: beyond it the import is refused as too large (413). */
export const MAX_RECORDS = 50_000;

export class TooManyRecords extends Error {
  constructor(readonly records: number) {
    super(`${records} records; at most ${MAX_RECORDS}`);
  }
}

/**
 * A CSV file's records, or every bad row (nothing half-read: one bad row rejects the file).
 * The latitude and longitude columns are required; a date column, when present, must hold a
 * date within the declared period on every row.
 */
export function readCsv(text: string, ctx: ImportContext): Outcome {
  const problems = new Problems('line');
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    problems.add(1, 'empty_file');
    return { ok: false, rejection: problems.rejection() };
  }
  const table = parseCsv(text);
  if (table.unclosedQuoteAt !== undefined) {
    problems.add(table.unclosedQuoteAt, 'unclosed_quote');
    return { ok: false, rejection: problems.rejection() };
  }
  const names = table.header.map(normaliseName);
  const find = (aliases: readonly string[]) => names.findIndex((n) => aliases.includes(n));
  const lat = find(COLUMNS.lat);
  const lng = find(COLUMNS.lng);
  if (lat < 0) problems.add(1, 'missing_column', 'lat / latitud / latitude');
  if (lng < 0) problems.add(1, 'missing_column', 'lng / lon / longitud / longitude');
  if (problems.total > 0) return { ok: false, rejection: problems.rejection() };
  if (table.records.length === 0) {
    problems.add(2, 'no_records');
    return { ok: false, rejection: problems.rejection() };
  }
  if (table.records.length > MAX_RECORDS) throw new TooManyRecords(table.records.length);
  const date = find(COLUMNS.date);
  const category = find(COLUMNS.category);
  const check = rowChecker(ctx);
  const records: ImportRecord[] = [];
  for (const { line, cells } of table.records) {
    const r = check(problems, line, {
      lat: cells[lat],
      lng: cells[lng],
      date: date >= 0 ? cells[date] : undefined,
      category: category >= 0 ? cells[category] : undefined,
      dated: date >= 0,
    });
    if (r) records.push(r);
  }
  return problems.total > 0
    ? { ok: false, rejection: problems.rejection() }
    : { ok: true, records };
}

/**
 * A GeoJSON FeatureCollection of Points (`[lng, lat]`, RFC 7946); the date and category are
 * read from the properties by the same names as the CSV's columns. A feature is named by its
 * index in `features`, from 0.
 */
export function readGeojson(text: string, ctx: ImportContext): Outcome {
  const problems = new Problems('feature');
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    doc = null;
  }
  const features = isObject(doc) && doc.type === 'FeatureCollection' ? doc.features : undefined;
  if (!Array.isArray(features)) {
    problems.add(0, 'not_geojson');
    return { ok: false, rejection: problems.rejection() };
  }
  if (features.length === 0) {
    problems.add(0, 'no_records');
    return { ok: false, rejection: problems.rejection() };
  }
  if (features.length > MAX_RECORDS) throw new TooManyRecords(features.length);
  // A date is expected on every feature when the first one with properties names one.
  const dateKey = keyOf(features, COLUMNS.date);
  const categoryKey = keyOf(features, COLUMNS.category);
  const check = rowChecker(ctx);
  const records: ImportRecord[] = [];
  features.forEach((f: unknown, index) => {
    const geometry = isObject(f) && isObject(f.geometry) ? f.geometry : null;
    const coords = geometry?.type === 'Point' ? geometry.coordinates : null;
    if (!Array.isArray(coords) || coords.length < 2) return problems.add(index, 'not_point');
    const props = isObject(f) && isObject(f.properties) ? f.properties : {};
    const r = check(problems, index, {
      lat: coords[1],
      lng: coords[0],
      date: dateKey ? props[dateKey] : undefined,
      category: categoryKey ? props[categoryKey] : undefined,
      dated: dateKey !== null,
    });
    if (r) records.push(r);
  });
  return problems.total > 0
    ? { ok: false, rejection: problems.rejection() }
    : { ok: true, records };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The property name (as written) the features use for one of these aliases, or null. */
function keyOf(features: unknown[], aliases: readonly string[]): string | null {
  for (const f of features) {
    if (!isObject(f) || !isObject(f.properties)) continue;
    const key = Object.keys(f.properties).find((k) => aliases.includes(normaliseName(k)));
    if (key) return key;
  }
  return null;
}
