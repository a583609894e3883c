import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../storage/sqlite/index.js';
import type { AlertStatus, AlertTypeCode } from '../../../shared/types.js';
import { alertResponse } from '../evaluation/response-times.js';
import { timelinesFrom } from './timelines.js';

/**
 * From the three tables to each alert's response, through the real SQL: a reopened alert
 * keeps its last close, a re-dispatched one counts its current unit's crew only, and a silent
 * alert is never read.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-timelines-'));
const storage = openSqlite(dir, { checkpointEveryMs: null });
afterAll(async () => {
  await storage.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const T0 = Date.parse('2026-03-02T13:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

function alert(
  id: string,
  type: AlertTypeCode,
  unit: string | null,
  events: [AlertStatus, number][],
  crew: [string, string, number][],
) {
  const last = events.at(-1)!;
  storage.alerts.insert({
    id,
    reporterId: 'r',
    type,
    createdAt: at(0),
    receivedAt: at(0),
    location: { lat: -32.89, lng: -68.84, accuracy: 10 },
    note: '',
    areaId: 'area-1',
    status: last[0],
    statusAt: at(last[1]),
    sirenRequested: false,
    flagged: false,
    assignedUnit: unit,
  });
  for (const [status, s] of events)
    storage.alerts.addEvent({ alertId: id, status, at: at(s), by: 'op' });
  for (const [unitId, status, s] of crew)
    storage.patrol.addDispatchEvent({
      alertId: id,
      unitId,
      status,
      at: at(s),
      by: 'o',
      receivedAt: at(s),
    });
}

storage.users.insert({
  id: 'r',
  username: 'r',
  passwordHash: 'x',
  role: 'citizen',
  status: 'active',
  name: 'R',
  phone: null,
  address: null,
  home: null,
  areaId: null,
  unitId: null,
  showName: false,
});
// Reopened: resolved at 20 min, reopened, on scene again, resolved at 50 min.
alert(
  'reopened',
  'general',
  'unit-1',
  [
    ['received', 0],
    ['acknowledged', 30],
    ['dispatched', 60],
    ['on_scene', 400],
    ['resolved', 1200],
    ['dispatched', 1500],
    ['on_scene', 1800],
    ['resolved', 3000],
  ],
  [
    ['unit-1', 'accepted', 90],
    ['unit-1', 'on_scene', 380],
  ],
);
// Re-dispatched from unit-1 (which accepted and never arrived) to unit-2.
alert(
  'redispatched',
  'medical',
  'unit-2',
  [
    ['received', 0],
    ['acknowledged', 20],
    ['dispatched', 40],
    ['dispatched', 300],
    ['on_scene', 900],
    ['resolved', 2000],
  ],
  [
    ['unit-1', 'accepted', 50],
    ['unit-2', 'en_route', 320],
    ['unit-2', 'on_scene', 880],
  ],
);
alert(
  'silent',
  'gender_violence',
  'unit-1',
  [
    ['received', 0],
    ['acknowledged', 10],
    ['dispatched', 20],
    ['on_scene', 200],
    ['resolved', 900],
  ],
  [
    ['unit-1', 'accepted', 25],
    ['unit-1', 'on_scene', 190],
  ],
);

const read = (types: string[], areaId: string | null = null) =>
  timelinesFrom(storage.responses.timelines({ fromIso: at(-60), toIso: at(60), types, areaId }));

describe('timelines from SQL', () => {
  it('keeps a reopened alert open between its closes and takes its last close', () => {
    const [t] = read(['general']);
    expect(t!.events).toHaveLength(8);
    const r = alertResponse(t!);
    expect(r.outcome).toBe('resolved');
    expect(r.reopened).toBe(true);
    expect(r.fromReceived.on_scene).toBe(380);
    expect(r.fromReceived.closed).toBe(3000);
  });

  it('counts the crew of the unit the alert is with after a re-dispatch', () => {
    const [t] = read(['medical']);
    expect(t!.unitId).toBe('unit-2');
    expect(t!.crew).toHaveLength(3);
    const r = alertResponse(t!);
    expect(r.fromReceived.dispatched).toBe(40);
    expect(r.fromReceived.accepted).toBe(320);
    expect(r.fromReceived.on_scene).toBe(880);
    expect(r.intervals.on_scene).toBe(560);
  });

  it('never reads a silent alert, nor one outside the period or area', () => {
    expect(
      read(['gender_violence', 'general', 'medical'])
        .map((t) => t.alertId)
        .sort(),
    ).toEqual(['redispatched', 'reopened']);
    expect(read(['general'], 'area-2')).toEqual([]);
    expect(
      storage.responses.timelines({
        fromIso: at(60),
        toIso: at(120),
        types: ['general'],
        areaId: null,
      }).alerts,
    ).toEqual([]);
  });
});
