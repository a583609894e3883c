import type { City } from '../city/city.js';
import type { Storage } from '../storage/storage.js';

/** Plans and check-ins of every unit since the programme started (demo only; reproducible). Returns the rows written. Placeholder: none yet. */
export function seedPatrolHistory(_storage: Storage, _city: City, _now: Date): number {
  return 0;
}
