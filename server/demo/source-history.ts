import { seededRandom } from '../../shared/demo-city.js';
import { CITY_TIME_ZONE } from '../../shared/i18n/core.js';
import type { ImportProvenance } from '../../shared/observatory-evaluation.js';
import type { AreaFeature } from '../../shared/types.js';
import type { City } from '../city/city.js';
import { importSource } from '../observatory/sources/importer.js';
import { isoDay, localClock } from '../observatory/local-time.js';
import type { Storage } from '../storage/storage.js';

/** The days the 911 sample covers, up to the demo's yesterday. */
const CALL_DAYS = 90;
const CALLS = 420;
const BROKEN_LAMPS = 160;
const DEMO = 'Datos de demostración';
/**
 * Where the 911 sample clusters: three of the alert history's hot places (history.ts, as
 * fractions of an area's box) and two places of its own, so the two sources agree in part
 * and differ in part, as two real sources would.
 */
const CALL_PLACES: readonly { areaIndex: number; at: [number, number] }[] = [
  { areaIndex: 11, at: [0.35, 0.6] },
  { areaIndex: 19, at: [0.5, 0.45] },
  { areaIndex: 9, at: [0.6, 0.4] },
  { areaIndex: 26, at: [0.5, 0.5] },
  { areaIndex: 2, at: [0.3, 0.3] },
];

/**
 * A sample of other sources, imported as an analyst would (demo only; reproducible): the
 * public-lighting inventory's lamps out of service (context, exact points, one survey) and a
 * sample of 911 calls (incidents, snapped to the block, dated over the last three months). Both
 * are written as the CSV files an analyst would receive and go through the import's own checks.
 * Returns the records written.
 */
export function seedSourceHistory(storage: Storage, city: City, now: Date): number {
  if (!city.demo) return 0;
  const analyst = storage.users.byUsername('analista1');
  if (!analyst) return 0;
  const yesterday = localClock(CITY_TIME_ZONE)(now.getTime()).day - 1;
  const to = isoDay(yesterday);
  const random = seededRandom(0x5ac_0f16);
  const lampHubs = Array.from({ length: 6 }, () => pointIn(city.areas, random));
  const callHubs = CALL_PLACES.map((p) =>
    placeIn(city.areas[p.areaIndex % city.areas.length]!, p.at),
  );
  const near = (hubs: readonly { lat: number; lng: number }[], spread: number) => {
    const hub = hubs[Math.floor(random() * hubs.length)]!;
    // A hub's neighbourhood (roughly normal, sd `spread` degrees), else anywhere in the city.
    if (random() < 0.3) return pointIn(city.areas, random);
    return { lat: hub.lat + gauss(random) * spread, lng: hub.lng + gauss(random) * spread };
  };

  let written = 0;
  const run = (provenance: ImportProvenance, header: string, rows: string[]) => {
    const out = importSource(storage, {
      provenance,
      format: 'csv',
      text: [header, ...rows].join('\r\n'),
      areas: city.areas,
      timeZone: CITY_TIME_ZONE,
      actorId: analyst.id,
      actorName: analyst.username,
      now,
    });
    if (out.ok) written += out.source.records;
  };

  const lamps: string[] = [];
  const faults = ['lámpara quemada', 'columna dañada', 'sin tensión', 'vandalismo'];
  while (lamps.length < BROKEN_LAMPS) {
    const p = near(lampHubs, 0.004);
    if (!inside(city.areas, p)) continue;
    lamps.push(`${p.lat.toFixed(6)};${p.lng.toFixed(6)};${pick(faults, random)}`);
  }
  run(
    {
      name: 'Luminarias fuera de servicio (relevamiento)',
      provider: `Alumbrado público municipal — ${DEMO}`,
      licence: 'CC-BY-4.0',
      from: isoDay(yesterday - 13),
      to,
      precision: 'exact',
      kind: 'context',
    },
    'latitud;longitud;categoria',
    lamps,
  );

  const calls: { day: number; line: string }[] = [];
  const kinds = ['robo', 'hurto', 'riña', 'persona sospechosa', 'ruidos molestos'];
  while (calls.length < CALLS) {
    const p = near(callHubs, 0.0015);
    // Block precision: the calls' centre gives the block's corner, not the door.
    const block = {
      lat: Math.round(p.lat / 0.0009) * 0.0009,
      lng: Math.round(p.lng / 0.00107) * 0.00107,
    };
    if (!inside(city.areas, block)) continue;
    const day = yesterday - Math.floor(random() * CALL_DAYS);
    const hour = Math.floor((random() + random()) * 12) % 24;
    const minute = Math.floor(random() * 60);
    const [y, m, d] = isoDay(day).split('-');
    const when = `${d}/${m}/${y} ${pad(hour)}:${pad(minute)}`;
    calls.push({
      day,
      line: `${block.lat.toFixed(5)},${block.lng.toFixed(5)},${when},${pick(kinds, random)}`,
    });
  }
  run(
    {
      name: 'Llamadas al 911 (muestra)',
      provider: `Centro de emergencias 911 — ${DEMO}`,
      licence: 'CC-BY-4.0',
      from: isoDay(yesterday - CALL_DAYS + 1),
      to,
      precision: 'block',
      kind: 'incidents',
    },
    'lat,lng,fecha,categoria',
    calls.sort((a, b) => a.day - b.day).map((c) => c.line),
  );
  return written;
}

function pointIn(
  areas: readonly AreaFeature[],
  random: () => number,
): { lat: number; lng: number } {
  const ring = areas[Math.floor(random() * areas.length)]!.geometry.coordinates[0]!;
  const lngs = ring.map((c) => c[0]!);
  const lats = ring.map((c) => c[1]!);
  const lat = Math.min(...lats) + random() * (Math.max(...lats) - Math.min(...lats));
  const lng = Math.min(...lngs) + random() * (Math.max(...lngs) - Math.min(...lngs));
  return { lat, lng };
}

function placeIn(area: AreaFeature, [fx, fy]: [number, number]): { lat: number; lng: number } {
  const ring = area.geometry.coordinates[0]!;
  const lngs = ring.map((c) => c[0]!);
  const lats = ring.map((c) => c[1]!);
  const [s, n, w, e] = [Math.min(...lats), Math.max(...lats), Math.min(...lngs), Math.max(...lngs)];
  return { lat: s + (n - s) * fy, lng: w + (e - w) * fx };
}

/** Inside the city's outline, with a margin from its edge so rounding cannot push it out. */
function inside(areas: readonly AreaFeature[], p: { lat: number; lng: number }): boolean {
  return areas.some((a) => {
    const ring = a.geometry.coordinates[0]!;
    const lngs = ring.map((c) => c[0]!);
    const lats = ring.map((c) => c[1]!);
    const m = 0.0002;
    return (
      p.lat > Math.min(...lats) + m &&
      p.lat < Math.max(...lats) - m &&
      p.lng > Math.min(...lngs) + m &&
      p.lng < Math.max(...lngs) - m
    );
  });
}

function gauss(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function pick<T>(xs: readonly T[], random: () => number): T {
  return xs[Math.floor(random() * xs.length)]!;
}

const pad = (n: number) => String(n).padStart(2, '0');
