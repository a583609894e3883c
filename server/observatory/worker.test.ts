import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAreas } from '../../shared/demo-city.js';
import { loadConfig } from '../config.js';
import { loadCity } from '../city/city.js';
import { seedDemo } from '../demo/seed.js';
import { openSqlite } from '../storage/sqlite/index.js';
import { observatoryDataset } from '../storage/sqlite/observatory.js';
import type { Storage } from '../storage/storage.js';
import { Dataset, type DatasetCity } from './dataset.js';
import { runJob, type AnalysisJob } from './jobs.js';
import { AnalysisThread } from './worker.js';
import { until } from '../testing/sync-client.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-obs-thread-'));
let storage: Storage;
let city: DatasetCity;

beforeAll(async () => {
  const config = loadConfig({ DEMO: '1', DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const c = loadCity(config);
  storage = openSqlite(dir, { checkpointEveryMs: null });
  await seedDemo(storage, c);
  city = { areas: demoAreas(), observatory: c.observatory, timeZone: 'America/Argentina/Mendoza' };
}, 60_000);

afterAll(async () => {
  await storage.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const job = (analysis: AnalysisJob['analysis']): AnalysisJob => ({
  analysis,
  filter: { from: '2026-01-01', to: '2026-06-30', type: 'all', areaId: null },
  layer: 'count',
  version: 'v1',
  now: '2026-07-01T00:00:00.000Z',
});

describe('the analysis thread', () => {
  it('answers what the same analyses answer in process, and closes without being killed', async () => {
    const thread = new AnalysisThread(path.join(dir, 'sac.db'), city);
    const db = new Database(path.join(dir, 'sac.db'), { readonly: true });
    const inline = new Dataset(observatoryDataset(db), city);
    try {
      for (const a of ['hotspots', 'emerging', 'hours', 'trends'] as const) {
        const [there, here] = [await thread.run(job(a)), runJob(inline, job(a))];
        expect(there, a).toEqual(here);
        expect(there.meta.n, a).toBeGreaterThan(0);
      }
    } finally {
      db.close();
      await thread.close();
      // It left on its own (a thread that had to be terminated ends with code 1).
      expect(thread.lastExitCode).toBe(0);
    }
    await expect(thread.run(job('hours'))).rejects.toThrow('closed');
  }, 60_000);

  it('ends once idle, and the next job starts it again', async () => {
    const thread = new AnalysisThread(path.join(dir, 'sac.db'), city, 200);
    try {
      expect(thread.running).toBe(false);
      const first = await thread.run(job('hours'));
      expect(thread.running).toBe(true);
      // It ended on its own, not terminated.
      await until(() => thread.lastExitCode !== null, 5000);
      expect(thread.running).toBe(false);
      expect(thread.lastExitCode).toBe(0);
      expect(await thread.run(job('hours'))).toEqual(first);
    } finally {
      await thread.close();
    }
  }, 30_000);

  it('fails a job whose database cannot be opened, without hanging', async () => {
    const thread = new AnalysisThread(path.join(dir, 'missing.db'), city);
    await expect(thread.run(job('hours'))).rejects.toThrow();
    await thread.close();
  }, 30_000);
});
