import type { Db } from './index.js';
import type { ImportedSource } from '../../../shared/observatory-evaluation.js';
import type { ImportStore } from '../imports.js';

export function importQueries(db: Db): ImportStore {
  const list = db.prepare<[], ImportedSource>(`SELECT id, name, provider, licence,
    from_day AS "from", to_day AS "to", precision, kind, format, imported_at AS importedAt,
    imported_by AS importedBy, records FROM imported_sources ORDER BY imported_at DESC, id`);
  return { list: () => list.all() };
}
