import type {
  FigureMeta,
  HotspotResult,
  HourWeekResult,
  HourWeekTable,
  PublicCell,
} from '../../shared/observatory.js';

/**
 * What the observatory shows outside staff views (DESIGN §2: the public page per area and
 * month): positions only as cells (square and centroid, never a point; the analyses never send
 * points), and any cell or hour with fewer than the city's minimum of incidents hidden.
 * Hidden hours are null; hidden cells are left out. `n` then counts only what is shown, since
 * a total minus the shown parts would give the hidden ones back.
 */
export function suppressTable(t: HourWeekTable, min: number): HourWeekTable {
  return t.map((row) => row.map((v) => (v === null || v < min ? null : v)));
}

const shown = (t: HourWeekTable) => t.flat().reduce<number>((a, v) => a + (v ?? 0), 0);

const publicMeta = (m: FigureMeta, n: number, min: number): FigureMeta => ({
  ...m,
  n,
  suppressedBelow: min,
});

/** The hour × weekday table with hours under `min` hidden, this period and the previous. */
export function suppressHours(r: HourWeekResult, min: number): HourWeekResult {
  const counts = suppressTable(r.counts, min);
  const previous = suppressTable(r.previous.counts, min);
  const uncovered = r.coverage.uncovered >= min ? r.coverage.uncovered : 0;
  return {
    meta: publicMeta(r.meta, shown(counts), min),
    counts,
    previous: { ...r.previous, n: shown(previous), counts: previous },
    // The gap is a sum over hours: shown only when it is itself above the threshold.
    coverage: {
      planned: r.coverage.planned,
      uncovered,
      share: uncovered ? r.coverage.share : 0,
    },
  };
}

/** The cells with at least `min` incidents, as squares with their count and class only. */
export function suppressCells(
  r: HotspotResult,
  min: number,
): { meta: FigureMeta; cellMetres: number; cells: PublicCell[] } {
  const cells: PublicCell[] = [];
  for (const c of r.cells) {
    if (c.count === null || c.count < min) continue;
    cells.push({
      id: c.id,
      areaId: c.areaId,
      centre: c.centre,
      bounds: c.bounds,
      count: c.count,
      class: c.class,
    });
  }
  return {
    meta: publicMeta(
      r.meta,
      cells.reduce((a, c) => a + c.count, 0),
      min,
    ),
    cellMetres: r.cellMetres,
    cells,
  };
}
