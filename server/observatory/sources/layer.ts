import type { CellShape } from '../../../shared/observatory.js';
import type { ImportedLayer, ImportedSource } from '../../../shared/observatory-evaluation.js';
import { CELL_METRES } from '../../hotspots/grid.js';
import type { ImportedRecordRow } from '../../storage/imports.js';
import { evaluationMeta } from '../evaluation-meta.js';
import { dayNumber, localClock } from '../local-time.js';
import { regionCellOf, type StudyRegion } from '../stats/region.js';

/**
 * An import as a map layer: its records counted per cell of the observatory's grid (never a
 * point), over [from, to] and optionally one area. Undated records (a file without a date
 * column: an inventory, a census of places) describe the whole declared period and are always
 * counted. Records in a cell outside the study region (the grid masked to the city) are left
 * out, as every observatory figure leaves them out; `meta.n` counts what the cells hold.
 */
export function importedLayer(
  source: ImportedSource,
  records: readonly ImportedRecordRow[],
  q: {
    from: string;
    to: string;
    areaId: string | null;
    region: StudyRegion;
    timeZone: string;
    now: Date;
  },
): ImportedLayer {
  const clock = localClock(q.timeZone);
  const fromDay = dayNumber(q.from);
  const toDay = dayNumber(q.to);
  const counts = new Map<number, number>();
  let n = 0;
  for (const r of records) {
    if (q.areaId && r.areaId !== q.areaId) continue;
    if (r.at) {
      const d = clock(Date.parse(r.at)).day;
      if (d < fromDay || d > toDay) continue;
    }
    const i = regionCellOf(q.region, r);
    if (i < 0) continue;
    counts.set(i, (counts.get(i) ?? 0) + 1);
    n++;
  }
  const cells: (CellShape & { count: number })[] = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([i, count]) => ({ ...q.region.cells[i]!, count }));
  return {
    meta: evaluationMeta({
      sources: ['imported'],
      filter: { from: q.from, to: q.to },
      n,
      method: 'imported_records',
      now: q.now,
    }),
    source,
    cellMetres: CELL_METRES,
    cells,
  };
}
