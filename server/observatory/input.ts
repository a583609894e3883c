import type { DataSource, IncidentType, ObservatoryFilter } from '../../shared/observatory.js';
import type { StudyRegion } from './stats/region.js';

/**
 * One incident as every analysis reads it: already filtered to what the observatory may count
 * (verified, non-silent alerts and officers' records; `server/observatory/dataset.ts`), with
 * its local calendar parts computed once in the city's time zone.
 */
export interface Incident {
  source: DataSource;
  type: IncidentType;
  /** epoch milliseconds */
  at: number;
  /** local calendar day in the city: days since 1970-01-01 */
  day: number;
  /** local hour 0–23 */
  hour: number;
  /** local weekday, 0 = Monday … 6 = Sunday */
  weekday: number;
  lat: number;
  lng: number;
  /** the area holding the point, null outside every area */
  areaId: string | null;
}

/** Everything an analysis needs: plain data, so it can cross to a worker thread. */
export interface ObservatoryInput {
  filter: ObservatoryFilter;
  /** the filter's dates as local day numbers (days since 1970-01-01), both ends included */
  fromDay: number;
  toDay: number;
  region: StudyRegion;
  /**
   * every incident of the filter's type the dataset holds, any date and any area: each analysis
   * applies the period and the area itself (hot spots compare a cell with the whole city, then
   * report the chosen area's cells; hours and trends count the area's incidents only)
   */
  incidents: Incident[];
  /** the first local day the records cover (the earliest incident of any type), for "a year earlier" */
  dataFromDay: number;
  /** registered households (active residents' homes) per study-region cell index */
  households: Int32Array;
  /** harm weight per incident type (city configuration, documented default) */
  harm: Record<IncidentType, number>;
  /** [weekday 0 = Monday][hour]: whether the fixed-point programme plans visits then */
  programme: boolean[][];
  /** ISO instant of the computation, printed in `meta.computedAt` */
  now: string;
  /**
   * per study-region cell, 1 where a record of an imported incident source falls in the
   * filter's period: it adds `imported` to the cell's sources, and counts in no statistic
   */
  importedCells?: Uint8Array;
}
