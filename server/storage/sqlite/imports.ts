import type { Db } from './index.js';
import type { ImportedSource } from '../../../shared/observatory-evaluation.js';
import type { ImportStore, ImportedRecordRow } from '../imports.js';

const SOURCE_COLUMNS = `id, name, provider, licence, from_day AS "from", to_day AS "to", precision,
  kind, format, imported_at AS importedAt, imported_by AS importedBy, records`;

export function importQueries(db: Db): ImportStore {
  const list = db.prepare<[], ImportedSource>(
    `SELECT ${SOURCE_COLUMNS} FROM imported_sources ORDER BY imported_at DESC, id`,
  );
  const byId = db.prepare<[string], ImportedSource>(
    `SELECT ${SOURCE_COLUMNS} FROM imported_sources WHERE id = ?`,
  );
  const insertSource = db.prepare(`INSERT INTO imported_sources (id, name, provider, licence,
    from_day, to_day, precision, kind, format, imported_at, imported_by, records)
    VALUES (@id, @name, @provider, @licence, @from, @to, @precision, @kind, @format,
    @importedAt, @importedBy, @records)`);
  const insertRecord = db.prepare(`INSERT INTO imported_records
    (source_id, line, at, lat, lng, category, area_id) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  // Records first: the foreign key cascades too, but this does not depend on the pragma.
  const removeRecords = db.prepare<[string]>(`DELETE FROM imported_records WHERE source_id = ?`);
  const removeSource = db.prepare<[string]>(`DELETE FROM imported_sources WHERE id = ?`);
  const records = db.prepare<[string], ImportedRecordRow>(`SELECT line, at, lat, lng, category,
    area_id AS areaId FROM imported_records WHERE source_id = ? ORDER BY rowid`);
  return {
    list: () => list.all(),
    byId: (id) => byId.get(id),
    add(source, rows) {
      insertSource.run(source);
      for (const r of rows)
        insertRecord.run(source.id, r.line, r.at, r.lat, r.lng, r.category, r.areaId);
    },
    remove(id) {
      removeRecords.run(id);
      return removeSource.run(id).changes > 0;
    },
    records: (id) => records.all(id),
  };
}
