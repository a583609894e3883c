import { call } from './api.js';
import type { ApiClientView, ApiScope } from '../../shared/integrations.js';

export type { ApiClientView, ApiScope };

/** `/api/integrations` (admins only): the keys other systems hold. */
export const integrationsApi = {
  list: () => call<{ clients: ApiClientView[] }>('GET', '/integrations').then((r) => r.clients),
  /** The key comes back this once; the server keeps only its hash. */
  issue: (input: { name: string; scopes: ApiScope[] }) =>
    call<{ client: ApiClientView; key: string }>('POST', '/integrations', input),
  revoke: (id: string) =>
    call<{ client: ApiClientView }>('POST', `/integrations/${encodeURIComponent(id)}/revoke`).then(
      (r) => r.client,
    ),
};
