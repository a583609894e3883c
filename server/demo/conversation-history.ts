import { ANSWERS, type Answer } from '../../shared/conversations.js';
import { seededRandom } from '../../shared/demo-city.js';
import { bbox, distanceMetres, pointInPolygon } from '../../shared/geo.js';
import { SHIFTS, shiftWindow } from '../../shared/plan.js';
import type { AreaFeature, GeoPoint } from '../../shared/types.js';
import type { City } from '../city/city.js';
import { isoDay } from '../observatory/local-time.js';
import { areaLocator } from '../observatory/area-index.js';
import { ALERT_INCIDENT_TYPES } from '../observatory/dataset.js';
import type { Storage } from '../storage/storage.js';
import { HOT_PLACES, hotPlace } from './history.js';
import { programmeStartDay } from './programme.js';

/** Its own stream: neither the alert history's nor the response stages' draws move. */
const SEED = 0x5ac_c0de;
const TZ_OFFSET_HOURS = -3; // as history.ts: the demo's "yesterday" is the city's
/** Within this of a hot place a neighbour has seen what the alerts record. */
const NEAR_METRES = 250;

/** Chances of "yes", "no" (the rest "unsure") per question and kind of place. */
type Odds = Record<string, [number, number]>;
const ORDINARY: Odds = {
  feels_safe_night: [0.6, 0.3],
  trash_pickup: [0.6, 0.3],
  street_lighting: [0.7, 0.2],
  suspicious_activity: [0.05, 0.85],
  knows_alert_app: [0.45, 0.45],
};
/** Near the hot places: the robberies are felt and seen. */
const HOT: Odds = {
  ...ORDINARY,
  feels_safe_night: [0.22, 0.7],
  suspicious_activity: [0.3, 0.6],
};
/** The dark area: unlit streets feel unsafe though little is reported there. */
const DARK: Odds = {
  ...ORDINARY,
  feels_safe_night: [0.12, 0.8],
  street_lighting: [0.1, 0.85],
  suspicious_activity: [0.03, 0.9],
};

/**
 * Officers' conversations with neighbours since the programme started: one to three per unit
 * and shift, held in the unit's quadrant (a third of them near a hot place when the quadrant
 * has one), by one of the unit's own officers. Answers vary by place: near the history's hot
 * places people feel unsafe and more often report suspicious activity (the observatory's
 * `patrol` incidents); in one area far from every hot place the streets are unlit and people
 * feel unsafe although few incidents are recorded there (the quadrant's "feels unsafe, few
 * incidents"); knowing the alert app grows over the weeks. No note is written. Demo only;
 * reproducible. Returns the rows written.
 */
export function seedConversationHistory(storage: Storage, city: City, now: Date): number {
  if (!city.demo || city.areas.length === 0) return 0;
  const rng = seededRandom(SEED);
  const areas = new Map(city.areas.map((a) => [a.properties.id, a]));
  const places = HOT_PLACES.map((p) =>
    hotPlace(city.areas[p.areaIndex % city.areas.length]!, p.at),
  );
  const dark = darkArea(storage, city, places);
  const officers = new Map<string, string[]>();
  for (const u of storage.users.list({ role: 'officer', status: 'active' })) {
    if (u.unitId) officers.set(u.unitId, [...(officers.get(u.unitId) ?? []), u.id]);
  }
  const endDay = Math.floor((now.getTime() + TZ_OFFSET_HOURS * 3_600_000) / 86_400_000) - 1;
  const startDay = programmeStartDay(endDay);
  const latest = now.getTime() - 60_000;

  let written = 0;
  storage.transaction(() => {
    for (let day = startDay; day <= endDay; day++) {
      const progress = (day - startDay) / Math.max(1, endDay - startDay);
      for (const shift of SHIFTS) {
        const w = shiftWindow(isoDay(day), shift.id);
        // Finished shifts only: the shift on duty now is the officers' own to log.
        if (w.end.getTime() > latest) continue;
        for (const unit of city.units) {
          const crew = officers.get(unit.id);
          const quadrant = unit.quadrant.map((id) => areas.get(id)).filter((a) => !!a);
          if (!crew?.length || quadrant.length === 0) continue;
          const hot = places.filter((p) => quadrant.some((a) => holds(a, p)));
          const count = 1 + Math.floor(rng() * 3);
          for (let k = 0; k < count; k++) {
            const at = w.start.getTime() + rng() * (w.end.getTime() - w.start.getTime());
            const area = quadrant[Math.floor(rng() * quadrant.length)]!;
            const p =
              hot.length && rng() < 0.35
                ? scatter(hot[Math.floor(rng() * hot.length)]!, rng)
                : pointIn(area, rng);
            const areaId = quadrant.find((a) => holds(a, p))?.properties.id ?? area.properties.id;
            const near = places.some((h) => distanceMetres(h, p) < NEAR_METRES);
            const odds = near ? HOT : areaId === dark ? DARK : ORDINARY;
            const answers: Record<string, string> = {};
            for (const [question, [yes, no]] of Object.entries(odds)) {
              if (rng() < 0.08) continue; // a question the neighbour did not answer
              const y = question === 'knows_alert_app' ? yes + 0.3 * progress : yes;
              answers[question] = pick(y, question === 'knows_alert_app' ? 1 - y - 0.1 : no, rng);
            }
            const stored = storage.patrol.addConversation({
              id: uuidFrom(rng),
              unitId: unit.id,
              officerId: crew[Math.floor(rng() * crew.length)]!,
              at: new Date(at).toISOString(),
              receivedAt: new Date(Math.min(latest, at + 2_000 + rng() * 120_000)).toISOString(),
              location: { lat: p.lat, lng: p.lng, accuracy: 5 + Math.floor(rng() * 15) },
              areaId,
              answers,
              note: '',
            });
            if (stored) written++;
          }
        }
      }
    }
  });
  return written;
}

function pick(yes: number, no: number, rng: () => number): Answer {
  const r = rng();
  return r < yes ? ANSWERS[0] : r < yes + no ? ANSWERS[1] : ANSWERS[2];
}

const holds = (a: AreaFeature, p: GeoPoint) => pointInPolygon(p, a.geometry.coordinates[0] ?? []);

/** An area this far from every hot place is out of their reach. */
const AWAY_METRES = 1000;

/**
 * The demo's unlit streets: of the areas whose centre is away from every hot place, the one
 * with the fewest recorded incidents per registered household (counted as the observatory
 * does: verified non-silent alerts with a location), so it reads "feels unsafe, few incidents".
 */
export function darkArea(storage: Storage, city: City, places: readonly GeoPoint[]): string {
  const locate = areaLocator(city.areas);
  const data = storage.perception.dataset();
  const count = (points: readonly GeoPoint[]) => {
    const out = new Map<string, number>();
    for (const p of points) {
      const id = locate(p);
      if (id) out.set(id, (out.get(id) ?? 0) + 1);
    }
    return out;
  };
  const incidents = count(data.alerts(ALERT_INCIDENT_TYPES));
  const homes = count(data.homes());
  let best = { id: city.areas[0]!.properties.id, rate: Infinity };
  for (const a of city.areas) {
    const b = bbox(a.geometry.coordinates[0]!);
    const c = { lat: (b.minLat + b.maxLat) / 2, lng: (b.minLng + b.maxLng) / 2 };
    if (places.some((p) => distanceMetres(p, c) < AWAY_METRES)) continue;
    const h = homes.get(a.properties.id) ?? 0;
    const rate = h > 0 ? (incidents.get(a.properties.id) ?? 0) / h : Infinity;
    if (rate < best.rate) best = { id: a.properties.id, rate };
  }
  return best.id;
}

function pointIn(area: AreaFeature, rng: () => number): GeoPoint {
  const ring = area.geometry.coordinates[0]!;
  const b = bbox(ring);
  for (let attempt = 0; attempt < 20; attempt++) {
    const p = {
      lat: round6(b.minLat + (b.maxLat - b.minLat) * rng()),
      lng: round6(b.minLng + (b.maxLng - b.minLng) * rng()),
    };
    if (pointInPolygon(p, ring)) return p;
  }
  return { lat: round6((b.minLat + b.maxLat) / 2), lng: round6((b.minLng + b.maxLng) / 2) };
}

/** About 100 m around a place (where the officers stop and talk). */
function scatter(p: GeoPoint, rng: () => number): GeoPoint {
  const r = 100 * Math.sqrt(-2 * Math.log(1 - rng()));
  const a = 2 * Math.PI * rng();
  const dLat = (r * Math.sin(a)) / 111_195;
  const dLng = (r * Math.cos(a)) / (111_195 * Math.cos((p.lat * Math.PI) / 180));
  return { lat: round6(p.lat + dLat), lng: round6(p.lng + dLng) };
}

/** A version-4-shaped UUID from the seeded stream: the same history gets the same ids. */
function uuidFrom(rng: () => number): string {
  const word = () =>
    Math.floor(rng() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  const s = word() + word() + word() + word();
  const variant = ((parseInt(s[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20)}`;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
