import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ShiftPlan } from '../../../shared/plan.js';
import { openSqlite } from './index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-planlog-'));
const storage = openSqlite(dir);
afterAll(async () => {
  await storage.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const plan = (over: Partial<ShiftPlan> = {}): ShiftPlan => ({
  key: '2026-11-02.night',
  unitId: 'movil-1',
  unitLabel: 'Móvil 1',
  quadrant: ['a1', 'a2'],
  shift: 'night',
  start: '2026-11-03T01:00:00.000Z',
  end: '2026-11-03T09:00:00.000Z',
  points: [{ id: 'c3-4', label: 'P1', areaId: 'a1', lat: -32.9, lng: -68.8, rank: 1, gi: 3.1 }],
  visits: [{ point: 'c3-4', start: '2026-11-03T01:10:00.000Z', end: '2026-11-03T01:24:00.000Z' }],
  generatedAt: '2026-11-02T20:00:00.000Z',
  source: 'generated',
  ...over,
});

describe('plan log', () => {
  it('keeps a plan as issued, then as an operator edited it', () => {
    expect(storage.planLog.first()).toBeNull();
    storage.planLog.upsert(plan());
    storage.planLog.upsert(plan({ unitId: 'movil-2', trialId: 'trial-1' }));
    storage.planLog.upsert(plan({ source: 'edited', editedBy: 'op-1', visits: [] }));
    const rows = storage.planLog.between('2026-11-03T00:00:00.000Z', '2026-11-04T00:00:00.000Z');
    expect(rows).toEqual([
      plan({ source: 'edited', editedBy: 'op-1', visits: [] }),
      plan({ unitId: 'movil-2', trialId: 'trial-1' }),
    ]);
    expect(storage.planLog.first()).toBe('2026-11-03T01:00:00.000Z');
    expect(storage.planLog.between('2026-11-04T00:00:00.000Z', '2026-11-05T00:00:00.000Z')).toEqual(
      [],
    );
  });

  it('has no trial running and no import on a new database', () => {
    expect(storage.trials.active()).toBeNull();
    expect(storage.imports.list()).toEqual([]);
  });
});
