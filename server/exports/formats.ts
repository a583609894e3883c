import type { Cell, Column } from './columns.js';

export const EXPORT_FORMATS = ['csv', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const CSV_TYPE = 'text/csv; charset=utf-8; header=present';
export const GEOJSON_TYPE = 'application/geo+json';

/** One record as a writer takes it: its cells in column order, its id and position. */
export interface OutRow {
  id: string;
  cells: Cell[];
  point: { lat: number; lng: number } | null;
}

/** A file written piece by piece: the head, one piece per row, the tail. */
export interface FormatWriter {
  contentType: string;
  head(): string;
  row(r: OutRow): string;
  tail(): string;
}

/**
 * A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula: a resident's
 * note `=HYPERLINK(…)` would become a link on the operator's screen. Typed text is given a
 * leading apostrophe then (OWASP's advice for CSV injection); codes, numbers and times never.
 */
const FORMULA = /^[=+\-@\t\r]/;

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
export function csvField(v: Cell, typed = false): string {
  if (v === null) return '';
  let s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  if (typed && FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * CSV as RFC 4180 has it (CRLF after every record, the header first) in UTF-8 with a byte
 * order mark: Excel and LibreOffice take a file without one for the system's legacy code page
 * and show "MarÃ­a". Numbers keep the decimal point (README: how to open it in es-AR).
 */
export function csvWriter<R>(columns: Column<R>[]): FormatWriter {
  const typed = columns.map((c) => c.typed === true);
  const line = (cells: Cell[]) => `${cells.map((v, i) => csvField(v, typed[i])).join(',')}\r\n`;
  return {
    contentType: CSV_TYPE,
    head: () => `\uFEFF${line(columns.map((c) => c.name))}`,
    row: (r) => line(r.cells),
    tail: () => '',
  };
}

/**
 * GeoJSON as RFC 7946 has it: a FeatureCollection of Points, `[lng, lat]`, geometry null for a
 * record without a position, every other column a property. `sac` is a foreign member saying
 * what the file is (dataset, period, filters, rows): GIS tools keep it and ignore it. No byte
 * order mark: JSON forbids one.
 */
export function geojsonWriter<R>(
  columns: Column<R>[],
  about: Record<string, unknown>,
): FormatWriter {
  const props = columns
    .map((c, i) => [c.name, i] as const)
    .filter(([name]) => name !== 'lat' && name !== 'lng');
  let first = true;
  return {
    contentType: GEOJSON_TYPE,
    head: () => `{"type":"FeatureCollection","sac":${JSON.stringify(about)},"features":[`,
    row: (r) => {
      const feature = {
        type: 'Feature',
        id: r.id,
        geometry: r.point ? { type: 'Point', coordinates: [r.point.lng, r.point.lat] } : null,
        properties: Object.fromEntries(props.map(([name, i]) => [name, r.cells[i] ?? null])),
      };
      const sep = first ? '\n' : ',\n';
      first = false;
      return sep + JSON.stringify(feature);
    },
    tail: () => '\n]}\n',
  };
}
