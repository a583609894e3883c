import type { EmergingCell, EmergingResult } from '../../../shared/observatory.js';
import type { Incident, ObservatoryInput } from '../input.js';
import { emergingCube } from '../stats/emerging.js';
import { regionCellOf } from '../stats/region.js';
import { dayToIso, mondayOf } from './days.js';
import { figureMeta } from './meta.js';

/**
 * Emerging hot spots over the filter's period (method in `stats/emerging.ts`). The slices are
 * the whole local weeks, Monday to Sunday, inside the period: a part-week at either end is left
 * out, so every slice covers seven days, above all the final one that decides new, consecutive
 * and sporadic. The cube is the whole study region (a cell is compared with the whole city);
 * with `filter.areaId` only that area's cells are reported. `meta.n` counts the incidents that
 * entered the cube (in a whole week of the period and inside the study region).
 */
export function analyseEmerging(input: ObservatoryInput): EmergingResult {
  const { region } = input;
  const first =
    mondayOf(input.fromDay) === input.fromDay ? input.fromDay : mondayOf(input.fromDay) + 7;
  const weeks = Math.max(0, Math.floor((input.toDay - first + 1) / 7));
  const end = first + weeks * 7; // exclusive
  const slices = Array.from({ length: weeks }, () => new Float64Array(region.cells.length));
  const counted: Incident[] = [];
  for (const incident of input.incidents) {
    if (incident.day < first || incident.day >= end) continue;
    const cell = regionCellOf(region, incident);
    if (cell < 0) continue;
    slices[Math.floor((incident.day - first) / 7)]![cell]! += 1;
    counted.push(incident);
  }
  const area = input.filter.areaId;
  const cells: EmergingCell[] = [];
  for (const stats of emergingCube(slices, region.neighbours)) {
    const shape = region.cells[stats.index]!;
    if (area && shape.areaId !== area) continue;
    cells.push({
      ...shape,
      kind: stats.kind,
      pattern: stats.pattern,
      trend: { tau: stats.trend.tau, z: stats.trend.z, p: stats.trend.p },
      hotSlices: stats.hotSlices,
      coldSlices: stats.coldSlices,
    });
  }
  return {
    meta: figureMeta(input, 'emerging_gi_star_mann_kendall', counted),
    slices: Array.from({ length: weeks }, (_, t) => dayToIso(first + 7 * t)),
    studyCells: region.cells.length,
    cells,
  };
}
