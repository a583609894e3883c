import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Services } from '../services.js';
import { authRoutes, meRoute } from '../auth/routes.js';
import { userRoutes } from '../users/routes.js';
import { syncHttpRoutes } from '../sync/http-route.js';
import { profileRoutes } from '../profile/routes.js';
import { pushRoutes } from '../push/routes.js';
import { sirenRoutes } from '../sirens/routes.js';
import { unitRoutes } from '../units/routes.js';
import { consoleRoutes } from '../console/index.js';
import { isPhotoUpload, requestRoutes } from '../requests/routes.js';
import { isSourceImport } from '../observatory/sources/routes.js';
import { observatoryRoutes } from '../observatory/routes.js';
import { LoginThrottle, RegistrationThrottle } from '../auth/throttle.js';
import { ApiError, onError } from './errors.js';
import { opsRoutes } from './ops-routes.js';
import { openApiRoutes } from './openapi.js';
import { exportRoutes } from '../exports/routes.js';
import { integrationRoutes } from '../integrations/routes.js';
import { open311OnError, open311Routes } from '../open311/routes.js';
import { capRoutes } from '../cap/routes.js';
import { mountClient } from './static.js';
import { sameOriginOnly } from './origin.js';
import { securityHeaders } from './security-headers.js';
import { compressJson, fixedJson } from './compress.js';

export function createApp(s: Services) {
  const app = new Hono();
  const apiError = onError((msg, f) => s.log.error(msg, f));
  // Open311 clients read errors in their standard's shape, also those thrown before its routes.
  app.onError((err, c) =>
    c.req.path.startsWith('/open311/') ? open311OnError(err, c, s) : apiError(err, c),
  );
  // First, so that every answer (errors, static files, the shell) carries the headers.
  app.use('*', securityHeaders(s.config));
  app.use('*', sameOriginOnly(s.config));
  const throttles = {
    login: LoginThrottle.fromConfig(s.config),
    register: RegistrationThrottle.fromConfig(s.config),
  };

  const limit = bodyLimit({
    maxSize: 512 * 1024,
    onError: () => {
      throw new ApiError(413, 'too_large', 'Request body too large.');
    },
  });
  const api = new Hono()
    // A request's photo and an observatory import have their own, larger caps.
    .use('*', (c, next) =>
      isPhotoUpload(c.req.method, c.req.path) || isSourceImport(c.req.method, c.req.path)
        ? next()
        : limit(c, next),
    )
    .use('*', async (c, next) => {
      await next();
      // A route that says how its answer may be kept (a photo: private) keeps its say.
      if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
    })
    .use('*', compressJson())
    // Public, the same for everyone and fixed while the server runs: kept and revalidated.
    .get('/city', fixedJson(s.city.info))
    .route('/auth', authRoutes(s, throttles))
    .route('/me', meRoute(s))
    .route('/me', profileRoutes(s))
    .route('/users', userRoutes(s, throttles.login))
    .route('/sync', syncHttpRoutes(s))
    .route('/push', pushRoutes(s))
    .route('/sirens', sirenRoutes(s))
    .route('/units', unitRoutes(s))
    .route('/console', consoleRoutes(s))
    .route('/requests', requestRoutes(s))
    .route('/observatory', observatoryRoutes(s))
    .route('/exports', exportRoutes(s))
    .route('/integrations', integrationRoutes(s))
    .route('/', openApiRoutes(s));
  api.all('*', () => {
    throw new ApiError(404, 'not_found', 'No such endpoint.');
  });

  app.route('/api', api);
  app.route('/', opsRoutes(s));
  // Open data for other systems, each with its own formats and errors (not /api's JSON).
  app.route('/open311/v2', open311Routes(s));
  app.route('/cap', capRoutes(s));
  mountClient(app, s.config.clientDir);
  return app;
}

export type AppType = ReturnType<typeof createApp>;
