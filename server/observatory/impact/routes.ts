import { Hono } from 'hono';
import type { Env } from '../../http/context.js';
import type { Services } from '../../services.js';

/** Before / after with displacement (`POST /evaluation`) and the randomised plan mode (`/trials`). Mounted under `/api/observatory` behind the observatory's roles. */
export function impactRoutes(_s: Services): Hono<Env> {
  return new Hono<Env>();
}
