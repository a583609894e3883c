import { Hono, type Context } from 'hono';
import type { ResponseGrouping } from '../../../shared/observatory-evaluation.js';
import { CITY_TIME_ZONE } from '../../../shared/i18n/core.js';
import type { Env } from '../../http/context.js';
import { ApiError } from '../../http/errors.js';
import type { Services } from '../../services.js';
import { parseQuery } from '../query.js';
import { responseCsv } from './csv.js';
import { responseFigure } from './figure.js';
import { memo } from './memo.js';

export const GROUPINGS: readonly ResponseGrouping[] = ['area', 'type', 'shift', 'unit', 'week'];

/**
 * Response times: `GET /response` (JSON and `.csv`), for the observatory's staff. Mounted under
 * `/api/observatory` behind the observatory's roles (routes.ts applies them to every route it
 * mounts), so nothing here adds middleware of its own.
 */
export function responseRoutes(s: Services): Hono<Env> {
  const app = new Hono<Env>();
  const areaIds = new Set(s.city.areas.map((a) => a.properties.id));
  const read = (c: Context<Env>) => {
    const raw = c.req.query();
    const { filter } = parseQuery(raw, {
      areaIds,
      now: s.observatory.now(),
      timeZone: CITY_TIME_ZONE,
    });
    const by = raw.by || 'area';
    if (!(GROUPINGS as readonly string[]).includes(by))
      throw new ApiError(400, 'bad_request', `by: one of ${GROUPINGS.join(', ')}`, 'by');
    const key = JSON.stringify(['response', filter, by]);
    return memo(s, key, () => responseFigure(s, filter, by as ResponseGrouping));
  };
  app.get('/response', async (c) => c.json(await read(c)));
  app.get('/response.csv', async (c) => {
    const file = responseCsv(await read(c));
    c.header('Content-Type', 'text/csv; charset=utf-8; header=present');
    // The name is built from validated values only (a grouping, ISO dates).
    c.header('Content-Disposition', `attachment; filename="${file.name}"`);
    return c.body(file.text);
  });
  return app;
}
