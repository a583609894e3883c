import { describe, expect, it } from 'vitest';
import type { ObservatoryFilter } from '../../shared/observatory.js';
import type { ObservatoryStore } from '../storage/observatory.js';
import type { AnalysisJob } from './jobs.js';
import { CACHE_TTL_MS, ObservatoryService } from './service.js';
import type { AnalysisRunner } from './worker.js';

const filter: ObservatoryFilter = {
  from: '2026-01-01',
  to: '2026-03-31',
  type: 'all',
  areaId: null,
};

function setup() {
  let version = 'v1';
  let clock = Date.parse('2026-04-01T10:00:00Z');
  const jobs: AnalysisJob[] = [];
  const waiting: (() => void)[] = [];
  let fail = false;
  const runner: AnalysisRunner = {
    run: (job) => {
      jobs.push(job);
      return new Promise((resolve, reject) =>
        waiting.push(() => (fail ? reject(new Error('boom')) : resolve({ job } as never))),
      );
    },
    close: async () => {},
  };
  const store: ObservatoryStore = { version: () => version, silentAlerts: () => [] };
  const service = new ObservatoryService({ store, runner, now: () => new Date(clock) });
  const settle = async () => {
    while (waiting.length) waiting.shift()!();
    await Promise.resolve();
  };
  return {
    service,
    jobs,
    settle,
    setVersion: (v: string) => (version = v),
    advance: (ms: number) => (clock += ms),
    failNext: () => (fail = true),
  };
}

describe('ObservatoryService', () => {
  it('shares one computation among identical requests made while it runs', async () => {
    const t = setup();
    const a = t.service.analyse('hours', filter);
    const b = t.service.analyse('hours', { ...filter });
    await t.settle();
    expect(t.jobs).toHaveLength(1);
    expect(await a).toBe(await b);
  });

  it('keys on analysis, filter and layer (the layer only for hot spots)', async () => {
    const t = setup();
    void t.service.analyse('hotspots', filter, 'count');
    void t.service.analyse('hotspots', filter, 'rate');
    void t.service.analyse('hours', filter, 'count');
    void t.service.analyse('hours', filter, 'rate');
    void t.service.analyse('hours', { ...filter, areaId: 'area-1' });
    void t.service.analyse('trends', { ...filter, type: 'fire' });
    await t.settle();
    expect(t.jobs.map((j) => j.analysis)).toEqual([
      'hotspots',
      'hotspots',
      'hours',
      'hours',
      'trends',
    ]);
  });

  it('reuses an answer until the data change or it is five minutes old', async () => {
    const t = setup();
    void t.service.analyse('trends', filter);
    await t.settle();
    void t.service.analyse('trends', filter);
    expect(t.jobs).toHaveLength(1);
    t.setVersion('v2');
    void t.service.analyse('trends', filter);
    expect(t.jobs).toHaveLength(2);
    expect(t.jobs[1]!.version).toBe('v2');
    await t.settle();
    t.advance(CACHE_TTL_MS + 1);
    void t.service.analyse('trends', filter);
    expect(t.jobs).toHaveLength(3);
  });

  it('does not keep a failure', async () => {
    const t = setup();
    t.failNext();
    const a = t.service.analyse('emerging', filter);
    await t.settle();
    await expect(a).rejects.toThrow('boom');
    void t.service.analyse('emerging', filter);
    expect(t.jobs).toHaveLength(2);
  });

  it('stamps the job with its clock', async () => {
    const t = setup();
    void t.service.analyse('hours', filter);
    expect(t.jobs[0]!.now).toBe('2026-04-01T10:00:00.000Z');
  });
});
