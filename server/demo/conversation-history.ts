import type { City } from '../city/city.js';
import type { Storage } from '../storage/storage.js';

/** Officers' conversations with neighbours since the programme started (demo only; reproducible). Returns the rows written. Placeholder: none yet. */
export function seedConversationHistory(_storage: Storage, _city: City, _now: Date): number {
  return 0;
}
