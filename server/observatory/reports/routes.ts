import { Hono } from 'hono';
import { CITY_TIME_ZONE } from '../../../shared/i18n/core.js';
import { isDay, isMonth, weekday } from '../../../shared/report-periods.js';
import type { Env } from '../../http/context.js';
import { ApiError } from '../../http/errors.js';
import type { Services } from '../../services.js';
import { isoDay, localClock } from '../local-time.js';
import { MAX_SPAN_DAYS } from '../query.js';
import { monthReport } from './month.js';
import { weekReport } from './week.js';

/**
 * The monthly and weekly reports' data (`/reports`), each one request that gathers the
 * sections' figures for the period (the client prints them as one document). Mounted under
 * `/api/observatory` behind the observatory's roles: no middleware of its own here.
 *
 * - `GET /reports/month/:month` (YYYY-MM)
 * - `GET /reports/week/:monday` (YYYY-MM-DD, a Monday)
 *
 * Both take `?area=` (one area, or the city without it). Periods that have not started are
 * 404; those more than three years back too (as the public page).
 */
export function reportsRoutes(s: Services): Hono<Env> {
  const app = new Hono<Env>();
  const areaIds = new Set(s.city.areas.map((a) => a.properties.id));
  const clock = localClock(CITY_TIME_ZONE);
  const today = () => isoDay(clock(s.observatory.now().getTime()).day);
  const areaOf = (raw: string | undefined): string | null => {
    if (raw === undefined || raw === '') return null;
    if (!areaIds.has(raw)) throw new ApiError(400, 'bad_request', 'area: no such area', 'area');
    return raw;
  };
  const tooOld = (from: string, t: string) =>
    (Date.parse(t) - Date.parse(from)) / 86_400_000 > MAX_SPAN_DAYS;

  app.get('/reports/month/:month', async (c) => {
    const month = c.req.param('month');
    if (!isMonth(month)) throw new ApiError(400, 'bad_request', 'month: YYYY-MM', 'month');
    const area = areaOf(c.req.query('area'));
    const t = today();
    if (tooOld(`${month}-01`, t)) throw new ApiError(404, 'not_found', 'No figures that far back.');
    return c.json(await monthReport(s, month, area, t));
  });

  app.get('/reports/week/:monday', async (c) => {
    const monday = c.req.param('monday');
    if (!isDay(monday) || weekday(monday) !== 0)
      throw new ApiError(400, 'bad_request', 'week: the Monday it starts on, YYYY-MM-DD', 'week');
    const area = areaOf(c.req.query('area'));
    const t = today();
    if (tooOld(monday, t)) throw new ApiError(404, 'not_found', 'No figures that far back.');
    return c.json(await weekReport(s, monday, area, t));
  });
  return app;
}
