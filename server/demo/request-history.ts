import { seededRandom } from '../../shared/demo-city.js';
import type { RequestCategory } from '../../shared/types.js';
import type { City } from '../city/city.js';
import type { RequestStatus } from '../storage/requests.js';
import type { Storage } from '../storage/storage.js';

/** Months of neighbour requests behind the demo's last day (half a year: about 0.3 s to seed). */
const MONTHS = 6;
const DAY_MS = 86_400_000;
/**
 * Requests per area and month by category: lighting and trash lead, as in the programme's
 * seed cities. Enough that a busy category clears the public page's minimum in most areas.
 */
const MEANS: [RequestCategory, number][] = [
  ['street_lighting', 5],
  ['trash', 4],
  ['weeds', 2],
  ['tree_pruning', 1],
  ['debris', 0.5],
  ['abandoned_vehicle', 0.5],
  ['cleanliness', 0.5],
  ['noise', 0.5],
  ['other', 0.3],
];
/** Where the centre left them: every one answered (the history is over), most solved. */
const OUTCOMES: [RequestStatus, number][] = [
  ['closed', 0.78],
  ['duplicate', 0.1],
  ['not_our_responsibility', 0.12],
];

/**
 * Past neighbour requests for the demo city, in SQL only, so the reports and the public page
 * have requests to count (demo only; reproducible from the day). All closed more than two days
 * ago: the start-up reconciliation shows again only requests open or answered within a day,
 * and these were never in a room, so the live queue stays as the people using the demo left
 * it. Filed by each area's demo residents; no location (the area is enough to count them).
 */
export function seedRequestHistory(storage: Storage, city: City, now: Date): number {
  if (!city.demo) return 0;
  const rng = seededRandom(0x5ac_0311);
  const residents = storage.users.list({ role: 'citizen', status: 'active' });
  const byArea = new Map<string, string>();
  for (const r of residents) if (r.areaId && !byArea.has(r.areaId)) byArea.set(r.areaId, r.id);
  const end = now.getTime() - 3 * DAY_MS;
  const start = end - MONTHS * 30.44 * DAY_MS;
  // Poisson by inversion: small means, a handful of draws.
  const poisson = (mean: number) => {
    let k = 0;
    for (let p = rng(); p > Math.exp(-mean); p *= rng()) k++;
    return k;
  };
  const pick = () => {
    let u = rng();
    for (const [status, share] of OUTCOMES) if ((u -= share) <= 0) return status;
    return OUTCOMES[0]![0];
  };
  let written = 0;
  storage.transaction(() => {
    for (const area of city.areas) {
      const reporterId = byArea.get(area.properties.id);
      if (!reporterId) continue;
      for (let m = 0; m < MONTHS; m++) {
        for (const [category, mean] of MEANS) {
          for (let k = poisson(mean); k > 0; k--) {
            const at = start + (m + rng()) * 30.44 * DAY_MS;
            const answered = Math.min(end, at + (0.5 + rng() * 10) * DAY_MS);
            const received = new Date(at).toISOString();
            const status = pick();
            storage.requests.insert({
              id: `demo-request-${++written}`,
              source: 'resident',
              reporterId,
              unitId: null,
              category,
              description: 'Pedido de ejemplo de la ciudad de demostración.',
              location: null,
              areaId: area.properties.id,
              createdAt: received,
              receivedAt: received,
              status,
              statusAt: new Date(answered).toISOString(),
              reply: status === 'closed' && rng() < 0.6 ? 'Listo, gracias por avisar.' : '',
              cancelledAt: null,
            });
          }
        }
      }
    }
  });
  return written;
}
