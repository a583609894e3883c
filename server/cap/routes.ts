import { Hono } from 'hono';
import type { Services } from '../services.js';

/** CAP 1.2 messages of public alerts and their Atom index (`/cap`), for key holders. */
export function capRoutes(_s: Services): Hono {
  return new Hono();
}
