import { Hono } from 'hono';
import type { Services } from '../services.js';

/** Admins issue and revoke API keys for other systems (`/api/integrations`). */
export function integrationRoutes(_s: Services): Hono {
  return new Hono();
}
