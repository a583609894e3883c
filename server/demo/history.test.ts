import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoAreas, demoResidents, demoSirens, demoUnits } from '../../shared/demo-city.js';
import { localParts } from '../../shared/plan.js';
import { openSqlite } from '../storage/sqlite/index.js';
import type { City } from '../city/city.js';
import { HISTORY_ALERTS, seedHistory } from './history.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-history-'));
const storage = openSqlite(dir);
afterAll(async () => {
  await storage.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const areas = demoAreas();
const city = { areas, units: demoUnits(), sirens: demoSirens(areas) } as unknown as City;

describe('seedHistory', () => {
  it('writes two years of closed alerts in one quick transaction, with the pattern asked for', () => {
    storage.transaction(() => {
      for (const r of demoResidents(areas)) {
        storage.users.insert({
          id: r.username,
          username: r.username,
          passwordHash: 'x',
          role: 'citizen',
          status: 'active',
          name: r.name,
          phone: null,
          address: r.address,
          home: r.home,
          areaId: r.areaId,
          unitId: null,
          showName: true,
        });
      }
    });
    const now = new Date('2025-06-15T12:00:00Z');
    const started = performance.now();
    const written = seedHistory(storage, city, now);
    // The fixed-point programme prevented some robberies of its last eight weeks (a few dozen).
    expect(HISTORY_ALERTS - written).toBeGreaterThan(20);
    expect(HISTORY_ALERTS - written).toBeLessThan(200);
    const ms = performance.now() - started;
    console.log(`seedHistory: ${HISTORY_ALERTS} alerts in ${ms.toFixed(0)} ms`);

    const all = storage.patrol.incidentsSince('2000-01-01T00:00:00Z');
    expect(all).toHaveLength(written);
    expect(all.every((a) => a.receivedAt < '2025-06-15T03:00:00Z')).toBe(true);
    expect(all.every((a) => a.receivedAt > '2023-06-15T00:00:00Z')).toBe(true);
    expect(all.filter((a) => a.receivedAt < '2024-06-14T00:00:00Z').length).toBeGreaterThan(
      HISTORY_ALERTS * 0.45,
    );
    const robberies = all.filter((a) => a.type === 'general');
    const parts = robberies.map((a) => localParts(new Date(a.receivedAt)));
    const small = parts.filter((p) => p.hour >= 3 && p.hour < 7).length;
    expect(small / robberies.length).toBeGreaterThan(0.5);
    const weekend = parts.filter((p) => p.weekday === 0 || p.weekday === 6).length;
    expect(weekend / robberies.length).toBeGreaterThan(2 / 7 + 0.05);
    // A few persistent hot places: the busiest 150 m cells hold a large share of robberies.
    const cells = new Map<string, number>();
    for (const r of robberies) {
      const key = `${Math.floor(r.lat / 0.00135)}:${Math.floor(r.lng / 0.0016)}`;
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
    const top = [...cells.values()].sort((a, b) => b - a).slice(0, 10);
    expect(top.reduce((a, b) => a + b, 0) / robberies.length).toBeGreaterThan(0.3);
    // Re-running is harmless: the same ids, stored once.
    expect(seedHistory(storage, city, now)).toBe(0);
  });

  it("ends with the city's yesterday, even when the UTC date is already tomorrow", () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-history-'));
    const late = openSqlite(other);
    try {
      late.transaction(() => {
        for (const r of demoResidents(areas, 5))
          late.users.insert({ id: r.username, username: r.username, passwordHash: 'x', role: 'citizen', status: 'active', name: r.name, phone: null, address: r.address, home: r.home, areaId: r.areaId, unitId: null, showName: true }); // prettier-ignore
      });
      // 22:00 on 15 June in Mendoza is 01:00 UTC on the 16th.
      seedHistory(late, city, new Date('2025-06-16T01:00:00Z'));
      const all = late.patrol.incidentsSince('2000-01-01T00:00:00Z');
      expect(all.length).toBeGreaterThan(0);
      expect(all.every((a) => a.receivedAt < '2025-06-15T03:00:00Z')).toBe(true);
    } finally {
      void late.close();
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});
