import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { ResponseGrouping } from '../../../shared/observatory-evaluation.js';
import { CITY_TIME_ZONE } from '../../../shared/i18n/core.js';
import type { Env } from '../../http/context.js';
import { ApiError } from '../../http/errors.js';
import type { Services } from '../../services.js';
import { parseQuery } from '../query.js';
import { responseCsv } from './csv.js';
import { responseFigure } from './figure.js';
import { memo } from './memo.js';

export const GROUPINGS = [
  'area',
  'type',
  'shift',
  'unit',
  'week',
] as const satisfies readonly ResponseGrouping[];

/** `?by=`: how the figures are grouped; an empty value is the default, as no value. */
export const responseBy = z.enum(GROUPINGS).default('area');

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
    const by = responseBy.safeParse(raw.by || undefined);
    if (!by.success)
      throw new ApiError(400, 'bad_request', `by: one of ${GROUPINGS.join(', ')}`, 'by');
    const key = JSON.stringify(['response', filter, by.data]);
    return memo(s, key, () => responseFigure(s, filter, by.data));
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
