/**
 * The observatory's second half, "did it work?": response times, patrol dosage, before / after
 * with displacement, the randomised plan mode, perception per place, other sources and the
 * reports. Wire shapes only (the server fills them in `server/observatory/<part>/`, the client
 * draws them in `client/views/observatory/`). Every figure carries `FigureMeta`: source,
 * period, n and method.
 *
 * Never here: a reporter, a silent alert (response times leave them out whoever asks), an
 * officer's name (units only), a conversation's note, a single answer (shares below
 * `MIN_ANSWERS` are withheld).
 */
import type { CellShape, DataSource, FigureMeta, IncidentType } from './observatory.js';
import type { ShiftId } from './plan.js';

/** The methods printed under these figures (i18n `obs.method.*`, added with each figure). */
export type EvaluationMethodKey =
  | 'response_quantiles'
  | 'dosage_checkins'
  | 'residual_deterrence'
  | 'wdd_wdq'
  | 'wilson_shares'
  | 'imported_records';

/** A figure of this half: `FigureMeta` with its own method keys. */
export type EvaluationMeta = Omit<FigureMeta, 'method'> & { method: EvaluationMethodKey };

export interface Interval {
  low: number;
  high: number;
}

/** A proportion x / n with its 95 % Wilson interval; withheld (`shown: false`) below the minimum. */
export type Share =
  | { shown: true; x: number; n: number; share: number; low: number; high: number }
  | { shown: false; x: number; n: number };

// ── Response times ─────────────────────────────────────────────────────────────────────────

/** Stages after `received`, in order; an interval is named by the stage it ends at. */
export const LATER_STAGES = [
  'acknowledged',
  'dispatched',
  'accepted',
  'on_scene',
  'closed',
] as const;
export type LaterStage = (typeof LATER_STAGES)[number];
export type ResponseOutcome = 'resolved' | 'false_alarm' | 'cancelled' | 'open';
export type ResponseGrouping = 'area' | 'type' | 'shift' | 'unit' | 'week';

/** Seconds: how many alerts reached the stage, their median and 90th percentile (R type 7). */
export interface Spread {
  n: number;
  median: number | null;
  p90: number | null;
}

/** One outcome's alerts (server/observatory/evaluation/response-summary.ts computes it). */
export interface OutcomeSummary {
  alerts: number;
  reopened: number;
  /** alerts with a stage moved up to the one before it (phone clocks) */
  adjusted: number;
  /** median and 90th percentile (R type 7), in seconds, over the alerts that reached the stage */
  fromReceived: Record<LaterStage, Spread>;
  intervals: Record<LaterStage, Spread>;
  /**
   * received → on scene within the target: `within` of the `reached` alerts that have an on-scene
   * stamp, with its 95 % Wilson interval; the alerts closed without anyone on scene (handled by
   * phone) are not in the denominator and are counted in `notOnScene`
   */
  target: {
    seconds: number;
    reached: number;
    within: number;
    share: number | null;
    interval: Interval | null;
    notOnScene: number;
  };
}

/** Each outcome apart: the medians a city is judged by are `resolved`'s. */
export type ResponseSummary = Record<ResponseOutcome, OutcomeSummary>;

/** `GET /api/observatory/response?…&by=area|type|shift|unit|week` */
export interface ResponseResult {
  meta: EvaluationMeta;
  /** the city's target, minutes (`city.observatory.responseTargetMinutes`, default 7) */
  targetMinutes: number;
  total: ResponseSummary;
  by: ResponseGrouping;
  groups: { key: string; summary: ResponseSummary }[];
  /** units' labels by id (the client's city has areas, not units): group keys of `by: 'unit'` */
  unitLabels?: Record<string, string>;
}

// ── Patrol dosage ──────────────────────────────────────────────────────────────────────────

export interface VisitCount {
  planned: number;
  done: number;
  share: number | null;
}

export interface DwellSummary {
  stays: number;
  unclosed: number;
  median: number | null;
  p10: number | null;
  p90: number | null;
  short: number;
  inBand: number;
  long: number;
  share: number | null;
  interval: Interval | null;
  histogram: { from: number; to: number | null; count: number }[];
}

export interface RateCell {
  incidents: number;
  hours: number;
  rate: number | null;
}

export interface ResidualCurve {
  radiusMetres: number;
  points: number;
  stays: number;
  during: RateCell;
  bins: (RateCell & {
    fromMinute: number;
    toMinute: number;
    ratio: (Interval & { ratio: number }) | null;
  })[];
  other: RateCell;
}

/** `GET /api/observatory/dosage?…`: planned versus done, dwell times, residual deterrence. */
export interface DosageResult {
  meta: EvaluationMeta;
  byUnit: (VisitCount & { unitId: string; label: string })[];
  byShift: (VisitCount & { shift: ShiftId })[];
  total: VisitCount;
  unplannedStays: number;
  /** the band hot-spot research recommends, minutes (10–16), and the plan's dwell (14) */
  band: { min: number; max: number; planned: number };
  dwell: DwellSummary;
  residual: ResidualCurve;
}

// ── Before / after with displacement ───────────────────────────────────────────────────────

export interface BeforeAfter {
  before: number;
  after: number;
}

/** How the treated cells are chosen. */
export type TreatedChoice =
  /** the cells that were fixed points of the plans since the intervention date */
  | { kind: 'plan' }
  /** the treatment arm of a randomised trial (its control arm is then the control) */
  | { kind: 'trial'; trialId: string }
  /** cells the analyst drew or picked on the map */
  | { kind: 'cells'; cells: string[] };

/** `POST /api/observatory/evaluation` body (a read: POST only because the cell lists are long). */
export interface EvaluationRequest {
  /** local date the intervention started (YYYY-MM-DD); before and after are equally long */
  interventionDate: string;
  /** days in each period (default: from the intervention to yesterday, at most 365) */
  days?: number;
  type: IncidentType | 'all';
  treated: TreatedChoice;
  /** catchment ring around the treated cells, metres (city default 150–300) */
  ring?: { inner: number; outer: number };
  /** control cells: chosen by the analyst, or automatically (similar before-counts, away from the ring) */
  control: { kind: 'auto' } | { kind: 'cells'; cells: string[] };
}

export type ChangeReading = 'reduction' | 'increase' | 'no_clear_change';
export type SpillReading = 'diffusion' | 'displacement' | 'no_clear_change';
export type WdqReading =
  | 'not_computable'
  | 'no_success'
  | 'diffusion_exceeds_direct'
  | 'diffusion'
  | 'no_displacement'
  | 'displacement'
  | 'displacement_erases';

export interface WddPart {
  estimate: number;
  se: number;
  z: number | null;
  p: number | null;
  low: number;
  high: number;
}

export interface EvaluationResult {
  meta: EvaluationMeta;
  interventionDate: string;
  before: { from: string; to: string };
  after: { from: string; to: string };
  ring: { inner: number; outer: number };
  cellMetres: number;
  /** each set's cells (squares, never points) and its counts */
  treated: { cells: CellShape[]; counts: BeforeAfter };
  buffer: { cells: CellShape[]; counts: BeforeAfter };
  control: { cells: CellShape[]; counts: BeforeAfter; how: 'auto' | 'cells' | 'trial' };
  /** the buffer's own control: the control cells' ring, when it can be formed */
  bufferControl: { cells: CellShape[]; counts: BeforeAfter } | null;
  wdd: {
    local: WddPart & { reading: ChangeReading };
    buffer: WddPart & { reading: SpillReading };
    total: WddPart & { reading: ChangeReading };
  };
  wdq: {
    success: number | null;
    bufferMeasure: number | null;
    wdq: number | null;
    totalNetEffect: number | null;
    reading: WdqReading;
  };
  /** plain warnings the client prints (few incidents, overlapping sets, a period cut short…) */
  warnings: (
    | 'few_incidents'
    | 'short_after'
    | 'control_overlaps'
    | 'no_plan_points'
    /** the control holds under THIN_CONTROL incidents in a period: its ratios (the WDQ) are noisy */
    | 'thin_control'
  )[];
}

// ── Randomised plan mode ───────────────────────────────────────────────────────────────────

/** A trial: eligible hot cells of each quadrant assigned to treatment or control at random. */
export interface Trial {
  id: string;
  /** the seed the assignment was drawn with (recorded, so anyone can redraw it) */
  seed: number;
  startedAt: string;
  startedBy: string;
  /** local date the next plans first follow it */
  startsOn: string;
  endedAt: string | null;
  endedBy: string | null;
  /** eligible cells per unit, each with its arm */
  cells: { cellId: string; unitId: string; arm: 'treatment' | 'control' }[];
}

// ── Perception ─────────────────────────────────────────────────────────────────────────────

/** `GET /api/observatory/perception?…`: officers' conversations, per question, cell and area. */
export interface PerceptionResult {
  meta: EvaluationMeta;
  minAnswers: number;
  cellMetres: number;
  questions: {
    question: string;
    /** the whole filter (city or area) */
    total: Record<'yes' | 'no' | 'unsure', Share>;
    areas: { areaId: string; answers: number; shares: Record<'yes' | 'no' | 'unsure', Share> }[];
    cells: (CellShape & { answers: number; shares: Record<'yes' | 'no' | 'unsure', Share> })[];
  }[];
  /**
   * Perception against incidents, per area with enough answers: the share answering "no" to
   * feeling safe at night, and incidents per 1,000 households; the quadrant is cut at the city's
   * medians of both
   */
  quadrant: {
    areaId: string;
    unsafe: Share;
    incidents: number;
    rate: number | null;
    kind: 'unsafe_many' | 'unsafe_few' | 'safe_many' | 'safe_few';
  }[];
}

// ── Other sources ──────────────────────────────────────────────────────────────────────────

export type ImportKind = 'incidents' | 'context';
export type SpatialPrecision = 'exact' | 'block' | 'area';

/** What an analyst says of an import; stored with it and printed wherever it is used. */
export interface ImportProvenance {
  name: string;
  /** who produced the data (e.g. "911 Mendoza", "Ministerio de Salud") */
  provider: string;
  licence: string;
  /** local dates the data cover */
  from: string;
  to: string;
  precision: SpatialPrecision;
  kind: ImportKind;
}

export interface ImportedSource extends ImportProvenance {
  id: string;
  importedAt: string;
  importedBy: string;
  format: 'csv' | 'geojson';
  records: number;
}

/** Why a row (or the whole file, line 0 / 1) was refused; the client words it (`obs.sources.reason.*`). */
export type ImportRowReason =
  | 'empty_file'
  | 'no_records'
  | 'missing_column'
  | 'unclosed_quote'
  | 'not_geojson'
  | 'not_point'
  | 'no_coordinates'
  | 'bad_number'
  | 'outside_city'
  | 'no_date'
  | 'bad_date'
  | 'outside_period';

/**
 * A rejected import: nothing was stored; each bad row with its line (CSV, the header is line 1)
 * or feature index (GeoJSON, from 0), the first `rows.length` of `total`.
 */
export interface ImportRejection {
  code: 'bad_rows';
  unit: 'line' | 'feature';
  rows: { line: number; message: string; reason: ImportRowReason; column?: string }[];
  /** every bad row, also those past the list's cap */
  total: number;
}

/** One imported layer for the map: aggregated to cells (never the raw points outside staff). */
export interface ImportedLayer {
  meta: EvaluationMeta;
  source: ImportedSource;
  cellMetres: number;
  cells: (CellShape & { count: number })[];
}

// ── Reports ────────────────────────────────────────────────────────────────────────────────

/** The sources a report names, for its colophon. */
export interface ReportSources {
  sources: DataSource[];
  imported: ImportedSource[];
}
