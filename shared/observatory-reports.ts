/**
 * The reports' wire shapes: the month's report for the mayor, the week's for the
 * inter-institutional meeting (`GET /api/observatory/reports/month/:month`, `…/week/:monday`),
 * and the parts the public neighbourhood page adds to `PublicAreaMonth`. Each part carries its
 * meta (source, period, n, method). Never here: a requester, a request's description, reply or
 * photo (requests are counted by category and status only), a silent alert, a point.
 */
import type {
  EmergingResult,
  FigureMeta,
  HotspotResult,
  HourWeekResult,
  IncidentType,
  TrendResult,
} from './observatory.js';
import type {
  DosageResult,
  EvaluationMeta,
  PerceptionResult,
  ReportSources,
  ResponseResult,
} from './observatory-evaluation.js';
import type { RequestCategory } from './types.js';

/** The methods printed under the reports' own tables (i18n `obs.method.*`). */
export type ReportMethodKey = 'type_week_counts' | 'request_counts';
/** Request counts name their own source: neighbour requests are no incident source. */
export type ReportSource = FigureMeta['sources'][number] | 'requests';
export type ReportMeta = Omit<FigureMeta, 'method' | 'sources'> & {
  method: ReportMethodKey;
  sources: ReportSource[];
};

/** The neighbour request statuses (sync/policy's `REQUEST_STATUSES`), as the reports count them. */
export type ReportRequestStatus =
  'open' | 'acknowledged' | 'in_progress' | 'closed' | 'duplicate' | 'not_our_responsibility';

/** Neighbour requests counted by category and status; withdrawn ones left out. */
export interface RequestTally {
  meta: ReportMeta;
  rows: { category: RequestCategory; status: ReportRequestStatus; count: number }[];
  /** requests the centre answered: a status past `open` or a reply to the requester */
  answered: number;
}

/** Incidents of each type in the period, and the average of the four weeks before (weekly report). */
export interface TypeCounts {
  meta: ReportMeta;
  rows: { type: IncidentType; count: number; average: number | null }[];
}

/** The thresholds the colophon names: the public pages' minimum and perception's. */
export interface ReportPrivacy {
  minCellCount: number;
  minAnswers: number;
}

export interface MonthReport {
  month: string;
  /** the days counted: the whole month, or up to yesterday while it runs */
  from: string;
  to: string;
  complete: boolean;
  /** this month; `change` compares it with the same dates a year earlier */
  trends: TrendResult;
  /** the month before, same filter */
  previous: { from: string; to: string; n: number };
  hotspots: HotspotResult;
  hours: HourWeekResult;
  response: ResponseResult;
  dosage: DosageResult;
  perception: PerceptionResult;
  sources: ReportSources;
  privacy: ReportPrivacy;
}

export interface WeekReport {
  /** the Monday the week starts on */
  week: string;
  from: string;
  to: string;
  complete: boolean;
  types: TypeCounts;
  /** the twelve weeks up to this one; only hot cells whose pattern is new or consecutive */
  emerging: EmergingResult;
  response: ResponseResult;
  dosage: DosageResult;
  /** requests open now (not closed, not withdrawn), by category */
  requests: RequestTally;
  sources: ReportSources;
  privacy: ReportPrivacy;
}

// ── The public page's additions (no sign-in; counts under the city's minimum are null) ────

export interface PublicTypeCounts {
  meta: ReportMeta;
  rows: { type: IncidentType; count: number | null }[];
}

export interface PublicWeekCounts {
  meta: ReportMeta;
  /** the Monday each week starts on (the first and last may be partial weeks of the month) */
  rows: { start: string; count: number | null }[];
}

/**
 * The area's response times: received → on scene for resolved alerts, shown only when at
 * least the city's minimum of alerts reached the scene (`shown: false` then, no numbers).
 */
export type PublicResponse = { meta: EvaluationMeta; targetMinutes: number } & (
  | { shown: true; alerts: number; medianSeconds: number | null; within: number; share: number }
  | { shown: false }
);

export interface PublicRequests {
  meta: ReportMeta;
  byCategory: { category: RequestCategory; count: number | null }[];
  byStatus: { status: ReportRequestStatus; count: number | null }[];
  /** the share answered, only with at least the minimum of requests */
  answered: { count: number; share: number } | null;
}
