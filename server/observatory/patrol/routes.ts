import { Hono } from 'hono';
import type { Env } from '../../http/context.js';
import type { Services } from '../../services.js';

/** Patrol dosage: `GET /dosage` (planned versus done, dwell times, residual deterrence). Mounted under `/api/observatory` behind the observatory's roles. */
export function patrolRoutes(_s: Services): Hono<Env> {
  return new Hono<Env>();
}
