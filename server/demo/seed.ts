import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD, demoHouseholds, demoResidents, demoStaff } from '../../shared/demo-city.js';
import { normalisePhone } from '../auth/routes.js';
import { hashPassword } from '../auth/passwords.js';
import type { Storage } from '../storage/storage.js';
import type { City } from '../city/city.js';
import { HISTORY_ALERTS, seedHistory } from './history.js';
import { seedPatrolHistory } from './patrol-history.js';
import { seedResponseHistory } from './response-history.js';
import { seedConversationHistory } from './conversation-history.js';
import { seedSourceHistory } from './source-history.js';
import { seedRequestHistory } from './request-history.js';

/**
 * Seeds the demo city's people (DESIGN §9) into an empty database: the residents one signs in
 * as, the rest of the reference city's registered households (homes only), the staff. Every
 * demo account shares one password, so one hash serves them all.
 */
export async function seedDemo(
  storage: Storage,
  city: City,
  options: { evaluation?: boolean } = {},
): Promise<boolean> {
  if (storage.users.count() > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const residents = demoResidents(city.areas);
  storage.transaction(() => {
    for (const r of residents) {
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
    // Only over the demo's own ground: a city of its own (the bench's, a trial's `city.json`)
    // brings its own residents.
    for (const h of city.demo ? demoHouseholds(city.areas, city.info.centre) : []) {
      storage.users.insert({
        id: randomUUID(),
        username: h.username,
        passwordHash,
        role: 'citizen',
        status: 'active',
        name: h.name,
        phone: null,
        address: null,
        home: h.home,
        areaId: h.areaId,
        unitId: null,
        showName: false,
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
  // Raised by the residents one signs in as, so a history's false alarms land on an account
  // someone can open, never on the households that only give the city its registered homes.
  const raisers = new Set(residents.map((r) => r.username));
  const now = new Date();
  seedHistory(storage, city, now, HISTORY_ALERTS, raisers);
  if (options.evaluation === false) return true;
  // What the observatory's evaluation stands on: the programme's plans and check-ins, each
  // alert's response stages, officers' conversations, and an imported source.
  seedPatrolHistory(storage, city, now);
  seedResponseHistory(storage, city, now);
  seedConversationHistory(storage, city, now);
  seedSourceHistory(storage, city, now);
  seedRequestHistory(storage, city, now);
  return true;
}
