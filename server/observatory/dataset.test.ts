import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAreas } from '../../shared/demo-city.js';
import type { AlertStatus, AlertTypeCode } from '../../shared/types.js';
import { openSqlite } from '../storage/sqlite/index.js';
import { observatoryDataset } from '../storage/sqlite/observatory.js';
import type { Storage } from '../storage/storage.js';
import { Dataset } from './dataset.js';
import { isoDay } from './local-time.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-obs-dataset-'));
const areas = demoAreas();
const PLACE = { lat: -32.9275, lng: -68.845 };
let storage: Storage;
let db: Database.Database;
const reporter = randomUUID();
const officer = randomUUID();

function alert(type: AlertTypeCode, status: AlertStatus, at: string, located = true) {
  storage.alerts.insert({
    id: randomUUID(),
    reporterId: reporter,
    type,
    createdAt: at,
    receivedAt: at,
    location: located ? { ...PLACE, accuracy: 5 } : null,
    note: '',
    areaId: 'area-1',
    status,
    statusAt: at,
    sirenRequested: false,
    flagged: false,
    assignedUnit: null,
  });
}

function conversation(answer: string, at: string, located = true) {
  storage.patrol.addConversation({
    id: randomUUID(),
    unitId: 'unit-1',
    officerId: officer,
    at,
    receivedAt: at,
    location: located ? { ...PLACE, accuracy: 5 } : null,
    areaId: 'area-1',
    answers: { suspicious_activity: answer },
    note: '',
  });
}

beforeAll(() => {
  storage = openSqlite(dir, { checkpointEveryMs: null });
  const person = (id: string, role: 'citizen' | 'officer', home: typeof PLACE | null) =>
    storage.users.insert({
      id,
      username: id,
      passwordHash: 'x',
      role,
      status: 'active',
      name: id,
      phone: null,
      address: null,
      home,
      areaId: null,
      unitId: null,
      showName: true,
    });
  person(reporter, 'citizen', PLACE);
  person(officer, 'officer', null);
  // Monday 2 March 2026, 05:30 in Mendoza (UTC−3).
  const at = '2026-03-02T08:30:00.000Z';
  alert('general', 'resolved', at);
  alert('fire', 'acknowledged', '2026-01-10T12:00:00.000Z');
  alert('general', 'received', at); // not yet taken
  alert('general', 'false_alarm', at);
  alert('general', 'cancelled', at);
  alert('general', 'resolved', at, false); // no place
  alert('gender_violence', 'resolved', '2025-06-01T12:00:00.000Z'); // silent, and the oldest
  conversation('yes', '2026-03-03T02:10:00.000Z');
  conversation('no', at);
  conversation('yes', at, false);
  db = new Database(path.join(dir, 'sac.db'), { readonly: true });
});

afterAll(async () => {
  db.close();
  await storage.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const dataset = () =>
  new Dataset(observatoryDataset(db), {
    areas,
    observatory: {
      programmeHours: [0, 1, 2, 7, 8],
      minCellCount: 5,
      harmWeights: { fire: 9 },
      responseTargetMinutes: 7,
      catchment: { inner: 150, outer: 300 },
    },
    timeZone: 'America/Argentina/Mendoza',
  });
const filter = { from: '2026-01-01', to: '2026-03-31', type: 'all' as const, areaId: null };

describe('the observatory dataset', () => {
  it('holds verified, located, non-silent alerts and suspicious-activity records only', () => {
    const input = dataset().input(filter, '2026-04-01T00:00:00.000Z', 'v1');
    expect(input.incidents.map((i) => `${i.source} ${i.type}`)).toEqual([
      'alerts fire',
      'alerts general',
      'patrol suspicious_activity',
    ]);
  });

  it('puts each incident on the city calendar, Monday first', () => {
    const [, general, patrol] = dataset().input(filter, 'x', 'v1').incidents;
    expect(isoDay(general!.day)).toBe('2026-03-02');
    expect(general).toMatchObject({ hour: 5, weekday: 0, areaId: expect.any(String) });
    // 02:10 UTC on the 3rd is 23:10 on Monday the 2nd in Mendoza.
    expect(isoDay(patrol!.day)).toBe('2026-03-02');
    expect(patrol).toMatchObject({ hour: 23, weekday: 0 });
  });

  it('reads one type when asked, and the officers’ records as their own type', () => {
    const d = dataset();
    expect(d.input({ ...filter, type: 'fire' }, 'x', 'v1').incidents).toHaveLength(1);
    expect(
      d.input({ ...filter, type: 'suspicious_activity' }, 'x', 'v1').incidents.map((i) => i.source),
    ).toEqual(['patrol']);
  });

  it('never loads a silent alert, even when asked for its type', () => {
    const rows = observatoryDataset(db).alerts(['gender_violence', 'general', "x') OR 1=1 --"]);
    expect(rows.map((r) => r.type)).toEqual(['general']);
  });

  it('starts the records at the earliest counted incident, not at a silent alert', () => {
    expect(isoDay(dataset().input(filter, 'x', 'v1').dataFromDay)).toBe('2026-01-10');
  });

  it('counts homes per cell, harm per type and the programme per hour', () => {
    const input = dataset().input(filter, 'x', 'v1');
    expect(input.households.reduce((a, b) => a + b, 0)).toBe(1);
    expect(input.harm).toMatchObject({ fire: 9, general: 5, suspicious_activity: 0.5 });
    expect(input.programme).toHaveLength(7);
    expect(input.programme[4]!.map((p, h) => (p ? h : -1)).filter((h) => h >= 0)).toEqual([
      0, 1, 2, 7, 8,
    ]);
    expect(input.fromDay).toBeLessThan(input.toDay);
  });
});
