import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ShiftPlan } from '../../../shared/plan.js';
import { openSqlite } from '../../storage/sqlite/index.js';
import { patrolData, periodOf } from './data.js';

/** From the check-in rows in SQL to stays, and the plans and stays a filter keeps. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-dosage-'));
const storage = openSqlite(dir);
afterAll(async () => {
  await storage.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

for (const id of ['officer-a', 'officer-b']) {
  storage.users.insert({
    id,
    username: id,
    passwordHash: 'x',
    role: 'officer',
    status: 'active',
    name: `Name of ${id}`,
    phone: null,
    address: null,
    home: null,
    areaId: null,
    unitId: 'u1',
    showName: true,
  });
}
let n = 0;
const checkin = (unitId: string, point: string, kind: 'in' | 'out', at: string, by = 'officer-a') =>
  storage.patrol.addCheckin({
    id: `c${++n}`,
    unitId,
    officerId: by,
    point,
    kind,
    at,
    receivedAt: at,
    location: { lat: -32.9, lng: -68.8, accuracy: 10 },
    distanceM: 12,
    planKey: null,
  });

// 2026-11-02 in Mendoza (UTC−3): local midnight is 03:00Z.
const plan = (unitId: string, areaOf: (p: string) => string): ShiftPlan => ({
  key: '2026-11-02.afternoon',
  unitId,
  unitLabel: unitId,
  quadrant: ['a1', 'a2'],
  shift: 'afternoon',
  start: '2026-11-02T17:00:00.000Z',
  end: '2026-11-03T01:00:00.000Z',
  points: ['p1', 'p2'].map((id) => ({
    id,
    label: id,
    areaId: areaOf(id),
    lat: -32.9,
    lng: -68.8,
    rank: 1,
    gi: 2,
  })),
  visits: [
    { point: 'p1', start: '2026-11-02T17:10:00.000Z', end: '2026-11-02T17:24:00.000Z' },
    { point: 'p2', start: '2026-11-02T18:10:00.000Z', end: '2026-11-02T18:24:00.000Z' },
  ],
  generatedAt: '2026-11-02T15:00:00.000Z',
  source: 'generated',
});

storage.planLog.upsert(plan('u1', (p) => (p === 'p1' ? 'a1' : 'a2')));
// u1 at p1: two officers check in (one stay), one checks out 14 minutes later
checkin('u1', 'p1', 'in', '2026-11-02T17:12:00.000Z');
checkin('u1', 'p1', 'in', '2026-11-02T17:12:30.000Z', 'officer-b');
checkin('u1', 'p1', 'out', '2026-11-02T17:26:00.000Z', 'officer-b');
// u1 at p2: never checked out
checkin('u1', 'p2', 'in', '2026-11-02T18:15:00.000Z');
// u2 somewhere no plan names, and a check-in days before the period
checkin('u2', 'x9', 'in', '2026-11-02T20:00:00.000Z');
checkin('u2', 'x9', 'out', '2026-11-02T20:10:00.000Z');
checkin('u1', 'p1', 'in', '2026-10-20T20:00:00.000Z');

describe('the patrol data of a filter', () => {
  it('takes the filter’s local days as the period', () => {
    const p = periodOf({ from: '2026-11-02', to: '2026-11-02' });
    expect(new Date(p.from).toISOString()).toBe('2026-11-02T03:00:00.000Z');
    expect(new Date(p.to).toISOString()).toBe('2026-11-03T03:00:00.000Z');
  });

  it('pairs the stored check-ins into stays, per unit and point, naming no officer', () => {
    const d = patrolData(storage, ['u1', 'u2'], {
      from: '2026-11-02',
      to: '2026-11-02',
      areaId: null,
    });
    expect(d.plans).toHaveLength(1);
    expect(d.stays).toEqual([
      {
        unitId: 'u1',
        point: 'p1',
        from: Date.parse('2026-11-02T17:12:00.000Z'),
        to: Date.parse('2026-11-02T17:26:00.000Z'),
      },
      { unitId: 'u1', point: 'p2', from: Date.parse('2026-11-02T18:15:00.000Z'), to: null },
      {
        unitId: 'u2',
        point: 'x9',
        from: Date.parse('2026-11-02T20:00:00.000Z'),
        to: Date.parse('2026-11-02T20:10:00.000Z'),
      },
    ]);
    expect(JSON.stringify(d)).not.toContain('officer');
    expect([...d.points.keys()]).toEqual(['p1', 'p2']);
  });

  it('narrows plans, visits and stays to the fixed points in an area', () => {
    const d = patrolData(storage, ['u1', 'u2'], {
      from: '2026-11-02',
      to: '2026-11-02',
      areaId: 'a2',
    });
    expect(d.plans[0]!.visits.map((v) => v.point)).toEqual(['p2']);
    expect(d.stays.map((s) => s.point)).toEqual(['p2']);
    const none = patrolData(storage, ['u1'], {
      from: '2026-11-02',
      to: '2026-11-02',
      areaId: 'a3',
    });
    expect(none.plans).toEqual([]);
    expect(none.stays).toEqual([]);
  });
});
