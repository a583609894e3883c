import { Hono } from 'hono';
import type { Env } from '../../http/context.js';
import type { Services } from '../../services.js';

/** Other sources: import (CSV, GeoJSON), list, layer and delete (`/sources`). Mounted under `/api/observatory` behind the observatory's roles. */
export function sourcesRoutes(_s: Services): Hono<Env> {
  return new Hono<Env>();
}
