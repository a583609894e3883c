import { CITY_TIME_ZONE } from '../../../shared/i18n/core.js';
import type { DataSource } from '../../../shared/observatory.js';
import type {
  BeforeAfter,
  EvaluationRequest,
  EvaluationResult,
} from '../../../shared/observatory-evaluation.js';
import { CELL_METRES } from '../../hotspots/grid.js';
import { ApiError } from '../../http/errors.js';
import type { Services } from '../../services.js';
import { wdd, wdq } from '../evaluation/displacement.js';
import { evaluationMeta } from '../evaluation-meta.js';
import { dayNumber, isoDay, localClock } from '../local-time.js';
import { regionCellOf, type StudyRegion } from '../stats/region.js';
import type { IncidentReader } from './counts.js';
import { FEW_INCIDENTS, MAX_PERIOD_DAYS, SHORT_AFTER_DAYS, THIN_CONTROL } from './input.js';
import { evaluationSets } from './sets.js';

const DAY_MS = 86_400_000;
/** The automatic control is matched on counts of this many days before the before period. */
export const MATCHING_DAYS = 365;

/** Before and after: equally long, the after from the intervention to yesterday at most. */
export function periods(
  interventionDate: string,
  days: number | undefined,
  today: number,
): { start: number; n: number } {
  const start = dayNumber(interventionDate);
  if (!Number.isFinite(start))
    throw new ApiError(400, 'bad_request', 'Not a calendar date.', 'interventionDate');
  const available = today - start;
  if (available < 1)
    throw new ApiError(
      400,
      'bad_request',
      'The intervention date must be before today: the after period needs at least one day.',
      'interventionDate',
    );
  return { start, n: Math.min(days ?? available, available, MAX_PERIOD_DAYS) };
}

/**
 * One before / after with displacement (the rules are in sets.ts and docs/ARCHITECTURE.md):
 * the treated cells (the plans' fixed points since the intervention, a trial's treatment arm, or
 * the analyst's cells), their catchment ring, a control and the control's ring, counted in the
 * observatory's dataset over two periods of equal length, then the WDD with its z-test and the
 * WDQ. Reads and counts only; a request for something that does not exist is a 4xx.
 */
export function evaluate(
  s: Pick<Services, 'storage' | 'city'>,
  reader: IncidentReader,
  req: EvaluationRequest,
  now: Date,
): EvaluationResult {
  const clock = localClock(CITY_TIME_ZONE);
  const { start, n } = periods(req.interventionDate, req.days, clock(now.getTime()).day);
  const region = reader.region;
  const byId = new Map(region.cells.map((c, i) => [c.id, i]));
  const ring = req.ring ?? s.city.observatory.catchment;
  const warnings: EvaluationResult['warnings'] = [];

  const known = (ids: readonly string[], field: string): number[] =>
    ids.map((id) => {
      const i = byId.get(id);
      if (i === undefined)
        throw new ApiError(400, 'bad_request', `${id} is not a cell of the city's grid.`, field);
      return i;
    });

  let treated: number[];
  let occasional: number[] = [];
  let control: number[] | null = null;
  let how: EvaluationResult['control']['how'] = req.control.kind;
  if (req.treated.kind === 'plan') {
    ({ treated, occasional } = planCells(s, region, byId, start, n, clock));
    if (treated.length === 0) warnings.push('no_plan_points');
  } else if (req.treated.kind === 'trial') {
    const trial = s.storage.trials.get(req.treated.trialId);
    if (!trial) throw new ApiError(404, 'not_found', 'No such trial.', 'treated.trialId');
    const arm = (a: 'treatment' | 'control') =>
      trial.cells.flatMap((c) => (c.arm === a && byId.has(c.cellId) ? [byId.get(c.cellId)!] : []));
    treated = arm('treatment');
    control = arm('control');
    how = 'trial';
  } else {
    treated = known(req.treated.cells, 'treated.cells');
  }
  // An analyst's own control wins over the trial's arm: they asked for it.
  if (req.control.kind === 'cells') {
    control = known(req.control.cells, 'control.cells');
    how = 'cells';
  }

  const before = new Int32Array(region.cells.length);
  const after = new Int32Array(region.cells.length);
  const matching = new Int32Array(region.cells.length);
  for (const i of reader.incidents(req.type)) {
    if (i.cell < 0) continue;
    if (i.day >= start - n - MATCHING_DAYS && i.day < start - n) matching[i.cell]! += 1;
    else if (i.day >= start - n && i.day < start) before[i.cell]! += 1;
    else if (i.day >= start && i.day < start + n) after[i.cell]! += 1;
  }
  const sets = evaluationSets(region, CELL_METRES, {
    treated,
    ring,
    control,
    // Matched on the year before the compared periods, not on the before period itself: a
    // cell picked for a chance peak before would fall back after (regression to the mean) and
    // flatter the control's trend.
    basis: matching.some((x) => x > 0) ? matching : before,
    occasional,
  });
  if (sets.controlOverlaps) warnings.push('control_overlaps');
  const count = (cells: readonly number[]): BeforeAfter => ({
    before: cells.reduce((a, i) => a + before[i]!, 0),
    after: cells.reduce((a, i) => a + after[i]!, 0),
  });
  const shapes = (cells: readonly number[]) => cells.map((i) => region.cells[i]!);
  const t = count(sets.treated);
  const b = count(sets.buffer);
  const c = count(sets.control);
  const bc = sets.bufferControl.length > 0 ? count(sets.bufferControl) : null;
  if (t.before + t.after < FEW_INCIDENTS) warnings.push('few_incidents');
  if (n < SHORT_AFTER_DAYS) warnings.push('short_after');
  if (Math.min(c.before, c.after) < THIN_CONTROL) warnings.push('thin_control');

  const sources: DataSource[] =
    req.type === 'all'
      ? ['alerts', 'patrol']
      : req.type === 'suspicious_activity'
        ? ['patrol']
        : ['alerts'];
  const total = [t, b, c, bc ?? { before: 0, after: 0 }].reduce(
    (a, x) => a + x.before + x.after,
    0,
  );
  return {
    meta: evaluationMeta({
      sources,
      filter: { from: isoDay(start - n), to: isoDay(start + n - 1) },
      n: total,
      method: 'wdd_wdq',
      now,
    }),
    interventionDate: isoDay(start),
    before: { from: isoDay(start - n), to: isoDay(start - 1) },
    after: { from: isoDay(start), to: isoDay(start + n - 1) },
    ring: { inner: ring.inner, outer: ring.outer },
    cellMetres: CELL_METRES,
    treated: { cells: shapes(sets.treated), counts: t },
    buffer: { cells: shapes(sets.buffer), counts: b },
    control: { cells: shapes(sets.control), counts: c, how },
    bufferControl: bc ? { cells: shapes(sets.bufferControl), counts: bc } : null,
    wdd: wdd({ treated: t, control: c, buffer: b, ...(bc ? { bufferControl: bc } : {}) }),
    wdq: wdq({ treated: t, buffer: b, control: c }),
    warnings,
  };
}

/** A cell is treated when it was a fixed point in at least this share of its unit's plans. */
export const REGULAR_POINT_SHARE = 0.25;

/**
 * The cells that were fixed points of the plans whose shift started in the after period. The
 * treated ones are the regular points: in at least REGULAR_POINT_SHARE of their unit's plans
 * (a point of every night shift is in a third of them; a quiet quadrant's ranking shifts from
 * one shift to the next and its points rotate through many cells, each visited now and then); the others got some patrol and are kept out of the
 * control (`occasional`). A point is a hot-spot cell (the same grid and ids as the study
 * region's); a quiet quadrant's fallback point (an area's centre) is placed by its position.
 */
export function planCells(
  s: Pick<Services, 'storage'>,
  region: StudyRegion,
  byId: ReadonlyMap<string, number>,
  start: number,
  n: number,
  clock: ReturnType<typeof localClock>,
): { treated: number[]; occasional: number[] } {
  // A day's margin on both sides, then the exact local days.
  const from = new Date((start - 1) * DAY_MS).toISOString();
  const to = new Date((start + n + 1) * DAY_MS).toISOString();
  const plansOf = new Map<string, number>();
  const pointOf = new Map<string, Map<number, number>>();
  for (const plan of s.storage.planLog.between(from, to)) {
    const day = clock(Date.parse(plan.start)).day;
    if (day < start || day >= start + n) continue;
    plansOf.set(plan.unitId, (plansOf.get(plan.unitId) ?? 0) + 1);
    const cells = pointOf.get(plan.unitId) ?? new Map<number, number>();
    pointOf.set(plan.unitId, cells);
    const seen = new Set<number>();
    for (const p of plan.points) {
      const i = byId.get(p.id) ?? regionCellOf(region, p);
      if (i < 0 || seen.has(i)) continue;
      seen.add(i);
      cells.set(i, (cells.get(i) ?? 0) + 1);
    }
  }
  const treated = new Set<number>();
  const occasional = new Set<number>();
  for (const [unit, cells] of pointOf) {
    const plans = plansOf.get(unit) ?? 1;
    for (const [i, k] of cells) (k / plans >= REGULAR_POINT_SHARE ? treated : occasional).add(i);
  }
  for (const i of treated) occasional.delete(i);
  const sorted = (xs: Set<number>) => [...xs].sort((a, b) => a - b);
  return { treated: sorted(treated), occasional: sorted(occasional) };
}
