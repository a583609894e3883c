import { Hono, type Context } from 'hono';
import { OBSERVATORY_ROLES } from '../../shared/observatory.js';
import { CITY_TIME_ZONE } from '../../shared/i18n/core.js';
import { STAFF, requireUser, type Env } from '../http/context.js';
import type { Services } from '../services.js';
import type { Analysis } from './jobs.js';
import { parseQuery, period } from './query.js';
import { silentCounts } from './silent.js';
import { csvFor } from './export-csv.js';
import { geojsonFor } from './export-geojson.js';
import { publicRoutes } from './public-routes.js';
import { responseRoutes } from './response/routes.js';
import { perceptionRoutes } from './perception/routes.js';
import { patrolRoutes } from './patrol/routes.js';
import { impactRoutes } from './impact/routes.js';
import { sourcesRoutes } from './sources/routes.js';
import { reportsRoutes } from './reports/routes.js';

/**
 * `/api/observatory`: the four analyses as JSON for analysts, operators and admins, their
 * exports (CSV for every table, GeoJSON for every layer), the silent alerts' monthly counts
 * for operators and admins only, and the public page's data (public-routes.ts, no sign-in).
 * GET only: nothing here changes anything.
 */
export function observatoryRoutes(s: Services): Hono<Env> {
  const app = new Hono<Env>();
  const areaIds = new Set(s.city.areas.map((a) => a.properties.id));
  const queryOf = (c: Context<Env>) =>
    parseQuery(c.req.query(), { areaIds, now: s.observatory.now(), timeZone: CITY_TIME_ZONE });

  // Mounted first: the public page needs no session, and `/public/…` is no analysis.
  app.route('/public', publicRoutes(s));

  const staff = requireUser(s, STAFF);
  app.get('/silent', staff, (c) => {
    const p = period(c.req.query('from'), c.req.query('to'), {
      now: s.observatory.now(),
      timeZone: CITY_TIME_ZONE,
    });
    return c.json(
      silentCounts(s.storage.observatory, [...areaIds], p, s.observatory.now(), CITY_TIME_ZONE),
    );
  });

  app.use('*', requireUser(s, OBSERVATORY_ROLES));
  // "Did it work?": each part's routes in its own module, behind the same roles.
  app.route('/', responseRoutes(s));
  app.route('/', perceptionRoutes(s));
  app.route('/', patrolRoutes(s));
  app.route('/', impactRoutes(s));
  app.route('/', sourcesRoutes(s));
  app.route('/', reportsRoutes(s));
  const analyses: readonly Analysis[] = ['hotspots', 'emerging', 'hours', 'trends'];
  for (const analysis of analyses) {
    app.get(`/${analysis}`, async (c) => {
      const q = queryOf(c);
      return c.json(await s.observatory.analyse(analysis, q.filter, q.layer));
    });
    app.get(`/${analysis}.csv`, async (c) => {
      const q = queryOf(c);
      const result = await s.observatory.analyse(analysis, q.filter, q.layer);
      const file = csvFor(analysis, result, q.layer);
      return attachment(c, file.name, 'text/csv; charset=utf-8; header=present', file.text);
    });
  }
  for (const analysis of ['hotspots', 'emerging'] as const) {
    app.get(`/${analysis}.geojson`, async (c) => {
      const q = queryOf(c);
      const result = await s.observatory.analyse(analysis, q.filter, q.layer);
      const file = geojsonFor(analysis, result, q.layer);
      return attachment(c, file.name, 'application/geo+json', file.text);
    });
  }
  return app;
}

function attachment(c: Context<Env>, name: string, type: string, text: string): Response {
  c.header('Content-Type', type);
  // The name is built from the validated filter only (dates, codes): nothing to escape.
  c.header('Content-Disposition', `attachment; filename="${name}"`);
  return c.body(text);
}
