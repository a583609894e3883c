import type { DataSource, HotspotLayer } from '../../../shared/observatory.js';
import type { Incident, ObservatoryInput } from '../input.js';
import { regionCellOf, restrictNeighbours } from '../stats/region.js';

/**
 * A cell needs at least this many registered households to carry a rate: below it one
 * incident swings the rate by a fifth of a household or more, and a cell with a single home
 * would be that home. Such cells are left out of the rate layer's study region.
 */
export const MIN_HOUSEHOLDS_FOR_RATE = 5;

const SOURCE_BITS: Record<DataSource, number> = { alerts: 1, imported: 2, patrol: 4 };
const SOURCES = Object.keys(SOURCE_BITS).sort() as DataSource[];
export const IMPORTED_BIT = SOURCE_BITS.imported;

/** What the period's incidents add up to in each study-region cell. */
export interface CellTally {
  counts: Int32Array;
  harm: Float64Array;
  /** bit set of the sources seen in the cell */
  sources: Uint8Array;
  /** region cell of each incident passed in, −1 outside the region */
  cellOfIncident: Int32Array;
}

export function tallyCells(input: ObservatoryInput, incidents: readonly Incident[]): CellTally {
  const n = input.region.cells.length;
  const tally: CellTally = {
    counts: new Int32Array(n),
    harm: new Float64Array(n),
    sources: new Uint8Array(n),
    cellOfIncident: new Int32Array(incidents.length),
  };
  incidents.forEach((incident, k) => {
    const i = regionCellOf(input.region, incident);
    tally.cellOfIncident[k] = i;
    if (i < 0) return;
    tally.counts[i]! += 1;
    tally.harm[i]! += input.harm[incident.type] ?? 0;
    tally.sources[i]! |= SOURCE_BITS[incident.source];
  });
  return tally;
}

export function sourcesOf(bits: number): DataSource[] {
  return SOURCES.filter((s) => bits & SOURCE_BITS[s]);
}

/**
 * A layer's values over its study region: every cell of the city's region for counts and
 * harm; for the rate, the cells with enough households (`members[k]` is the region cell of
 * layer cell k; neighbours are restricted to the layer's cells).
 */
export interface LayerValues {
  members: Int32Array;
  neighbours: Int32Array[];
  values: Float64Array;
  /** region cells the layer leaves out */
  masked: Uint8Array;
}

export function layerValues(
  layer: HotspotLayer,
  input: ObservatoryInput,
  tally: CellTally,
): LayerValues {
  const n = input.region.cells.length;
  if (layer !== 'rate') {
    return {
      members: Int32Array.from({ length: n }, (_, i) => i),
      neighbours: input.region.neighbours,
      values: layer === 'count' ? Float64Array.from(tally.counts) : Float64Array.from(tally.harm),
      masked: new Uint8Array(n),
    };
  }
  const households = (i: number) => input.households[i] ?? 0;
  const keep = Array.from({ length: n }, (_, i) => households(i) >= MIN_HOUSEHOLDS_FOR_RATE);
  const sub = restrictNeighbours(input.region.neighbours, keep);
  return {
    members: sub.members,
    neighbours: sub.neighbours,
    values: Float64Array.from(sub.members, (i) => tally.counts[i]! / households(i)),
    masked: Uint8Array.from(keep, (k) => (k ? 0 : 1)),
  };
}
