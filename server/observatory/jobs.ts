import type {
  EmergingResult,
  HotspotLayer,
  HotspotResult,
  HourWeekResult,
  ObservatoryFilter,
  TrendResult,
} from '../../shared/observatory.js';
import { analyseEmerging } from './analyses/emerging.js';
import { analyseHotspots } from './analyses/hotspots.js';
import { analyseHours } from './analyses/hours.js';
import { analyseTrends } from './analyses/trends.js';
import type { Dataset } from './dataset.js';

export const ANALYSES = ['hotspots', 'emerging', 'hours', 'trends'] as const;
export type Analysis = (typeof ANALYSES)[number];

/** What each analysis answers. */
export interface AnalysisResults {
  hotspots: HotspotResult;
  emerging: EmergingResult;
  hours: HourWeekResult;
  trends: TrendResult;
}

/** One computation the analysis thread is asked for: plain data both ways. */
export interface AnalysisJob<A extends Analysis = Analysis> {
  analysis: A;
  filter: ObservatoryFilter;
  /** the hot-spot layer; the other analyses ignore it */
  layer: HotspotLayer;
  /** the data version the answer must reflect (see Dataset.input) */
  version: string;
  /** ISO instant printed as the figure's `computedAt` */
  now: string;
}

/**
 * Runs one job. The permutations' seed is fixed, so the same data and filter give the same
 * figure byte for byte (the privacy tests compare bytes).
 */
export function runJob<A extends Analysis>(
  dataset: Dataset,
  job: AnalysisJob<A>,
): AnalysisResults[A] {
  const input = dataset.input(job.filter, job.now, job.version);
  const results: { [K in Analysis]: () => AnalysisResults[K] } = {
    hotspots: () => analyseHotspots(input, { layer: job.layer, seed: 1 }),
    emerging: () => analyseEmerging(input),
    hours: () => analyseHours(input),
    trends: () => analyseTrends(input),
  };
  return results[job.analysis]();
}
