import type { Db } from './index.js';
import type { ApiClientRow, ApiClientStore, ApiScope } from '../integrations.js';

interface Raw {
  id: string;
  name: string;
  scopes: string;
  key_hash: string;
  key_prefix: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
  revoked_by: string | null;
  last_used_at: string | null;
}

const toRow = (r: Raw): ApiClientRow => ({
  id: r.id,
  name: r.name,
  scopes: r.scopes.split(' ').filter(Boolean) as ApiScope[],
  keyHash: r.key_hash,
  keyPrefix: r.key_prefix,
  createdAt: r.created_at,
  createdBy: r.created_by,
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by,
  lastUsedAt: r.last_used_at,
});

export function apiClientQueries(db: Db): ApiClientStore {
  const insert = db.prepare(`INSERT INTO api_clients (id, name, scopes, key_hash, key_prefix,
    created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const byId = db.prepare<[string], Raw>('SELECT * FROM api_clients WHERE id = ?');
  const byKeyHash = db.prepare<[string], Raw>('SELECT * FROM api_clients WHERE key_hash = ?');
  const list = db.prepare<[], Raw>('SELECT * FROM api_clients ORDER BY created_at DESC, id');
  const revoke = db.prepare(`UPDATE api_clients SET revoked_at = ?, revoked_by = ?
    WHERE id = ? AND revoked_at IS NULL`);
  const touch = db.prepare('UPDATE api_clients SET last_used_at = ? WHERE id = ?');
  return {
    insert: (r) =>
      void insert.run(
        r.id,
        r.name,
        r.scopes.join(' '),
        r.keyHash,
        r.keyPrefix,
        r.createdAt,
        r.createdBy,
      ),
    byId: (id) => {
      const r = byId.get(id);
      return r && toRow(r);
    },
    byKeyHash: (hash) => {
      const r = byKeyHash.get(hash);
      return r && toRow(r);
    },
    list: () => list.all().map(toRow),
    revoke: (id, at, by) => revoke.run(at, by, id).changes > 0,
    touch: (id, at) => void touch.run(at, id),
  };
}
