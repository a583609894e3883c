import type { Hono } from 'hono';
import { z } from 'zod';
import {
  OFFSET_MAX,
  PAGE_DEFAULT,
  PAGE_MAX,
  searchTerms,
  type ResidentPage,
} from '../../shared/history.js';
import type { Env } from '../http/context.js';
import { ApiError } from '../http/errors.js';
import type { Services } from '../services.js';

export const residentsQuery = z
  .object({
    q: z.string().max(200).default(''),
    status: z.enum(['pending', 'active', 'suspended', 'rejected']).optional(),
    area: z.string().min(1).max(64).optional(),
    limit: z.coerce.number().int().min(1).max(PAGE_MAX).default(PAGE_DEFAULT),
    offset: z.coerce.number().int().min(0).max(OFFSET_MAX).default(0),
  })
  .strict();

/**
 * `GET /api/users/residents`: every resident, by name, a page at a time, searched by name,
 * username, address or phone. Mounted on `/api/users`, so operators and admins only; it
 * shows what `GET /api/users` already shows them (name, phone, address), plus the home so
 * the console can draw it. Nothing about any alert: a silent alert's reporter is not named
 * here or anywhere but the audited identity view.
 */
export function residentRoutes(app: Hono<Env>, s: Services): void {
  app.get('/residents', (c) => {
    const parsed = residentsQuery.safeParse(c.req.query());
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || 'query';
      throw new ApiError(400, 'bad_request', `${field}: ${issue?.message ?? 'invalid'}`, field);
    }
    const q = parsed.data;
    const { rows, total } = s.storage.console.searchResidents({
      terms: searchTerms(q.q),
      status: q.status ?? null,
      areaId: q.area ?? null,
      limit: q.limit,
      offset: q.offset,
    });
    return c.json<ResidentPage>({ residents: rows, total, offset: q.offset, limit: q.limit });
  });
}
