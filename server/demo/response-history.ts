import type { City } from '../city/city.js';
import type { Storage } from '../storage/storage.js';

/** Each history alert's stages (taken, dispatched, accepted, on scene) in alert_events and dispatch_events (demo only; reproducible). Returns the rows written. Placeholder: none yet. */
export function seedResponseHistory(_storage: Storage, _city: City, _now: Date): number {
  return 0;
}
