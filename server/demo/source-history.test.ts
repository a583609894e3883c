import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { seedSourceHistory } from './source-history.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ DEMO_EVALUATION: '1' });
}, 60_000);
afterAll(() => server.close());

describe("the demo's other sources", () => {
  it('imports a lighting inventory and a 911 sample with honest provenance', () => {
    const list = server.services.storage.imports.list();
    expect(list.map((x) => [x.kind, x.precision, x.format]).sort()).toEqual([
      ['context', 'exact', 'csv'],
      ['incidents', 'block', 'csv'],
    ]);
    for (const x of list) {
      expect(x.provider).toContain('Datos de demostración');
      expect(x.licence).toBe('CC-BY-4.0');
      expect(x.records).toBeGreaterThan(100);
      expect(x.importedBy).toBe('analista1');
    }
  });

  it('is reproducible', () => {
    const { storage, city } = server.services;
    const first = storage.imports.list();
    const started = performance.now();
    const written = seedSourceHistory(storage, city, new Date());
    const ms = performance.now() - started;
    console.log(`seedSourceHistory: ${ms.toFixed(0)} ms`);
    expect(written).toBe(first.reduce((n, x) => n + x.records, 0));
    const again = storage.imports.list().filter((x) => !first.some((f) => f.id === x.id));
    for (const x of again) {
      const twin = first.find((f) => f.name === x.name)!;
      const points = (id: string) =>
        storage.imports.records(id).map((r) => [r.lat, r.lng, r.category]);
      expect(points(x.id)).toEqual(points(twin.id));
    }
  });
});
