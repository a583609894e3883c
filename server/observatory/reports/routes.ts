import { Hono } from 'hono';
import type { Env } from '../../http/context.js';
import type { Services } from '../../services.js';

/** The monthly and weekly reports' data (`/reports`). Mounted under `/api/observatory` behind the observatory's roles. */
export function reportsRoutes(_s: Services): Hono<Env> {
  return new Hono<Env>();
}
