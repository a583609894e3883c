import type { Db } from './index.js';
import type { ExportStore } from '../integrations.js';

export function exportQueries(_db: Db): ExportStore {
  return {};
}
