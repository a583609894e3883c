import { z } from 'zod';
import type { EvaluationRequest } from '../../../shared/observatory-evaluation.js';

/** The longest period on each side of the intervention. */
export const MAX_PERIOD_DAYS = 365;
/** An "after" shorter than this is read with a warning: four weeks hold too few nights. */
export const SHORT_AFTER_DAYS = 28;
/** Fewer incidents than this in the treated cells, before and after together: a warning. */
export const FEW_INCIDENTS = 20;
/**
 * A control with fewer incidents than this in either period: the WDQ divides by its counts, and
 * a handful moving by one or two swings the quotient from one reading to another.
 */
export const THIN_CONTROL = 10;
/** The most cells one set may name: more than a city's hot spots, far fewer than its grid. */
export const MAX_CELLS = 2000;
/** The evaluation's body: two lists of at most MAX_CELLS short ids fit well inside. */
export const MAX_BODY_BYTES = 64 * 1024;

const cellId = z.string().regex(/^c\d{1,4}-\d{1,4}$/, 'a cell id looks like c12-34');
const cells = z.array(cellId).min(1).max(MAX_CELLS);
const metres = z.number().int().min(0).max(5000);

export const evaluationRequest = z
  .object({
    interventionDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD'),
    days: z.number().int().min(1).max(MAX_PERIOD_DAYS).optional(),
    type: z.enum(['general', 'medical', 'bicycle_theft', 'fire', 'suspicious_activity', 'all']),
    treated: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('plan') }).strict(),
      z.object({ kind: z.literal('trial'), trialId: z.string().min(1).max(64) }).strict(),
      z.object({ kind: z.literal('cells'), cells }).strict(),
    ]),
    ring: z
      .object({ inner: metres, outer: metres.min(50) })
      .strict()
      .refine((r) => r.outer > r.inner, "the ring's outer radius must exceed its inner one")
      .optional(),
    control: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('auto') }).strict(),
      z.object({ kind: z.literal('cells'), cells }).strict(),
    ]),
  })
  // the schema and the wire shape must not drift apart
  .strict() satisfies z.ZodType<EvaluationRequest>;

export const trialRequest = z
  .object({ seed: z.number().int().min(0).max(0xffff_ffff).optional() })
  .strict();
