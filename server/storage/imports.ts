import type { ImportedSource } from '../../shared/observatory-evaluation.js';

/** Other sources imported by analysts (`imported_sources`, `imported_records`). */
export interface ImportStore {
  /** every import, newest first */
  list(): ImportedSource[];
}
