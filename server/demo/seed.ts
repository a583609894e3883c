import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD, demoResidents, demoStaff } from '../../shared/demo-city.js';
import { normalisePhone } from '../auth/routes.js';
import { hashPassword } from '../auth/passwords.js';
import type { Storage } from '../storage/storage.js';
import type { City } from '../city/city.js';
import { seedHistory } from './history.js';

/**
 * Seeds the demo city's people (DESIGN §9) into an empty database. Every demo account
 * shares one password, so one hash serves them all.
 */
export async function seedDemo(storage: Storage, city: City): Promise<boolean> {
  if (storage.users.count() > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  storage.transaction(() => {
    for (const r of demoResidents(city.areas)) {
      storage.users.insert({
        id: randomUUID(),
        username: r.username,
        passwordHash,
        role: 'citizen',
        status: 'active',
        name: r.name,
        phone: normalisePhone(r.phone),
        address: r.address,
        home: r.home,
        areaId: r.areaId,
        unitId: null,
        showName: true,
      });
    }
    for (const s of demoStaff()) {
      storage.users.insert({
        id: randomUUID(),
        username: s.username,
        passwordHash,
        role: s.role,
        status: 'active',
        name: s.name,
        phone: null,
        address: null,
        home: null,
        areaId: null,
        unitId: s.unitId ?? null,
        showName: true,
      });
    }
  });
  // A year of closed alerts, so hot spots and shift plans have something to stand on.
  seedHistory(storage, city, new Date());
  return true;
}
