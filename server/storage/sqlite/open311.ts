import type { Db } from './index.js';
import type { Open311Store } from '../integrations.js';

export function open311Queries(_db: Db): Open311Store {
  return {};
}
