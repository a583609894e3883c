import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  demoAreas,
  demoResidents,
  demoSirens,
  demoStaff,
  demoUnits,
} from '../../shared/demo-city.js';
import { CONVERSATION_QUESTIONS } from '../../shared/conversations.js';
import { CITY_TIME_ZONE } from '../../shared/i18n/core.js';
import { openSqlite } from '../storage/sqlite/index.js';
import type { Storage } from '../storage/storage.js';
import type { City } from '../city/city.js';
import { ALERT_INCIDENT_TYPES } from '../observatory/dataset.js';
import { alertResponse } from '../observatory/evaluation/response-times.js';
import { localClock } from '../observatory/local-time.js';
import { timelinesFrom } from '../observatory/response/timelines.js';
import { spread } from '../observatory/evaluation/quantile.js';
import { seedHistory } from './history.js';
import { programmeStartDay } from './programme.js';
import { seedResponseHistory } from './response-history.js';
import { darkArea, seedConversationHistory } from './conversation-history.js';
import { HOT_PLACES, hotPlace } from './history.js';

const dirs: string[] = [];
const opened: Storage[] = [];
afterAll(async () => {
  for (const s of opened) await s.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const areas = demoAreas();
const city = {
  areas,
  units: demoUnits(),
  sirens: demoSirens(areas),
  demo: true,
} as unknown as City;
const now = new Date('2026-06-15T12:00:00Z');

function seeded(): { storage: Storage; ms: { response: number; conversations: number } } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-response-'));
  dirs.push(dir);
  const storage = openSqlite(dir, { checkpointEveryMs: null });
  opened.push(storage);
  storage.transaction(() => {
    const people = [
      ...demoResidents(areas).map((r) => ({ ...r, role: 'citizen' as const, unitId: null })),
      ...demoStaff().map((s) => ({ ...s, address: null, home: null, areaId: null })),
    ];
    for (const p of people) {
      storage.users.insert({
        id: p.username,
        username: p.username,
        passwordHash: 'x',
        role: p.role,
        status: 'active',
        name: p.name,
        phone: null,
        address: p.address,
        home: p.home,
        areaId: p.areaId,
        unitId: p.unitId ?? null,
        showName: true,
      });
    }
  });
  seedHistory(storage, city, now);
  let t = performance.now();
  seedResponseHistory(storage, city, now);
  const response = performance.now() - t;
  t = performance.now();
  seedConversationHistory(storage, city, now);
  return { storage, ms: { response, conversations: performance.now() - t } };
}

const everything = (s: Storage) =>
  s.responses.timelines({
    fromIso: '2000-01-01',
    toIso: '2100-01-01',
    types: ALERT_INCIDENT_TYPES,
    areaId: null,
  });
const digest = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');

describe('the evaluation demo: response stages and conversations', () => {
  const a = seeded();
  const b = seeded();

  it('is reproducible', () => {
    console.log(
      `response stages ${a.ms.response.toFixed(0)} ms, conversations ${a.ms.conversations.toFixed(0)} ms`,
    );
    // Timings are printed, not asserted (tests never assert timings; start-up is measured by hand).
    expect(digest(everything(a.storage))).toBe(digest(everything(b.storage)));
    expect(digest(a.storage.perception.answers('2000-01-01', '2100-01-01'))).toBe(
      digest(b.storage.perception.answers('2000-01-01', '2100-01-01')),
    );
  });

  it('tells the programme: about 22 minutes to on scene before it, about 6 since, most within 7', () => {
    const clock = localClock(CITY_TIME_ZONE);
    const endDay = Math.floor((now.getTime() - 3 * 3_600_000) / 86_400_000) - 1;
    const start = programmeStartDay(endDay);
    const responses = timelinesFrom(everything(a.storage)).map(alertResponse);
    const resolved = responses.filter((r) => r.outcome === 'resolved');
    const onScene = (since: boolean) =>
      resolved
        .filter((r) => clock(r.received).day >= start === since)
        .map((r) => r.fromReceived.on_scene!)
        .filter((s) => s !== null);
    const before = onScene(false);
    const after = onScene(true);
    const b = spread(before);
    const f = spread(after);
    console.log(
      `on scene: before ${b.median! / 60} min (n ${b.n}), since ${f.median! / 60} min (n ${f.n})`,
    );
    expect(b.median! / 60).toBeGreaterThan(20);
    expect(b.median! / 60).toBeLessThan(25);
    expect(f.median! / 60).toBeGreaterThan(5.5);
    expect(f.median! / 60).toBeLessThan(7);
    expect(after.filter((s) => s <= 420).length / after.length).toBeGreaterThan(0.6);
    // every resolved alert went through every stage, in order, and closed after on scene
    expect(
      resolved.every((r) => r.fromReceived.accepted !== null && r.fromReceived.on_scene !== null),
    ).toBe(true);
    expect(resolved.every((r) => r.intervals.closed! > 0 && !r.adjusted)).toBe(true);
    // false alarms and cancels take shorter paths; nothing is left open
    expect(
      responses.some((r) => r.outcome === 'cancelled' && r.fromReceived.on_scene === null),
    ).toBe(true);
    expect(
      responses.some((r) => r.outcome === 'false_alarm' && r.fromReceived.on_scene !== null),
    ).toBe(true);
    expect(responses.every((r) => r.outcome !== 'open')).toBe(true);
  });

  it('holds conversations by the units own officers, unsafe near hot places and in the dark area', () => {
    const rows = a.storage.perception.answers('2000-01-01', '2100-01-01');
    expect(rows.length).toBeGreaterThan(1000);
    const places = HOT_PLACES.map((p) => hotPlace(areas[p.areaIndex]!, p.at));
    const dark = darkArea(a.storage, city, places);
    const share = (pick: (r: (typeof rows)[number]) => boolean, q: string, answer: string) => {
      const xs = rows.filter(pick).map((r) => (JSON.parse(r.answers) as Record<string, string>)[q]);
      const answered = xs.filter((x) => x !== undefined);
      return answered.filter((x) => x === answer).length / answered.length;
    };
    const hotAreas = new Set(HOT_PLACES.map((p) => areas[p.areaIndex]!.properties.id));
    expect(share((r) => r.areaId === dark, 'street_lighting', 'no')).toBeGreaterThan(0.6);
    expect(share((r) => r.areaId === dark, 'feels_safe_night', 'no')).toBeGreaterThan(0.6);
    expect(
      share((r) => !hotAreas.has(r.areaId!) && r.areaId !== dark, 'feels_safe_night', 'no'),
    ).toBeLessThan(0.4);
    expect(share(() => true, 'suspicious_activity', 'yes')).toBeGreaterThan(0.05);
    for (const r of rows) {
      const answers = Object.keys(JSON.parse(r.answers) as object);
      expect(answers.every((q) => (CONVERSATION_QUESTIONS as readonly string[]).includes(q))).toBe(
        true,
      );
    }
    // every conversation is by an officer of its unit, and carries no note
    const db = a.storage.patrol;
    for (const unit of demoUnits()) {
      const officers = demoStaff()
        .filter((s) => s.unitId === unit.id)
        .map((s) => s.username);
      const held = db.conversations(unit.id, '2000-01-01');
      expect(held.length).toBeGreaterThan(50);
      expect(held.every((c) => officers.includes(c.officerId) && c.note === '')).toBe(true);
    }
  });
});
