import type { EvaluationMeta } from '../../../shared/observatory-evaluation.js';

export type Cell = string | number | boolean | null | undefined;

const META_HEADER = ['sources', 'from', 'to', 'n', 'method', 'computed_at', 'suppressed_below'];

/**
 * A field as RFC 4180 wants it, and safe to open in a spreadsheet: text that starts like a
 * formula (= + - @, a tab or a carriage return) gets a leading apostrophe so it is never run.
 * Numbers are written as numbers (a negative number is not a formula).
 */
function field(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The conventions of Observatory I's exports (export-csv.ts): UTF-8, CRLF, a header row, the
 * figure's meta repeated on every row so the file says its source, period, n and method
 * wherever its rows are pasted, and one empty row rather than none.
 */
export function csvTable(header: string[], rows: Cell[][], meta: EvaluationMeta): string {
  const m: Cell[] = [
    meta.sources.join(' '),
    meta.from,
    meta.to,
    meta.n,
    meta.method,
    meta.computedAt,
    meta.suppressedBelow,
  ];
  const body = rows.length ? rows : [header.map(() => null)];
  return [[...header, ...META_HEADER], ...body.map((r) => [...r, ...m])]
    .map((r) => r.map(field).join(','))
    .join('\r\n')
    .concat('\r\n');
}

/** Seconds → minutes, two decimals (a spreadsheet's unit for response times). */
export const minutes = (seconds: number | null): number | null =>
  seconds === null ? null : Math.round((seconds / 60) * 100) / 100;

/** A share rounded to four decimals. */
export const ratio = (x: number | null | undefined): number | null =>
  x === null || x === undefined ? null : Math.round(x * 10_000) / 10_000;
