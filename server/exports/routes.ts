import { Hono } from 'hono';
import type { Services } from '../services.js';

/** Staff exports of alerts, requests, check-ins and conversations (`/api/exports`). */
export function exportRoutes(_s: Services): Hono {
  return new Hono();
}
