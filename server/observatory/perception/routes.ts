import { Hono } from 'hono';
import type { Env } from '../../http/context.js';
import type { Services } from '../../services.js';

/** Perception per place from officers' conversations: `GET /perception` (JSON and `.csv`). Mounted under `/api/observatory` behind the observatory's roles. */
export function perceptionRoutes(_s: Services): Hono<Env> {
  return new Hono<Env>();
}
