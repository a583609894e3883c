import { Hono } from 'hono';
import type { Services } from '../services.js';

/** Open311 GeoReport v2 (`/open311/v2`): services, requests, filing with an API key. */
export function open311Routes(_s: Services): Hono {
  return new Hono();
}
