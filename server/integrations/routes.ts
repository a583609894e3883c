import { Hono } from 'hono';
import { z } from 'zod';
import { visibleText } from '../auth/routes.js';
import { ApiError, body } from '../http/errors.js';
import { requireUser, type Env } from '../http/context.js';
import type { Services } from '../services.js';
import { API_SCOPES, type ApiClientRow } from '../storage/integrations.js';
import type { ApiClientView } from '../../shared/integrations.js';
import { isUuid } from '../../sync/policy/validators.js';
import { issueApiKey } from './keys.js';

export const newKey = z
  .object({
    name: visibleText(2, 80),
    scopes: z.array(z.enum(API_SCOPES)).min(1).max(API_SCOPES.length),
  })
  .strict();

/**
 * Admins issue and revoke API keys for other systems (`/api/integrations`): the city's 311
 * tool filing Open311 requests, civil protection polling the CAP feed. A key is shown once,
 * when it is issued; the list never carries a key or its hash. Both changes are audited.
 */
export function integrationRoutes(s: Services): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', requireUser(s, ['admin']));

  const names = new Map<string, string>();
  const nameOf = (id: string | null) => {
    if (!id) return null;
    if (!names.has(id)) names.set(id, s.storage.users.byId(id)?.name ?? '');
    return names.get(id)!;
  };
  const view = (c: ApiClientRow): ApiClientView => ({
    id: c.id,
    name: c.name,
    scopes: c.scopes,
    keyPrefix: c.keyPrefix,
    createdAt: c.createdAt,
    createdBy: nameOf(c.createdBy) ?? '',
    lastUsedAt: c.lastUsedAt,
    revokedAt: c.revokedAt,
    revokedBy: nameOf(c.revokedBy),
  });

  /** `GET /api/integrations`: every key, newest first, revoked ones included. */
  app.get('/', (c) => {
    names.clear();
    return c.json({ clients: s.storage.apiClients.list().map(view) });
  });

  /** `POST /api/integrations {name, scopes}` → 201 `{client, key}`: the only time the key is sent. */
  app.post('/', async (c) => {
    const input = await body(c, newKey);
    const actor = c.get('user');
    const at = new Date().toISOString();
    const issued = s.storage.transaction(() => {
      const out = issueApiKey(s.storage, {
        name: input.name,
        scopes: input.scopes,
        by: actor.id,
        at,
      });
      s.storage.audit.add({
        at,
        actorId: actor.id,
        action: 'integration.issued',
        subject: out.client.id,
        detail: out.client.scopes.join(' '),
      });
      return out;
    });
    return c.json({ client: view(issued.client), key: issued.key }, 201);
  });

  /** `POST /api/integrations/:id/revoke`: the key stops working at once; 409 if it already had. */
  app.post('/:id/revoke', (c) => {
    const id = c.req.param('id');
    const actor = c.get('user');
    if (!isUuid(id) || !s.storage.apiClients.byId(id))
      throw new ApiError(404, 'not_found', 'No such API key.');
    const at = new Date().toISOString();
    const revoked = s.storage.transaction(() => {
      if (!s.storage.apiClients.revoke(id, at, actor.id)) return false;
      s.storage.audit.add({
        at,
        actorId: actor.id,
        action: 'integration.revoked',
        subject: id,
        detail: '',
      });
      return true;
    });
    if (!revoked) throw new ApiError(409, 'conflict', 'This key was revoked already.');
    return c.json({ client: view(s.storage.apiClients.byId(id)!) });
  });
  return app;
}
