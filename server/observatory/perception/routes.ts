import { Hono, type Context } from 'hono';
import { CITY_TIME_ZONE } from '../../../shared/i18n/core.js';
import type { Env } from '../../http/context.js';
import type { Services } from '../../services.js';
import { parseQuery } from '../query.js';
import { perceptionCsv } from './csv.js';
import { perceptionFigure } from './figure.js';
import { memo } from '../response/memo.js';

/**
 * Perception per place from officers' conversations: `GET /perception` (JSON and `.csv`).
 * Mounted under `/api/observatory` behind the observatory's roles (routes.ts applies them to
 * every route it mounts). The type filter is read (and checked) but does not apply.
 */
export function perceptionRoutes(s: Services): Hono<Env> {
  const app = new Hono<Env>();
  const areaIds = new Set(s.city.areas.map((a) => a.properties.id));
  const read = (c: Context<Env>) => {
    const { filter } = parseQuery(c.req.query(), {
      areaIds,
      now: s.observatory.now(),
      timeZone: CITY_TIME_ZONE,
    });
    // the type does not apply: one answer for every type
    const key = JSON.stringify(['perception', filter.from, filter.to, filter.areaId]);
    return memo(s, key, () => perceptionFigure(s, filter));
  };
  app.get('/perception', async (c) => c.json(await read(c)));
  app.get('/perception.csv', async (c) => {
    const file = perceptionCsv(await read(c));
    c.header('Content-Type', 'text/csv; charset=utf-8; header=present');
    // The name is built from validated ISO dates only.
    c.header('Content-Disposition', `attachment; filename="${file.name}"`);
    return c.body(file.text);
  });
  return app;
}
