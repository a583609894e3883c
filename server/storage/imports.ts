import type { ImportedSource } from '../../shared/observatory-evaluation.js';

/** One stored record of an import: a point, when (ISO instant, null when undated) and its area. */
export interface ImportedRecordRow {
  line: number;
  at: string | null;
  lat: number;
  lng: number;
  category: string;
  areaId: string;
}

/** An imported incident record as the hot-spot labels read it, with its source's period. */
export interface ImportedIncidentRow {
  at: string | null;
  lat: number;
  lng: number;
  /** the source's declared period, local days */
  from: string;
  to: string;
}

/** Other sources imported by analysts (`imported_sources`, `imported_records`). */
export interface ImportStore {
  /** every import, newest first */
  list(): ImportedSource[];
  byId(id: string): ImportedSource | undefined;
  /** Stores a source and all its records; the caller runs it inside a transaction. */
  add(source: ImportedSource, records: readonly ImportedRecordRow[]): void;
  /** Removes a source and its records; false when there was none. */
  remove(id: string): boolean;
  /** a source's records, in the order they were read */
  records(id: string): ImportedRecordRow[];
}
