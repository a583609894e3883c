import type { FigureMeta, HotspotLayer } from '../../shared/observatory.js';
import type { Analysis, AnalysisResults } from './jobs.js';
import { exportName } from './export-name.js';

type Cell = string | number | boolean | null | undefined;

/**
 * The figure's meta as columns repeated on every row, so that the one file says its source,
 * period, n and method wherever its rows are pasted (RFC 4180 has no comments and a header is
 * the first line; a second file gets lost). A table with no rows still gets one row, with its
 * own columns empty, so the meta is never missing.
 */
const META_HEADER = ['sources', 'from', 'to', 'n', 'method', 'computed_at', 'suppressed_below'];
const metaCells = (m: FigureMeta): Cell[] => [
  m.sources.join(' '),
  m.from,
  m.to,
  m.n,
  m.method,
  m.computedAt,
  m.suppressedBelow,
];

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function field(v: Cell): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function table(header: string[], rows: Cell[][], meta: FigureMeta): string {
  const m = metaCells(meta);
  const body = rows.length ? rows : [header.map(() => null)];
  return [[...header, ...META_HEADER], ...body.map((r) => [...r, ...m])]
    .map((r) => r.map(field).join(','))
    .join('\r\n')
    .concat('\r\n');
}

type Writers = { [A in Analysis]: (r: AnalysisResults[A]) => string };

const WRITERS: Writers = {
  hotspots: (r) =>
    table(
      ['cell_id', 'area_id', 'centre_lat', 'centre_lng', 'south', 'west', 'north', 'east'].concat([
        'layer',
        'value',
        'count',
        'z',
        'p',
        'q',
        'class',
        'cell_sources',
      ]),
      r.cells.map((c) => [
        c.id,
        c.areaId,
        c.centre.lat,
        c.centre.lng,
        c.bounds[0][0],
        c.bounds[0][1],
        c.bounds[1][0],
        c.bounds[1][1],
        r.layer,
        c.value,
        c.count,
        c.z,
        c.p,
        c.q,
        c.class,
        c.sources.join(' '),
      ]),
      r.meta,
    ),
  emerging: (r) =>
    table(
      ['cell_id', 'area_id', 'centre_lat', 'centre_lng', 'kind', 'pattern'].concat([
        'trend_tau',
        'trend_z',
        'trend_p',
        'hot_slices',
        'cold_slices',
        'slices',
        'first_slice',
      ]),
      r.cells.map((c) => [
        c.id,
        c.areaId,
        c.centre.lat,
        c.centre.lng,
        c.kind,
        c.pattern,
        c.trend.tau,
        c.trend.z,
        c.trend.p,
        c.hotSlices,
        c.coldSlices,
        r.slices.length,
        r.slices[0],
      ]),
      r.meta,
    ),
  hours: (r) => {
    const rows: Cell[][] = [];
    for (let w = 0; w < 7; w++) {
      for (let h = 0; h < 24; h++) {
        rows.push([
          w + 1,
          h,
          r.counts[w]?.[h],
          r.coverage.planned[w]?.[h] ?? false,
          r.previous.from,
          r.previous.to,
          r.previous.counts[w]?.[h],
          r.previous.complete ?? null,
          r.coverage.uncovered,
          r.coverage.share,
        ]);
      }
    }
    return table(
      ['iso_weekday', 'hour', 'count', 'programme_planned', 'previous_from', 'previous_to'].concat([
        'previous_count',
        'previous_complete',
        'uncovered_total',
        'uncovered_share',
      ]),
      rows,
      r.meta,
    );
  },
  trends: (r) => {
    const ch = r.change;
    const series = (name: string, points: typeof r.weekly): Cell[][] =>
      points.map((p) => [name, p.start, p.count, p.low, p.high, p.lastYear]);
    return table(
      ['series', 'start', 'count', 'low95', 'high95', 'last_year'].concat([
        'change_current',
        'change_last_year',
        'change_ratio',
        'change_low95',
        'change_high95',
      ]),
      [...series('week', r.weekly), ...series('month', r.monthly)].map((row) => [
        ...row,
        ch.current,
        ch.lastYear,
        ch.ratio,
        ch.low,
        ch.high,
      ]),
      r.meta,
    );
  },
};

/** The CSV export of a figure: UTF-8, CRLF, a header row, the meta on every row. */
export function csvFor<A extends Analysis>(
  analysis: A,
  result: AnalysisResults[A],
  layer: HotspotLayer,
): { name: string; text: string } {
  const write = WRITERS[analysis] as (r: AnalysisResults[A]) => string;
  return { name: exportName(analysis, result.meta, layer, 'csv'), text: write(result) };
}
