import { seededRandom } from '../../shared/demo-city.js';
import { areaForPoint, bbox, pointInPolygon } from '../../shared/geo.js';
import type { AlertStatus, AlertTypeCode, AreaFeature, GeoPoint } from '../../shared/types.js';
import type { City } from '../city/city.js';
import type { AlertRow, Storage } from '../storage/storage.js';
import { programmeStartDay } from './programme.js';
import { preventedBy } from './programme-effect.js';

/**
 * Two years of alerts, about 3,000 a year: enough for meaningful hot spots, and for the
 * observatory to compare a period with the one before and with the same dates a year earlier;
 * few enough to seed in well under 1 s.
 */
export const HISTORY_DAYS = 730;
export const HISTORY_ALERTS = 6000;

interface TypeProfile {
  type: AlertTypeCode;
  share: number;
  /** relative weight of each local hour 0–23 */
  hours: number[];
  /** relative weight of Sunday…Saturday */
  weekdays: number[];
  /** fraction raised at one of the persistent hot places (the rest anywhere in the city) */
  atHotPlace: number;
  /** which hot places this type clusters at (indices into HOT_PLACES) */
  places: number[];
}

const hours = (f: (h: number) => number): number[] => Array.from({ length: 24 }, (_, h) => f(h));

/**
 * The pattern: robberies (the general alert) concentrated between 3 and 7 a.m. and
 * heavier on weekend nights; bicycle thefts by day on weekdays near the centre; violence at
 * home in the evening and at weekends; medical emergencies by day, everywhere; a few fires.
 * A handful of persistent hot places draw most street crime, as micro-place studies find.
 */
const PROFILES: readonly TypeProfile[] = [
  {
    type: 'general',
    share: 0.45,
    hours: hours((h) => (h >= 3 && h < 7 ? 10 : h >= 20 || h < 3 ? 2 : 0.6)),
    weekdays: [1.8, 0.8, 0.8, 0.9, 1, 1.3, 2],
    atHotPlace: 0.6,
    places: [0, 1, 2, 3, 4],
  },
  {
    type: 'bicycle_theft',
    share: 0.2,
    hours: hours((h) => (h >= 8 && h < 19 ? 4 : h >= 19 && h < 23 ? 1 : 0.2)),
    weekdays: [0.5, 1.2, 1.2, 1.2, 1.2, 1.1, 0.6],
    atHotPlace: 0.5,
    places: [5, 1],
  },
  {
    type: 'medical',
    share: 0.2,
    hours: hours((h) => (h >= 8 && h < 22 ? 2 : 1)),
    weekdays: [1, 1, 1, 1, 1, 1, 1],
    atHotPlace: 0,
    places: [],
  },
  {
    type: 'gender_violence',
    share: 0.08,
    hours: hours((h) => (h >= 20 || h < 3 ? 4 : 0.7)),
    weekdays: [2, 0.8, 0.8, 0.8, 0.9, 1.2, 2],
    atHotPlace: 0,
    places: [],
  },
  {
    type: 'fire',
    share: 0.07,
    hours: hours((h) => (h >= 12 && h < 20 ? 3 : 1)),
    weekdays: [1, 1, 1, 1, 1, 1, 1],
    atHotPlace: 0,
    places: [],
  },
];

/** Persistent hot places: a point inside these areas (fraction of the area's box). */
export const HOT_PLACES: readonly { areaIndex: number; at: [number, number] }[] = [
  { areaIndex: 11, at: [0.35, 0.6] },
  { areaIndex: 19, at: [0.5, 0.45] },
  { areaIndex: 9, at: [0.6, 0.4] },
  { areaIndex: 4, at: [0.25, 0.7] },
  { areaIndex: 34, at: [0.6, 0.55] },
  { areaIndex: 21, at: [0.4, 0.35] },
];

/** Standard deviation of the scatter around a hot place: about one cell. */
const SCATTER_METRES = 60;
const TZ_OFFSET_HOURS = -3; // Mendoza: UTC−3 all year (Argentina keeps no daylight saving)

/**
 * Writes two years of synthetic, closed alerts into SQL only (no room, no push, no siren), ending
 * with the city's yesterday, so hot spots and the shift plan have something to stand on. Reproducible:
 * the same city and the same day give the same history. One transaction; a few thousand rows
 * (the bench asks for ten times as many, for the observatory's figures).
 */
export function seedHistory(
  storage: Storage,
  city: City,
  now: Date,
  alerts = HISTORY_ALERTS,
  /** usernames who may have raised them (default: every active resident) */
  only?: ReadonlySet<string>,
): number {
  const rng = seededRandom(0x5ac_2025);
  const areas = city.areas;
  const reporters = storage.users
    .list({ role: 'citizen', status: 'active' })
    .filter((u) => !only || only.has(u.username));
  if (reporters.length === 0 || areas.length === 0) return 0;
  const byArea = new Map(reporters.map((r) => [r.areaId, r.id]));
  const unitOf = new Map(city.units.flatMap((u) => u.quadrant.map((a) => [a, u.id] as const)));
  const places = HOT_PLACES.map((p) => hotPlace(areas[p.areaIndex % areas.length]!, p.at));
  const cityBox = bbox(areas.flatMap((a) => a.geometry.coordinates[0] ?? []));
  // Yesterday in the city's calendar: by the UTC date, late evening in the city would seed
  // "today" (and hours still to come), and the console's figures for today would count it.
  const endDay = Math.floor((now.getTime() + TZ_OFFSET_HOURS * 3_600_000) / 86_400_000) - 1;

  const rows: AlertRow[] = [];
  for (let i = 0; i < alerts; i++) {
    const profile = pickWeighted(PROFILES, (p) => p.share, rng);
    const created = when(profile, endDay, rng);
    const location =
      profile.places.length && rng() < profile.atHotPlace
        ? scatter(places[profile.places[Math.floor(rng() * profile.places.length)]!]!, rng)
        : anywhere(cityBox, areas, rng);
    const areaId = areaForPoint(location, areas);
    const closing = closingStatus(rng);
    const receivedAt = new Date(created.getTime() + 2_000 + Math.floor(rng() * 8_000));
    const closedAt = new Date(receivedAt.getTime() + (15 + Math.floor(rng() * 60)) * 60_000);
    const reporterId =
      (areaId && byArea.get(areaId)) || reporters[Math.floor(rng() * reporters.length)]!.id;
    const row: AlertRow = {
      id: uuidFrom(rng),
      reporterId,
      type: profile.type,
      createdAt: created.toISOString(),
      receivedAt: receivedAt.toISOString(),
      location: { ...location, accuracy: 8 + Math.floor(rng() * 25) },
      note: '',
      areaId,
      status: closing,
      statusAt: closedAt.toISOString(),
      sirenRequested: false,
      flagged: false,
      assignedUnit: closing === 'resolved' && areaId ? (unitOf.get(areaId) ?? null) : null,
    };
    rows.push(row);
  }
  // The fixed-point programme's effect (programme-effect.ts): robberies it prevented are left
  // out, chosen without drawing from the stream, so every other alert is what it always was.
  const startDay = programmeStartDay(endDay);
  const startIso = new Date((startDay * 24 - TZ_OFFSET_HOURS) * 3_600_000).toISOString();
  const prevented = preventedBy(city, startDay, startIso, rows);
  let written = 0;
  storage.transaction(() => {
    for (const row of rows) {
      if (prevented(row)) continue;
      if (!storage.alerts.insert(row)) continue;
      storage.alerts.addEvent({
        alertId: row.id,
        status: 'received',
        at: row.receivedAt,
        by: row.reporterId,
      });
      storage.alerts.addEvent({
        alertId: row.id,
        status: row.status,
        at: row.statusAt,
        by: 'history',
      });
      written++;
    }
  });
  return written;
}

/** A day of the year by the type's weekday weights, then an hour by its hour weights. */
function when(p: TypeProfile, endDay: number, rng: () => number): Date {
  for (;;) {
    const day = endDay - Math.floor(rng() * HISTORY_DAYS);
    const weekday = (new Date(day * 86_400_000).getUTCDay() + 7) % 7;
    if (rng() * 2 > p.weekdays[weekday]!) continue;
    const hour = pickWeighted(
      p.hours.map((w, h) => ({ w, h })),
      (x) => x.w,
      rng,
    ).h;
    const minute = Math.floor(rng() * 60);
    // Local midnight of `day` in the city is 03:00 UTC.
    return new Date(day * 86_400_000 + ((hour - TZ_OFFSET_HOURS) * 60 + minute) * 60_000);
  }
}

function closingStatus(rng: () => number): AlertStatus {
  const r = rng();
  return r < 0.05 ? 'false_alarm' : r < 0.08 ? 'cancelled' : 'resolved';
}

export function hotPlace(area: AreaFeature, [fx, fy]: [number, number]): GeoPoint {
  const b = bbox(area.geometry.coordinates[0]!);
  return { lat: b.minLat + (b.maxLat - b.minLat) * fy, lng: b.minLng + (b.maxLng - b.minLng) * fx };
}

/** Gaussian scatter (Box–Muller) of about SCATTER_METRES around a place. */
function scatter(p: GeoPoint, rng: () => number): GeoPoint {
  const r = SCATTER_METRES * Math.sqrt(-2 * Math.log(1 - rng()));
  const a = 2 * Math.PI * rng();
  const dLat = (r * Math.sin(a)) / 111_195;
  const dLng = (r * Math.cos(a)) / (111_195 * Math.cos((p.lat * Math.PI) / 180));
  return { lat: round6(p.lat + dLat), lng: round6(p.lng + dLng) };
}

function anywhere(box: ReturnType<typeof bbox>, areas: AreaFeature[], rng: () => number): GeoPoint {
  for (let attempt = 0; attempt < 20; attempt++) {
    const p = {
      lat: round6(box.minLat + (box.maxLat - box.minLat) * rng()),
      lng: round6(box.minLng + (box.maxLng - box.minLng) * rng()),
    };
    if (areas.some((a) => pointInPolygon(p, a.geometry.coordinates[0]!))) return p;
  }
  return { lat: (box.minLat + box.maxLat) / 2, lng: (box.minLng + box.maxLng) / 2 };
}

function pickWeighted<T>(items: readonly T[], weight: (t: T) => number, rng: () => number): T {
  const total = items.reduce((s, t) => s + weight(t), 0);
  let r = rng() * total;
  for (const t of items) {
    r -= weight(t);
    if (r < 0) return t;
  }
  return items[items.length - 1]!;
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

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
