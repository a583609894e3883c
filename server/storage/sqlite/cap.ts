import type { Db } from './index.js';
import type { CapStore } from '../integrations.js';

export function capQueries(_db: Db): CapStore {
  return {};
}
