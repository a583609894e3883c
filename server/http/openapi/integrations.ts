import { newKey } from '../../integrations/routes.js';
import type { RouteDoc } from './types.js';
import { ID } from './common.js';

/** Admins issue and revoke other systems' API keys: `/api/integrations`. */
export const integrationRoutes: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/api/integrations',
    summary: "Other systems' API keys, newest first, revoked ones included (never a key)",
    access: ['admin'],
    ok: { status: 200, media: 'json', description: '`{clients: ApiClientView[]}`.' },
  },
  {
    method: 'post',
    path: '/api/integrations',
    summary: 'Issue an API key for another system (shown this once; audited)',
    description: 'Scopes: `open311` files requests, `cap` reads the CAP feed.',
    access: ['admin'],
    body: { media: 'json', schema: newKey },
    ok: { status: 201, media: 'json', description: '`{client, key}`.' },
  },
  {
    method: 'post',
    path: '/api/integrations/{id}/revoke',
    summary: 'Revoke an API key: it stops working at once (audited)',
    access: ['admin'],
    params: ID,
    ok: { status: 200, media: 'json', description: '`{client}`.' },
    errors: [404, 409],
  },
];
