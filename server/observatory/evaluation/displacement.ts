import { twoSidedP } from '../stats/normal.js';
import { Z_95 } from './wilson.js';

/**
 * Before / after with displacement: the Weighted Displacement Difference (Wheeler & Ratcliffe
 * 2018, Crime Science 7:11) with its z-test, and the Weighted Displacement Quotient (Bowers &
 * Johnson 2003, J. Quantitative Criminology 19:275) with its success and buffer displacement
 * measures, read out as Guerette (2009, POP tool guide 10, appendix C) tabulates them.
 */

/** Incidents in one area before and after the intervention date (periods of equal length). */
export interface BeforeAfter {
  before: number;
  after: number;
}

/** Two-sided level of every WDD read-out: |z| ≥ 1.96 (the paper's 95 % intervals). */
export const WDD_ALPHA = 0.05;

/** What the counts say, in words the client prints. */
export type ChangeReading = 'reduction' | 'increase' | 'no_clear_change';
export type SpillReading = 'diffusion' | 'displacement' | 'no_clear_change';

/** One difference-in-differences with its Poisson standard error. */
export interface WddPart {
  estimate: number;
  se: number;
  /** null when every count is 0 (no variance, nothing to test) */
  z: number | null;
  p: number | null;
  low: number;
  high: number;
}

export interface WddResult {
  /** ΔT − ΔCt: the change in the treated cells beyond their controls' */
  local: WddPart & { reading: ChangeReading };
  /** ΔD − ΔCd: the change in the catchment ring beyond its controls' */
  buffer: WddPart & { reading: SpillReading };
  /** the WDD itself, local + buffer: crimes prevented (negative) or added, net */
  total: WddPart & { reading: ChangeReading };
}

const NONE: BeforeAfter = { before: 0, after: 0 };

/**
 * Weights for unequal periods or areas (Wheeler's extensions, as the authors' R package ptools
 * `wdd(time_weights, area_weights)`): each count is divided by its period's length and its
 * area's size (in any unit, e.g. months and cells), so the WDD is a change in incidents per unit
 * of time and area; a count's variance is divided by the square of its weight. With every weight
 * 1 (the default) the WDD is the paper's, in incidents.
 */
export interface WddWeights {
  time?: { before: number; after: number };
  area?: { treated?: number; control?: number; buffer?: number; bufferControl?: number };
}

type Area = 'treated' | 'control' | 'buffer' | 'bufferControl';

function part(estimate: number, variance: number): WddPart {
  const se = Math.sqrt(variance);
  const z = se > 0 ? estimate / se : null;
  return {
    estimate,
    se,
    z,
    p: z === null ? null : twoSidedP(z),
    low: estimate - Z_95 * se,
    high: estimate + Z_95 * se,
  };
}

const significant = (p: WddPart): boolean => p.p !== null && p.p < WDD_ALPHA;

function change(p: WddPart): ChangeReading {
  if (!significant(p)) return 'no_clear_change';
  return p.estimate < 0 ? 'reduction' : 'increase';
}

/**
 * WDD = ΔT − ΔCt + ΔD − ΔCd, each Δ the after count minus the before count, with the variance
 * of a difference of independent Poisson counts: the sum of all eight counts. The z-test is
 * the normal approximation the paper proposes; with few incidents (a handful per area) it is
 * rough, and the client says so next to n. Without a catchment ring (or its controls) pass
 * nothing: those counts are 0 and the WDD is the local difference-in-differences.
 *
 * Zero counts are legitimate counts here: a control with no incidents in either period
 * contributes 0 to the estimate and 0 to the variance (the test then rests on the treated cells
 * alone). Only when all eight are 0 is there nothing to test (z and p null, "no clear change").
 */
export function wdd(
  areas: {
    treated: BeforeAfter;
    control: BeforeAfter;
    buffer?: BeforeAfter;
    bufferControl?: BeforeAfter;
  },
  weights: WddWeights = {},
): WddResult {
  const time = weights.time ?? { before: 1, after: 1 };
  // Δ and its variance for one area, per unit of time and area
  const moved = (name: Area): { delta: number; variance: number } => {
    const c = areas[name] ?? NONE;
    const size = weights.area?.[name] ?? 1;
    const wb = time.before * size;
    const wa = time.after * size;
    return {
      delta: c.after / wa - c.before / wb,
      variance: c.after / wa ** 2 + c.before / wb ** 2,
    };
  };
  const [t, ct, d, cd] = (['treated', 'control', 'buffer', 'bufferControl'] as const).map(
    moved,
  ) as [
    ReturnType<typeof moved>,
    ReturnType<typeof moved>,
    ReturnType<typeof moved>,
    ReturnType<typeof moved>,
  ];
  const local = part(t.delta - ct.delta, t.variance + ct.variance);
  const spill = part(d.delta - cd.delta, d.variance + cd.variance);
  const total = part(
    local.estimate + spill.estimate,
    t.variance + ct.variance + d.variance + cd.variance,
  );
  const spillReading: SpillReading = !significant(spill)
    ? 'no_clear_change'
    : spill.estimate < 0
      ? 'diffusion'
      : 'displacement';
  return {
    local: { ...local, reading: change(local) },
    buffer: { ...spill, reading: spillReading },
    total: { ...total, reading: change(total) },
  };
}

/**
 * The WDQ's read-outs (Guerette 2009, appendix C, after Bowers & Johnson 2003):
 * - `not_computable`: a control count is 0 (its ratios are undefined) or the success measure
 *   is exactly 0 (the quotient divides by it);
 * - `no_success`: success measure > 0: the treated cells did not fall relative to the
 *   control, and the WDQ is not read (Bowers & Johnson interpret it only after a success);
 * - `diffusion_exceeds_direct`: WDQ > 1, the ring gained more than the treated cells;
 * - `diffusion`: 0 < WDQ ≤ 1, the ring gained too (diffusion of benefits);
 * - `no_displacement`: WDQ = 0, the ring moved exactly with the control;
 * - `displacement`: −1 < WDQ < 0, some crime moved to the ring, less than was prevented;
 * - `displacement_erases`: WDQ ≤ −1, what moved to the ring equals or exceeds what was
 *   prevented (at −1 exactly the net gain is nil, so it belongs here, not to a benefit).
 */
export type WdqReading =
  | 'not_computable'
  | 'no_success'
  | 'diffusion_exceeds_direct'
  | 'diffusion'
  | 'no_displacement'
  | 'displacement'
  | 'displacement_erases';

export interface WdqResult {
  /** Ra/Ca − Rb/Cb: negative when the treated cells fell relative to the control */
  success: number | null;
  /** Da/Ca − Db/Cb: positive suggests displacement, negative diffusion */
  bufferMeasure: number | null;
  /** bufferMeasure / success */
  wdq: number | null;
  /**
   * Total net effect, [Rb·Ca/Cb − Ra] + [Db·Ca/Cb − Da]: incidents prevented (positive) in the
   * treated cells and the ring together, against the control's trend
   */
  totalNetEffect: number | null;
  reading: WdqReading;
}

/**
 * The WDQ of treated cells R, their catchment ring D and a control C (one control, as Bowers
 * & Johnson define it), b = before and a = after.
 */
export function wdq(areas: {
  treated: BeforeAfter;
  buffer: BeforeAfter;
  control: BeforeAfter;
}): WdqResult {
  const { treated: r, buffer: d, control: c } = areas;
  if (c.before === 0 || c.after === 0)
    return {
      success: null,
      bufferMeasure: null,
      wdq: null,
      totalNetEffect: null,
      reading: 'not_computable',
    };
  const success = r.after / c.after - r.before / c.before;
  const bufferMeasure = d.after / c.after - d.before / c.before;
  const trend = c.after / c.before;
  const totalNetEffect = r.before * trend - r.after + (d.before * trend - d.after);
  const quotient = success === 0 ? null : bufferMeasure / success;
  return {
    success,
    bufferMeasure,
    wdq: quotient,
    totalNetEffect,
    reading: wdqReading(success, quotient),
  };
}

function wdqReading(success: number, quotient: number | null): WdqReading {
  if (quotient === null) return 'not_computable';
  // The bands meet at −1, 0 and 1; a ratio of ratios lands a rounding error off them
  // (0.3 / −0.3 need not be −1 in floating point), so it is read to 9 decimals.
  const q = Math.round(quotient * 1e9) / 1e9;
  if (success > 0) return 'no_success';
  if (q > 1) return 'diffusion_exceeds_direct';
  if (q > 0) return 'diffusion';
  if (q === 0) return 'no_displacement';
  if (q > -1) return 'displacement';
  return 'displacement_erases';
}
