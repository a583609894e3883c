/**
 * API keys for other systems, as both sides read them (server/integrations, the admin's
 * Integraciones tab). The server stores only each key's hash.
 */

/** What a key lets its holder do: file Open311 requests, poll the CAP feed. */
export const API_SCOPES = ['open311', 'cap'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** An API key as `GET /api/integrations` lists it for admins: never the key, never its hash. */
export interface ApiClientView {
  id: string;
  /** who holds it, as the admin named it */
  name: string;
  scopes: ApiScope[];
  /** the key's first characters, to tell keys apart */
  keyPrefix: string;
  createdAt: string;
  /** the admin's name */
  createdBy: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}
