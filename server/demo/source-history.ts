import type { City } from '../city/city.js';
import type { Storage } from '../storage/storage.js';

/** A sample of other sources, imported as an analyst would (demo only; reproducible). Returns the rows written. Placeholder: none yet. */
export function seedSourceHistory(_storage: Storage, _city: City, _now: Date): number {
  return 0;
}
