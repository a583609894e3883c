/**
 * Storage shapes of the open-data interfaces: the API keys an admin issues to other
 * systems (the city's 311 tool, civil protection), and the stores the Open311, CAP and
 * export routes read through. Part of the `Storage` interface (storage.ts).
 */

/** What a key lets its holder do: file Open311 requests, poll the CAP feed. */
export const API_SCOPES = ['open311', 'cap'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** One system holding an API key. The key itself is never stored, only its SHA-256. */
export interface ApiClientRow {
  id: string;
  /** who holds it, as the admin named it ("Mesa de ayuda 147", "Defensa Civil") */
  name: string;
  scopes: ApiScope[];
  /** hex SHA-256 of the key */
  keyHash: string;
  /** the key's first characters, to tell keys apart on screen */
  keyPrefix: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
  lastUsedAt: string | null;
}

export interface ApiClientStore {
  insert(row: ApiClientRow): void;
  byId(id: string): ApiClientRow | undefined;
  byKeyHash(keyHash: string): ApiClientRow | undefined;
  /** every client, newest first, revoked ones included */
  list(): ApiClientRow[];
  /** Returns false when there is no such client or it was revoked already. */
  revoke(id: string, at: string, by: string): boolean;
  /** Records a use; cheap enough for every request. */
  touch(id: string, at: string): void;
}

/** Open311 GeoReport v2 reads and writes of neighbour requests (server/open311). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Open311Store {}

/** The CAP 1.2 feed's reads of public alerts and their lifecycle (server/cap). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CapStore {}

/** The staff's streamed exports (server/exports). */
export type { ExportStore } from './exports.js';
