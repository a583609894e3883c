/**
 * The demo city of DESIGN §9: an 8 × 5 grid of neighbourhoods over Godoy Cruz with
 * sirens, patrol units, residents and staff. Everything is derived from fixed seeds (never
 * Math.random), so every run, every test and every engineer's machine gets the same city,
 * and a demo user's home, phone and name do not change between restarts.
 *
 * The names are plausible, not a survey: area names are real-sounding Godoy Cruz barrios
 * placed on a regular grid, not their true boundaries.
 */
import { bbox, distanceMetres, pointInPolygon } from './geo.js';
import type { AreaFeature, GeoPoint, Role } from './types.js';

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_CENTRE: GeoPoint = { lat: -32.9275, lng: -68.845 };

export const DEMO_COLUMNS = 8;
export const DEMO_ROWS = 5;
const WIDTH_METRES = 7000;
const HEIGHT_METRES = 5000;
/** Metres per degree of latitude on the sphere `geo.ts` measures with. */
const METRES_PER_DEGREE = 111_195;

export interface DemoSiren {
  id: string;
  areaId: string;
  lat: number;
  lng: number;
  label: string;
}

export interface DemoUnit {
  id: string;
  label: string;
  /** Area ids the unit patrols: 4 contiguous cells of the grid. */
  quadrant: string[];
}

export interface DemoResident {
  username: string;
  name: string;
  phone: string;
  address: string;
  home: GeoPoint;
  areaId: string;
}

export interface DemoStaff {
  username: string;
  name: string;
  role: Extract<Role, 'officer' | 'operator' | 'admin' | 'analyst'>;
  unitId: string | null;
}

const AREA_NAMES = list(`
  Villa Hipódromo, Barrio Trapiche, San Vicente, Las Tortugas, Villa Marini, Benegas,
  Bombal Sur, Villa del Parque, Sarmiento, Progreso, Barrio Bancario, La Gloria,
  San Francisco del Monte, Campo Papa, Barrio Covimet, Barrio Foecyt, Jardín Sarmiento,
  Barrio Huarpes, Barrio Tirasso, Centro, Barrio SUPE, Barrio Gráfico, Barrio Unimev,
  Tres Estrellas, Barrio Integración, Barrio 26 de Enero, Palmares, Los Olivos,
  Barrio Ferroviario, Barrio Municipal, Barrio Docente, Barrio Sanidad, Barrio Judicial,
  Barrio Aeronáutico, Villa Armonía, La Estanzuela, Barrio Belgrano, Barrio Rivadavia,
  Barrio Pellegrini, Barrio Amupe
`);

// 41 first names and 40 surnames: coprime lengths, so pairing index i with
// (i mod 41, i mod 40) gives 1640 distinct full names before any repeats.
const FIRST_NAMES = list(`
  María, Juan, Lucía, Martín, Sofía, Facundo, Valentina, Diego, Camila, Matías, Florencia,
  Nicolás, Agustina, Gonzalo, Julieta, Federico, Carolina, Santiago, Micaela, Lucas, Romina,
  Pablo, Daniela, Ezequiel, Marina, Leandro, Paula, Franco, Natalia, Emiliano, Silvina,
  Hernán, Gabriela, Rodrigo, Laura, Sebastián, Mariela, Joaquín, Verónica, Cristian, Graciela
`);
const SURNAMES = list(`
  González, Rodríguez, Gómez, Fernández, López, Díaz, Martínez, Pérez, García, Sánchez,
  Romero, Sosa, Álvarez, Torres, Ruiz, Ramírez, Flores, Benítez, Acosta, Medina, Herrera,
  Aguirre, Pereyra, Gutiérrez, Giménez, Molina, Silva, Castro, Rojas, Ortiz, Funes, Guevara,
  Lucero, Quiroga, Ponce, Videla, Morales, Ojeda, Suárez, Vázquez
`);
const STREETS = list(`
  Av. San Martín, Perito Moreno, Rivadavia, Tomba, Beltrán, Joaquín V. González, Sarmiento,
  Paso de los Andes, Av. Rodríguez Peña, Cervantes, Balcarce, Lavalle, Colón, Italia,
  Talcahuano, Sargento Cabral, 25 de Mayo, Mitre, Vergara, Tiburcio Benegas, Salta,
  Tucumán, Corrientes, Minuzzi, Laprida, Güemes
`);

/** Officers per patrol car: the reference city staffs its cars in pairs. */
const OFFICERS_PER_UNIT = 2;
const UNIT_COUNT = 10;
const OPERATOR_COUNT = 3;

/**
 * The 40 areas, `area-1` at the north-west corner, numbered west to east, then north to
 * south. Cell edges are computed once and shared, so neighbouring polygons meet exactly
 * and every point of the city falls in one area (see `pointInPolygon`).
 *
 * A finer grid over the same ground (the bench's reference city: 25 × 16 = 400
 * neighbourhood groups, DESIGN §1) reuses the 40 names with a number after the first round.
 */
export function demoAreas(columns = DEMO_COLUMNS, rows = DEMO_ROWS): AreaFeature[] {
  const latSpan = HEIGHT_METRES / METRES_PER_DEGREE;
  const lngSpan = WIDTH_METRES / (METRES_PER_DEGREE * Math.cos((DEMO_CENTRE.lat * Math.PI) / 180));
  const north = DEMO_CENTRE.lat + latSpan / 2;
  const west = DEMO_CENTRE.lng - lngSpan / 2;
  const latEdges = range(rows + 1).map((r) => round6(north - (r * latSpan) / rows));
  const lngEdges = range(columns + 1).map((c) => round6(west + (c * lngSpan) / columns));

  return range(rows * columns).map((i) => {
    const row = Math.floor(i / columns);
    const col = i % columns;
    const round = Math.floor(i / AREA_NAMES.length);
    const n = latEdges[row]!;
    const s = latEdges[row + 1]!;
    const w = lngEdges[col]!;
    const e = lngEdges[col + 1]!;
    return {
      type: 'Feature',
      properties: {
        id: `area-${i + 1}`,
        name: AREA_NAMES[i % AREA_NAMES.length]! + (round > 0 ? ` ${round + 1}` : ''),
      },
      // Counter-clockwise exterior ring, closed, as RFC 7946 asks.
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [w, s],
            [e, s],
            [e, n],
            [w, n],
            [w, s],
          ],
        ],
      },
    };
  });
}

/** `perArea` central units inside each area, ids `siren-1`… in area order. */
export function demoSirens(areas: AreaFeature[], perArea = 3): DemoSiren[] {
  const sirens: DemoSiren[] = [];
  for (const area of areas) {
    const rng = seededRandom(seedOf(`siren:${area.properties.id}`));
    for (let k = 1; k <= perArea; k++) {
      const p = pointInArea(area, rng);
      sirens.push({
        id: `siren-${sirens.length + 1}`,
        areaId: area.properties.id,
        lat: p.lat,
        lng: p.lng,
        label: `Central ${k} — ${area.properties.name}`,
      });
    }
  }
  return sirens;
}

/**
 * Ten units, each patrolling 4 contiguous areas: rows 1–4 split into 2 × 2 blocks (eight
 * units), and the southern row into two strips of 4 (an 8 × 5 grid has no tiling into
 * ten 2 × 2 blocks).
 */
export function demoUnits(): DemoUnit[] {
  const quadrants: string[][] = range(UNIT_COUNT).map(() => []);
  for (let row = 0; row < DEMO_ROWS; row++) {
    for (let col = 0; col < DEMO_COLUMNS; col++) {
      const q = row < 4 ? Math.floor(row / 2) * 4 + Math.floor(col / 2) : 8 + Math.floor(col / 4);
      quadrants[q]!.push(`area-${row * DEMO_COLUMNS + col + 1}`);
    }
  }
  return quadrants.map((quadrant, i) => ({
    id: `unit-${i + 1}`,
    label: `Móvil ${i + 1}`,
    quadrant,
  }));
}

/** Three residents per area: a newcomer can be two neighbours (`vecino1`, `vecino41`). */
export const DEMO_RESIDENTS_PER_AREA = 3;

/**
 * `vecino1`… Resident i lives in area ((i - 1) mod areas) + 1. Each is derived from its own
 * index alone: asking for more residents never changes the first ones.
 */
export function demoResidents(
  areas: AreaFeature[],
  count = areas.length * DEMO_RESIDENTS_PER_AREA,
): DemoResident[] {
  if (areas.length === 0) throw new Error('demoResidents: no areas');
  return range(count).map((i) => {
    const area = areas[i % areas.length]!;
    const rng = seededRandom(seedOf(`resident:${i + 1}`));
    return {
      username: `vecino${i + 1}`,
      name: personName(i),
      phone: phoneFor(i),
      address: `${pick(STREETS, rng)} ${100 + Math.floor(rng() * 3900)}`,
      home: pointInArea(area, rng),
      areaId: area.properties.id,
    };
  });
}

/** The reference city's registered users (DESIGN §1): the demo holds as many residents. */
export const DEMO_REGISTERED_USERS = 16_788;

export interface DemoHousehold {
  username: string;
  name: string;
  home: GeoPoint;
  areaId: string;
}

/**
 * The rest of the reference city's registered residents (`hogar1`…), beyond the demo residents
 * people sign in as: accounts with a home and nothing else (no phone, no alerts, no push), so
 * that figures per registered household (the observatory's rate layer) have a denominator like
 * a real city's. Homes are denser towards the city's centre, as a town's are. Reproducible.
 */
export function demoHouseholds(
  areas: AreaFeature[],
  centre: GeoPoint,
  count = DEMO_REGISTERED_USERS - areas.length * DEMO_RESIDENTS_PER_AREA,
): DemoHousehold[] {
  const rings = areas.map((a) => a.geometry.coordinates[0]!);
  const box = bbox(rings.flat());
  const rng = seededRandom(seedOf('households'));
  const out: DemoHousehold[] = [];
  for (let tries = 0; out.length < count && tries < count * 50; tries++) {
    const p = {
      lat: round6(box.minLat + (box.maxLat - box.minLat) * rng()),
      lng: round6(box.minLng + (box.maxLng - box.minLng) * rng()),
    };
    if (rng() > 0.2 + 0.8 * Math.exp(-distanceMetres(p, centre) / 2500)) continue;
    const k = rings.findIndex((ring) => pointInPolygon(p, ring));
    if (k < 0) continue;
    const i = out.length;
    // Names from the second round on (two surnames): never the same as a resident's or staff's.
    out.push({
      username: `hogar${i + 1}`,
      name: personName(i + FIRST_NAMES.length * SURNAMES.length),
      home: p,
      areaId: areas[k]!.properties.id,
    });
  }
  return out;
}

/**
 * Officers `oficial1`…`oficial20` (two per unit), operators `operador1`…, `admin`, and the
 * observatory's analyst `analista1`.
 */
export function demoStaff(): DemoStaff[] {
  // Staff names count down from the top of the name space so they never collide with
  // residents' names, which count up from zero.
  let nameIndex = FIRST_NAMES.length * SURNAMES.length - 1;
  const staff: DemoStaff[] = [];
  for (let k = 1; k <= UNIT_COUNT * OFFICERS_PER_UNIT; k++) {
    staff.push({
      username: `oficial${k}`,
      name: personName(nameIndex--),
      role: 'officer',
      unitId: `unit-${Math.ceil(k / OFFICERS_PER_UNIT)}`,
    });
  }
  for (let k = 1; k <= OPERATOR_COUNT; k++) {
    staff.push({
      username: `operador${k}`,
      name: personName(nameIndex--),
      role: 'operator',
      unitId: null,
    });
  }
  staff.push({ username: 'admin', name: personName(nameIndex--), role: 'admin', unitId: null });
  // Last, so every name before it stays what it was.
  staff.push({
    username: 'analista1',
    name: personName(nameIndex--),
    role: 'analyst',
    unitId: null,
  });
  return staff;
}

/** mulberry32: tiny, fast and good enough for demo data; not for anything secret. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a: turns a stable key into a seed, so each generated thing has its own stream. */
function seedOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Distinct for i < 1640; past that a second surname keeps them distinct (Argentine style). */
function personName(i: number): string {
  const base = `${FIRST_NAMES[i % FIRST_NAMES.length]!} ${SURNAMES[i % SURNAMES.length]!}`;
  const round = Math.floor(i / (FIRST_NAMES.length * SURNAMES.length));
  return round === 0 ? base : `${base} ${SURNAMES[(round - 1) % SURNAMES.length]!}`;
}

/**
 * `+54 261 4xx xxxx` (Mendoza landline/mobile area code). i ↦ (i × 386 137 + 123 457) mod
 * 10⁶ is a bijection because the multiplier is coprime with 10⁶: unique, yet not sequential.
 */
function phoneFor(i: number): string {
  const n = (i * 386_137 + 123_457) % 1_000_000;
  const digits = String(n).padStart(6, '0');
  return `+54 261 4${digits.slice(0, 2)} ${digits.slice(2)}`;
}

/** A random point inside the area, kept 10 % of the box away from its edges. */
function pointInArea(area: AreaFeature, rng: () => number): GeoPoint {
  const outer = area.geometry.coordinates[0]!;
  const box = bbox(outer);
  const dLat = box.maxLat - box.minLat;
  const dLng = box.maxLng - box.minLng;
  // Rejection sampling handles any polygon shape; for the demo's rectangles the first
  // try always lands, and the loop bound keeps a degenerate polygon from hanging.
  for (let attempt = 0; attempt < 100; attempt++) {
    const p = {
      lat: round6(box.minLat + dLat * (0.1 + 0.8 * rng())),
      lng: round6(box.minLng + dLng * (0.1 + 0.8 * rng())),
    };
    if (pointInPolygon(p, outer)) return p;
  }
  throw new Error(`no point found inside ${area.properties.id}`);
}

function pick<T>(items: readonly T[], rng: () => number): T {
  return items[Math.floor(rng() * items.length)]!;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Six decimals is about 0.1 m: enough for a demo, and stable when serialised. */
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function list(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
