import { z } from 'zod';
import type { ImportProvenance } from '../../../shared/observatory-evaluation.js';
import { ApiError } from '../../http/errors.js';
import { dayNumber } from '../local-time.js';

/** The longest period a source may declare: ten years of records is already an archive. */
const MAX_PERIOD_DAYS = 10 * 366;

/**
 * A label as a person typed it: trimmed, control characters (line breaks, tabs, bidi
 * overrides) refused, so a name prints on one line wherever it is shown. Markup is not
 * refused, it is never interpreted: the client binds text, and exports quote it.
 */
const label = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => !/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u.test(v), 'no control characters');

const day = z.string().refine((v) => !Number.isNaN(dayNumber(v)), 'a date as YYYY-MM-DD');

export const provenanceSchema = z
  .object({
    name: label(120),
    provider: label(120),
    licence: label(80),
    from: day,
    to: day,
    precision: z.enum(['exact', 'block', 'area']),
    kind: z.enum(['incidents', 'context']),
  })
  .refine((p) => dayNumber(p.from) <= dayNumber(p.to), {
    message: 'from: after to',
    path: ['from'],
  })
  .refine((p) => dayNumber(p.to) - dayNumber(p.from) < MAX_PERIOD_DAYS, {
    message: `to: at most ${MAX_PERIOD_DAYS} days after from`,
    path: ['to'],
  });

/** The provenance from a form's or a JSON body's fields; a 400 naming the field otherwise. */
export function provenanceOf(fields: Record<string, unknown>): ImportProvenance {
  const parsed = provenanceSchema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const field = first?.path.join('.') || 'body';
  throw new ApiError(400, 'bad_request', `${field}: ${first?.message ?? 'invalid'}`, field);
}

/**
 * A spreadsheet cell that cannot run as a formula: text starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return gets a leading apostrophe (OWASP's CSV-injection advice), then RFC 4180
 * quoting.
 */
export function csvCell(v: string | number): string {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
