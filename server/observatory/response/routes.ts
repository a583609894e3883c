import { Hono } from 'hono';
import type { Env } from '../../http/context.js';
import type { Services } from '../../services.js';

/** Response times: `GET /response` (JSON and `.csv`), for the observatory's staff. Mounted under `/api/observatory` behind the observatory's roles. */
export function responseRoutes(_s: Services): Hono<Env> {
  return new Hono<Env>();
}
