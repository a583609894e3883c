import { Hono } from 'hono';
import { CITY_TIME_ZONE } from '../../shared/i18n/core.js';
import type { PublicAreaMonth } from '../../shared/observatory.js';
import { ApiError } from '../http/errors.js';
import type { Services } from '../services.js';
import { dayNumber, isoDay, localClock } from './local-time.js';
import { MAX_SPAN_DAYS } from './query.js';
import { suppressCells, suppressHours } from './privacy.js';
import { extrasCached, publicExtras } from './reports/public-month.js';

/**
 * `GET /api/observatory/public/areas/:areaId/:month` (no sign-in): one area's month for a
 * neighbourhood meeting: its hour × weekday table, its cells, its incidents by type and week,
 * its response times and its neighbour requests (reports/public-month.ts), with everything
 * under the city's minimum hidden (privacy.ts). One area at a time and no figure across areas, so
 * nothing here ranks neighbourhoods. Months from three years back up to the current one
 * (counted to yesterday); the analyses run on the observatory's thread and are cached.
 *
 * Anyone may ask, so anyone could keep the thread busy with every area and month in turn:
 * at most PUBLIC_COMPUTING such requests compute at once, the rest are told to come back
 * (429 with `Retry-After`); answers already cached are always served. Staff figures never
 * wait behind more than that.
 */
export const PUBLIC_COMPUTING = 2;
const RETRY_SECONDS = 5;

export function publicRoutes(s: Services): Hono {
  const app = new Hono();
  let computing = 0;
  const areaIds = new Set(s.city.areas.map((a) => a.properties.id));
  app.get('/areas/:areaId/:month', async (c) => {
    const areaId = c.req.param('areaId');
    if (!areaIds.has(areaId)) throw new ApiError(404, 'not_found', 'No such area.');
    const month = c.req.param('month');
    const first = /^\d{4}-\d{2}$/.test(month) ? dayNumber(`${month}-01`) : NaN;
    if (Number.isNaN(first)) throw new ApiError(400, 'bad_request', 'month: YYYY-MM', 'month');
    const yesterday = localClock(CITY_TIME_ZONE)(s.observatory.now().getTime()).day - 1;
    const next = dayNumber(nextMonth(month));
    const last = Math.min(next - 1, yesterday);
    if (last < first || yesterday - first > MAX_SPAN_DAYS)
      throw new ApiError(404, 'not_found', 'No figures for that month.');
    const filter = { from: isoDay(first), to: isoDay(last), type: 'all' as const, areaId };
    const cached =
      s.observatory.isCached('hotspots', filter, 'count') &&
      s.observatory.isCached('hours', filter) &&
      extrasCached(s, filter);
    if (!cached && computing >= PUBLIC_COMPUTING)
      throw new ApiError(429, 'too_many_attempts', 'Busy: ask again in a few seconds.', undefined, {
        'Retry-After': String(RETRY_SECONDS),
      });
    if (!cached) computing++;
    const min = s.city.observatory.minCellCount;
    let hot, hours, extras;
    try {
      [hot, hours, extras] = await Promise.all([
        s.observatory.analyse('hotspots', filter, 'count'),
        s.observatory.analyse('hours', filter),
        publicExtras(s, filter, min),
      ]);
    } finally {
      if (!cached) computing--;
    }
    const body: PublicAreaMonth = {
      areaId,
      month,
      hours: suppressHours(hours, min),
      cells: suppressCells(hot, min),
      ...extras,
    };
    // Public and the same for everyone: a short shared cache spares the thread.
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(body);
  });
  return app;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
