import { z } from 'zod';
import {
  HOTSPOT_LAYERS,
  type HotspotLayer,
  type IncidentType,
  type ObservatoryFilter,
} from '../../shared/observatory.js';
import { ApiError } from '../http/errors.js';
import { dayNumber, isoDay, localClock } from './local-time.js';

/** The longest period one request may ask for: three years (a year and the two before it). */
export const MAX_SPAN_DAYS = 3 * 366;

export const INCIDENT_TYPES: readonly IncidentType[] = [
  'general',
  'medical',
  'bicycle_theft',
  'fire',
  'suspicious_activity',
];

const date = z.string().max(10).optional();
export const observatoryQuery = z
  .object({
    from: date,
    to: date,
    type: z.string().max(40).optional(),
    area: z.string().max(64).optional(),
    layer: z.string().max(10).optional(),
  })
  .passthrough();

export interface ObservatoryQuery {
  filter: ObservatoryFilter;
  layer: HotspotLayer;
}

const bad = (field: string, message: string) => new ApiError(400, 'bad_request', message, field);

/**
 * The analyst's choice, checked: real dates with `from` ≤ `to` and at most MAX_SPAN_DAYS
 * apart (default: the twelve months up to yesterday, on the city's calendar), a type the
 * observatory counts (never the silent one: it is not a type of the observatory at all), an
 * area of the city, a hot-spot layer. Every mistake is a 400 naming its field.
 */
export function parseQuery(
  raw: Record<string, string>,
  ctx: { areaIds: ReadonlySet<string>; now: Date; timeZone: string },
): ObservatoryQuery {
  const parsed = observatoryQuery.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'query';
    throw bad(where, `${where}: too long or not text`);
  }
  const q = parsed.data;
  const { from, to } = period(q.from, q.to, ctx);
  const type = q.type || 'all';
  if (type === 'gender_violence')
    throw bad('type', 'type: silent alerts are never analysed; staff read /silent for counts');
  if (type !== 'all' && !INCIDENT_TYPES.includes(type as IncidentType))
    throw bad('type', `type: unknown incident type`);
  const area = q.area || null;
  if (area !== null && !ctx.areaIds.has(area)) throw bad('area', 'area: no such area');
  const layer = q.layer || 'count';
  if (!(HOTSPOT_LAYERS as readonly string[]).includes(layer))
    throw bad('layer', `layer: one of ${HOTSPOT_LAYERS.join(', ')}`);
  return {
    filter: { from, to, type: type as IncidentType | 'all', areaId: area },
    layer: layer as HotspotLayer,
  };
}

/** `from`/`to` checked, or the default period: the twelve months up to yesterday. */
export function period(
  fromRaw: string | undefined,
  toRaw: string | undefined,
  ctx: { now: Date; timeZone: string },
): { from: string; to: string } {
  const fromGiven = fromRaw ? dayNumber(fromRaw) : null;
  if (Number.isNaN(fromGiven)) throw bad('from', 'from: a date as YYYY-MM-DD');
  const yesterday = localClock(ctx.timeZone)(ctx.now.getTime()).day - 1;
  const toDay = toRaw ? dayNumber(toRaw) : yesterday;
  if (Number.isNaN(toDay)) throw bad('to', 'to: a date as YYYY-MM-DD');
  const fromDay = fromGiven ?? dayNumber(yearBefore(isoDay(toDay))) + 1;
  if (fromDay > toDay) throw bad('from', 'from: after to');
  if (toDay - fromDay + 1 > MAX_SPAN_DAYS)
    throw bad('to', `to: at most ${MAX_SPAN_DAYS} days after from`);
  return { from: isoDay(fromDay), to: isoDay(toDay) };
}

/** The same calendar date a year earlier (29 February → 28 February). */
function yearBefore(date: string): string {
  const [y, m, d] = date.split('-');
  const back = `${String(Number(y) - 1).padStart(4, '0')}-${m}-${d}`;
  return Number.isNaN(dayNumber(back)) ? `${back.slice(0, 8)}28` : back;
}
