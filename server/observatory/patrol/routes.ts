import { Hono, type Context } from 'hono';
import { OBSERVATORY_ROLES } from '../../../shared/observatory.js';
import { CITY_TIME_ZONE } from '../../../shared/i18n/core.js';
import { requireUser, type Env } from '../../http/context.js';
import type { Services } from '../../services.js';
import { parseQuery } from '../query.js';
import { dosageCsv, dosageCsvName } from './csv.js';
import { dosageDetail, dosageFigure } from './figure.js';

/**
 * Patrol dosage: `GET /dosage?from&to&type&area` (planned versus done, dwell times, residual
 * deterrence) and `GET /dosage.csv`. Mounted under `/api/observatory`; its own role check
 * too, so the routes stay closed whatever they are mounted behind.
 */
export function patrolRoutes(s: Services): Hono<Env> {
  const app = new Hono<Env>();
  const areaIds = new Set(s.city.areas.map((a) => a.properties.id));
  const staff = requireUser(s, OBSERVATORY_ROLES);
  const filterOf = (c: Context<Env>) =>
    parseQuery(c.req.query(), { areaIds, now: s.observatory.now(), timeZone: CITY_TIME_ZONE })
      .filter;

  app.get('/dosage', staff, async (c) => c.json(await dosageFigure(s, filterOf(c))));
  app.get('/dosage.csv', staff, async (c) => {
    const { result, byUnitShift } = await dosageDetail(s, filterOf(c));
    c.header('Content-Type', 'text/csv; charset=utf-8; header=present');
    c.header('Content-Disposition', `attachment; filename="${dosageCsvName(result)}"`);
    return c.body(dosageCsv(result, byUnitShift));
  });
  return app;
}
