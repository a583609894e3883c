/**
 * The observatory's figures as the server sends them and the client draws them (DESIGN §2:
 * aggregates only). One definition for both sides; the analyses that fill these shapes live in
 * `server/observatory/`. Every figure carries its `meta`: what was counted, from which
 * sources, over which period, how many incidents, by which method, and what was suppressed.
 *
 * Never here: a reporter, a point (cells are sent as their square and centroid), a silent
 * alert outside `SilentCounts`.
 */
import type { AlertTypeCode } from './types.js';
import type {
  PublicRequests,
  PublicResponse,
  PublicTypeCounts,
  PublicWeekCounts,
} from './observatory-reports.js';

/** Who may read the observatory's staff views. */
export const OBSERVATORY_ROLES = ['analyst', 'operator', 'admin'] as const;

/** Cells and hours with fewer incidents than this are hidden outside staff views (per city). */
export const DEFAULT_MIN_CELL_COUNT = 5;
/** Silent alerts are shown only as counts per area and month, and never below this. */
export const SILENT_MIN_COUNT = 5;

/** Where an incident was recorded. `imported` is reserved for outside sources. */
export type DataSource = 'alerts' | 'patrol' | 'imported';

/** An incident type the observatory counts: a non-silent alert type, or an officer's record. */
export type IncidentType = Exclude<AlertTypeCode, 'gender_violence'> | 'suspicious_activity';

/** What the analyst chose. Dates are local calendar days in the city, both ends included. */
export interface ObservatoryFilter {
  from: string;
  to: string;
  /** one type, or every type the observatory counts */
  type: IncidentType | 'all';
  /** one area, or the whole city */
  areaId: string | null;
}

/** Which analysis produced a figure; the client prints its description (i18n `obs.method.*`). */
export type MethodKey =
  | 'gi_star_permutation_fdr'
  | 'emerging_gi_star_mann_kendall'
  | 'hour_week_counts'
  | 'poisson_exact'
  | 'silent_counts';

/** Printed on every figure: source, period, n and method. */
export interface FigureMeta {
  sources: DataSource[];
  from: string;
  to: string;
  /** incidents counted in the figure (after the filter) */
  n: number;
  method: MethodKey;
  /** ISO instant the figure was computed */
  computedAt: string;
  /** the suppression threshold applied to this answer; 0 in staff views */
  suppressedBelow: number;
}

/** A cell of the analysis grid as sent: its square and its centroid, never points in it. */
export interface CellShape {
  /** `c<row>-<col>`, counted from the grid's south-west corner */
  id: string;
  /** the area (neighbourhood) holding the cell's centroid */
  areaId: string;
  centre: { lat: number; lng: number };
  /** [[south, west], [north, east]] */
  bounds: [[number, number], [number, number]];
}

// ── Hot spots ──────────────────────────────────────────────────────────────────────────────

/** count: verified incidents; rate: per registered household; harm: weighted by type. */
export const HOTSPOT_LAYERS = ['count', 'rate', 'harm'] as const;
export type HotspotLayer = (typeof HOTSPOT_LAYERS)[number];

/** Significance after false-discovery-rate control, hot (high values) or cold. */
export type HotspotClass = 'hot99' | 'hot95' | 'hot90' | 'none' | 'cold90' | 'cold95' | 'cold99';

export interface HotspotCell extends CellShape {
  /** the layer's value in the cell: incidents, incidents per household, or summed harm */
  value: number;
  /** incidents in the cell (null where suppressed) */
  count: number | null;
  /** Getis–Ord Gi* z-score */
  z: number;
  /** two-sided pseudo p-value from conditional permutations */
  p: number;
  /** Benjamini–Hochberg adjusted p-value */
  q: number;
  class: HotspotClass;
  /** the sources of the incidents in this cell */
  sources: DataSource[];
}

export interface HotspotResult {
  meta: FigureMeta;
  layer: HotspotLayer;
  cellMetres: number;
  /** cells of the study region (the grid masked to the city's areas) */
  studyCells: number;
  permutations: number;
  seed: number;
  /**
   * the cells whose smaller tail held fewer than 10 of the first `permutations` were tested
   * again with this many, and their p comes from that run (`cells` of them)
   */
  refined?: { permutations: number; cells: number };
  /** only cells with incidents or a significant class; the rest of the region is 0 / none */
  cells: HotspotCell[];
  /** cells left out of the rate layer: too few registered households to form a rate */
  maskedForRate?: number;
}

// ── Emerging hot spots ─────────────────────────────────────────────────────────────────────

export const EMERGING_PATTERNS = [
  'new',
  'consecutive',
  'intensifying',
  'persistent',
  'diminishing',
  'sporadic',
  'oscillating',
  'historical',
] as const;
export type EmergingPattern = (typeof EMERGING_PATTERNS)[number];

export interface EmergingCell extends CellShape {
  /** hot: the pattern of a hot spot; cold: its mirror for cold spots */
  kind: 'hot' | 'cold';
  pattern: EmergingPattern;
  /** Mann–Kendall on the cell's series of Gi* z-scores */
  trend: { tau: number; z: number; p: number };
  /** slices in which the cell was a significant hot / cold spot */
  hotSlices: number;
  coldSlices: number;
}

export interface EmergingResult {
  meta: FigureMeta;
  /** ISO local date (YYYY-MM-DD) each weekly slice starts on, oldest first */
  slices: string[];
  studyCells: number;
  /** only cells with a pattern */
  cells: EmergingCell[];
}

// ── Hour × weekday ─────────────────────────────────────────────────────────────────────────

/** [weekday 0 = Monday … 6 = Sunday][hour 0–23], local time; null where suppressed. */
export type HourWeekTable = (number | null)[][];

export interface HourWeekResult {
  meta: FigureMeta;
  counts: HourWeekTable;
  /**
   * the period of the same length just before; `complete` is false when the records start
   * after its first day, so its counts are not the whole period's (compare with care)
   */
  previous: { from: string; to: string; n: number; counts: HourWeekTable; complete?: boolean };
  /**
   * The coverage gap: incidents in hours when the fixed-point programme plans no visit.
   * `planned[weekday][hour]` says whether the programme plans visits in that hour.
   */
  coverage: { planned: boolean[][]; uncovered: number; share: number };
}

// ── Trends ─────────────────────────────────────────────────────────────────────────────────

export interface TrendPoint {
  /**
   * local date the week (Monday) or month (the 1st) starts; the first and last buckets may be
   * partial (starting before `meta.from` or ending after `meta.to`): they count the period's days
   */
  start: string;
  count: number;
  /** exact Poisson 95 % interval for the count */
  low: number;
  high: number;
  /** the same week/month a year earlier, when the data reach back that far */
  lastYear: number | null;
}

export interface TrendResult {
  meta: FigureMeta;
  weekly: TrendPoint[];
  monthly: TrendPoint[];
  /** the whole period against the same dates a year earlier: rate ratio with its 95 % interval */
  change: {
    /** incidents of the period counted in the comparison (without `excluded`'s sources) */
    current: number;
    lastYear: number | null;
    ratio: number | null;
    low: number | null;
    high: number | null;
    /**
     * sources first recorded after the comparison's first day, left out of both sides: a source
     * that did not exist a year earlier would read as a rise (with the date it began)
     */
    excluded?: { source: DataSource; since: string }[];
  };
}

// ── Silent alerts ──────────────────────────────────────────────────────────────────────────

/** Silent (gender-violence) alerts: counts per area and month only, null below SILENT_MIN_COUNT. */
export interface SilentCounts {
  meta: FigureMeta;
  rows: { areaId: string; month: string; count: number | null }[];
}

// ── The public page (no sign-in) ───────────────────────────────────────────────────────────

/** A cell as the public sees it: its square, its count and its class; never below the minimum. */
export interface PublicCell extends CellShape {
  count: number;
  class: HotspotClass;
}

/**
 * One area's month for residents (`GET /api/observatory/public/areas/:areaId/:month`): every
 * type but the silent one, hours and cells under the city's minimum hidden (`meta.suppressedBelow`).
 */
export interface PublicAreaMonth {
  areaId: string;
  /** YYYY-MM */
  month: string;
  hours: HourWeekResult;
  cells: { meta: FigureMeta; cellMetres: number; cells: PublicCell[] };
  /** incidents by type and by week (shapes in observatory-reports.ts) */
  types: PublicTypeCounts;
  weeks: PublicWeekCounts;
  /** received → on scene, only over at least the minimum of alerts */
  response: PublicResponse;
  /** neighbour requests of the area received in the month: counts only */
  requests: PublicRequests;
}
