import type { EvaluationMeta } from '../../../shared/observatory-evaluation.js';
import type { DosageResult } from '../../../shared/observatory-evaluation.js';
import type { UnitShiftCount } from './figure.js';

type Cell = string | number | null | undefined;

/**
 * The dosage as one CSV, with the observatory's export conventions (export-csv.ts): RFC 4180,
 * CRLF, the figure's meta repeated as columns on every row. One file holds several tables,
 * told apart by the first column: `unit_shift` (planned and done per unit and shift of the
 * day), `unit`, `shift`, `total`, `unplanned` (stays at a point during a plan that served
 * none of its visits) and `dwell` (the histogram of stay lengths, minutes [from, to); an
 * empty `to` is "30 or more").
 */
const HEADER = [
  'table',
  'unit_id',
  'unit',
  'shift',
  'planned',
  'done',
  'share',
  'dwell_from_minutes',
  'dwell_to_minutes',
  'stays',
];
const META = ['sources', 'from', 'to', 'n', 'method', 'computed_at', 'suppressed_below'];

function field(v: Cell): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const metaCells = (m: EvaluationMeta): Cell[] => [
  m.sources.join(' '),
  m.from,
  m.to,
  m.n,
  m.method,
  m.computedAt,
  m.suppressedBelow,
];

export function dosageCsv(r: DosageResult, byUnitShift: readonly UnitShiftCount[]): string {
  const visits = (
    table: string,
    unitId: string | null,
    unit: string | null,
    shift: string | null,
    c: { planned: number; done: number; share: number | null },
  ): Cell[] => [table, unitId, unit, shift, c.planned, c.done, c.share, null, null, null];
  const rows: Cell[][] = [
    ...byUnitShift.map((u) => visits('unit_shift', u.unitId, u.label, u.shift, u)),
    ...r.byUnit.map((u) => visits('unit', u.unitId, u.label, null, u)),
    ...r.byShift.map((x) => visits('shift', null, null, x.shift, x)),
    visits('total', null, null, null, r.total),
    ['unplanned', null, null, null, null, null, null, null, null, r.unplannedStays],
    ...r.dwell.histogram.map((b): Cell[] => [
      'dwell',
      null,
      null,
      null,
      null,
      null,
      null,
      b.from,
      b.to,
      b.count,
    ]),
  ];
  const m = metaCells(r.meta);
  return [[...HEADER, ...META], ...rows.map((row) => [...row, ...m])]
    .map((row) => row.map(field).join(','))
    .join('\r\n')
    .concat('\r\n');
}

/** `sac-dosage-2026-10-01-2026-10-31.csv`: validated dates only, safe in a header. */
export const dosageCsvName = (r: DosageResult): string =>
  `sac-dosage-${r.meta.from}-${r.meta.to}.csv`;
