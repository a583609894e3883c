import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { openSqlite } from '../../server/storage/sqlite/index.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { hashToken } from '../../server/auth/sessions.js';
import type { Storage } from '../../server/storage/storage.js';
import { DEMO_CENTRE, demoAreas, demoSirens, demoUnits } from '../../shared/demo-city.js';
import { bbox } from '../../shared/geo.js';
import type { AreaFeature, GeoPoint } from '../../shared/types.js';
import { GRIDS } from './args.js';
import { seededRandom } from '../../shared/demo-city.js';

export interface BenchResident {
  idx: number;
  id: string;
  token: string;
  areaId: string;
  home: GeoPoint;
}

export interface BenchStaff {
  id: string;
  username: string;
  token: string;
  unitId: string | null;
}

export interface BenchCity {
  residents: BenchResident[];
  operators: BenchStaff[];
  officers: BenchStaff[];
  /** extra operators who only read `ops` in the relay comparison */
  relayOps: BenchStaff[];
}

/** The reference city has 683 siren central units; the demo city places 3 per area. */
export const CITY_SIRENS = 683;

/** The bench city's areas: the demo city's ground cut into `count` neighbourhood groups. */
export function benchAreas(count: number): AreaFeature[] {
  const grid = GRIDS[count];
  if (!grid) throw new Error(`no grid for ${count} areas`);
  return demoAreas(grid.columns, grid.rows);
}

/**
 * The demo city's ground as a city file (`DATA_DIR/city.json`, the product's way to
 * configure a real city) with `areaCount` neighbourhood groups (400 in the reference city:
 * 1 or 2 sirens each; 40: 17 or 18) and the reference city's 683 sirens. Ten patrol units,
 * each a block of the grid. Written before the first start, so the demo seeding issues a
 * device token for every siren.
 */
export function writeCityFile(dataDir: string, areaCount: number, sirens = CITY_SIRENS): void {
  const areas = benchAreas(areaCount);
  const per = Math.floor(sirens / areas.length);
  const extra = sirens - per * areas.length;
  const all = demoSirens(areas, per + 1);
  const chosen = areas.flatMap((a, i) =>
    all.filter((s) => s.areaId === a.properties.id).slice(0, per + (i < extra ? 1 : 0)),
  );
  const city = {
    name: 'Godoy Cruz',
    centre: DEMO_CENTRE,
    areas,
    units: areaCount === 40 ? demoUnits() : gridUnits(areaCount),
    sirens: chosen.map((s, i) => ({ ...s, id: `siren-${i + 1}` })),
  };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'city.json'), JSON.stringify(city));
}

/** Ten units over a finer grid: five column strips × two row halves. */
function gridUnits(areaCount: number): ReturnType<typeof demoUnits> {
  const { columns, rows } = GRIDS[areaCount]!;
  const quadrants: string[][] = Array.from({ length: 10 }, () => []);
  for (let i = 0; i < columns * rows; i++) {
    const col = i % columns;
    const row = Math.floor(i / columns);
    const q = Math.floor((col * 5) / columns) + 5 * Math.floor((row * 2) / rows);
    quadrants[q]!.push(`area-${i + 1}`);
  }
  return quadrants.map((quadrant, i) => ({
    id: `unit-${i + 1}`,
    label: `Móvil ${i + 1}`,
    quadrant,
  }));
}

/**
 * Writes the bench city straight into the product's SQLite store, after the server's own demo
 * seeding ran (so the demo staff and devices exist): `residents` residents spread round-robin
 * over the city's `areaCount` areas with homes inside their area, `relayOps` extra operators, and a
 * session for every user the bench connects. One scrypt hash serves every bench user; no
 * login is needed, sessions are created as the server would create them.
 */
export async function seedCity(
  dataDir: string,
  residents: number,
  relayOps: number,
  areaCount: number,
): Promise<BenchCity> {
  const storage = openSqlite(dataDir);
  try {
    const passwordHash = await hashPassword(randomBytes(12).toString('base64url'));
    const areas = benchAreas(areaCount);
    const random = seededRandom(16_788);
    const city: BenchCity = { residents: [], operators: [], officers: [], relayOps: [] };
    storage.transaction(() => {
      for (let idx = 0; idx < residents; idx++) {
        const area = areas[idx % areas.length]!;
        const box = bbox(area.geometry.coordinates[0]!);
        const home = {
          lat: round6(box.minLat + (box.maxLat - box.minLat) * (0.1 + 0.8 * random())),
          lng: round6(box.minLng + (box.maxLng - box.minLng) * (0.1 + 0.8 * random())),
        };
        const id = randomUUID();
        storage.users.insert({
          id,
          username: `banco${idx + 1}`,
          passwordHash,
          role: 'citizen',
          status: 'active',
          name: `Vecino${idx + 1} Banco`,
          phone: `+54261${7_000_000 + idx}`,
          address: `Calle Banco ${idx + 1}`,
          home,
          areaId: area.properties.id,
          unitId: null,
          showName: true,
        });
        city.residents.push({
          idx,
          id,
          token: session(storage, id),
          areaId: area.properties.id,
          home,
        });
      }
      for (let k = 1; k <= relayOps; k++) {
        const id = randomUUID();
        const username = `banco-op${k}`;
        storage.users.insert({
          id,
          username,
          passwordHash,
          role: 'operator',
          status: 'active',
          name: `Operador${k} Banco`,
          phone: null,
          address: null,
          home: null,
          areaId: null,
          unitId: null,
          showName: true,
        });
        city.relayOps.push({ id, username, token: session(storage, id), unitId: null });
      }
      for (const role of ['operator', 'officer'] as const) {
        for (const u of storage.users.list({ role })) {
          if (u.username.startsWith('banco')) continue;
          const staff = {
            id: u.id,
            username: u.username,
            token: session(storage, u.id),
            unitId: u.unitId,
          };
          (role === 'operator' ? city.operators : city.officers).push(staff);
        }
      }
    });
    return city;
  } finally {
    await storage.close();
  }
}

function session(storage: Storage, userId: string): string {
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  storage.sessions.insert({
    tokenHash: hashToken(token),
    userId,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 7 * 86_400_000).toISOString(),
  });
  return token;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
