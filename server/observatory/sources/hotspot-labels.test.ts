import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HotspotResult } from '../../../shared/observatory.js';
import type { ImportedSource } from '../../../shared/observatory-evaluation.js';
import { startTestServer, type TestServer } from '../../testing/harness.js';

let server: TestServer;
let token = '';

beforeAll(async () => {
  server = await startTestServer({ DEMO_EVALUATION: '1' });
  token = (await server.login('analista1')).token;
}, 60_000);

afterAll(() => server.close());

const hotspots = async (q: string) =>
  (await (
    await server.request(`/api/observatory/hotspots?${q}`, { token })
  ).json()) as HotspotResult;

const importOne = async (kind: string, at: { lat: number; lng: number }, day: string) => {
  const f = new FormData();
  const fields = {
    name: `Muestra ${kind}`,
    provider: 'Pruebas',
    licence: 'CC-BY-4.0',
    from: day,
    to: day,
    precision: 'exact',
    kind,
  };
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  f.set('file', new Blob([`lat,lng,fecha\n${at.lat},${at.lng},${day}\n`]), 'muestra.csv');
  const res = await server.request('/api/observatory/sources', { method: 'POST', body: f, token });
  expect(res.status).toBe(201);
  return (await res.json()) as ImportedSource;
};

describe('imported incidents in the hot-spot labels', () => {
  it('label the cell they fall in and change no count, z or p', async () => {
    const before = await hotspots('');
    const q = `from=${before.meta.from}&to=${before.meta.to}`;
    const cell = before.cells.find((c) => !c.sources.includes('imported'))!;
    // Context records (an inventory) are no incidents: they label nothing.
    await importOne('context', cell.centre, before.meta.to);
    expect((await hotspots(q)).cells.find((c) => c.id === cell.id)?.sources).toEqual(cell.sources);

    await importOne('incidents', cell.centre, before.meta.to);
    const after = await hotspots(q);
    const labelled = after.cells.find((c) => c.id === cell.id)!;
    expect(labelled.sources).toEqual([...cell.sources, 'imported'].sort());
    expect(labelled).toMatchObject({ count: cell.count, z: cell.z, p: cell.p, class: cell.class });
    expect(after.meta.n).toBe(before.meta.n);
    expect(after.meta.sources).toEqual(before.meta.sources);

    // Outside the period the record labels nothing.
    const earlier = await hotspots(`from=${before.meta.from}&to=${before.meta.from}`);
    expect(earlier.cells.every((c) => !c.sources.includes('imported'))).toBe(true);
  }, 120_000);
});
