/**
 * DESIGN §2 in the exports: a silent alert in the operators' file only, and never with her
 * identity; each export in the audit log with its shape and no data; the reading side apart
 * from the connection every commit uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_DATASETS } from '../storage/exports.js';
import type { TestServer } from '../testing/harness.js';
import {
  IDS,
  MARCH,
  SILENT_NOTE,
  bodyText,
  csvRecords,
  startExportsServer,
} from './exports-fixture.js';

let server: TestServer;
let tokens: Record<string, string>;
let get: Awaited<ReturnType<typeof startExportsServer>>['get'];

beforeAll(async () => {
  ({ server, tokens, get } = await startExportsServer());
}, 60_000);

afterAll(() => server.close());

describe('silent alerts', () => {
  it("are in the operators' export, without her identity", async () => {
    const rows = csvRecords(await bodyText(await get('operador1', 'alerts.csv')));
    const silent = rows.find((r) => r.id === IDS.silent)!;
    expect(silent.type).toBe('gender_violence');
    expect(silent.identity_protected).toBe('true');
    expect([silent.reporter_id, silent.reporter_name, silent.reporter_phone]).toEqual(['', '', '']);
    expect(silent.note).toBe(SILENT_NOTE);
  });

  it('are in no analyst export, in any format, under any filter', async () => {
    const queries: Record<string, string>[] = [
      {},
      { area: 'area-3' },
      { from: '2020-03-12', to: '2020-03-12' },
      { type: 'general' },
      { lang: 'en' },
    ];
    for (const dataset of EXPORT_DATASETS) {
      for (const format of ['csv', 'geojson']) {
        for (const q of dataset === 'alerts' ? queries : [{}]) {
          const res = await get('analista1', `${dataset}.${format}`, q);
          expect(res.status).toBe(200);
          const text = await bodyText(res);
          expect(text).not.toContain(IDS.silent);
          expect(text).not.toContain('gender_violence');
          expect(text).not.toContain(SILENT_NOTE);
          expect(text).not.toMatch(/género|Gender-based/);
        }
      }
    }
    for (const format of ['csv', 'geojson']) {
      const res = await get('analista1', `alerts.${format}`, { type: 'gender_violence' });
      expect(res.status).toBe(400);
      expect(await res.text()).not.toContain(IDS.silent);
    }
    // The day holding nothing but the silent alert reads as empty for an analyst.
    const day = await get('analista1', 'alerts.csv', { from: '2020-03-12', to: '2020-03-12' });
    expect(day.headers.get('x-export-rows')).toBe('0');
  });
});

describe('the audit log', () => {
  it('records who exported what, with which filters, format and rows, and no data', async () => {
    await get('analista1', 'alerts.geojson', { type: 'fire', area: 'area-5' });
    const [entry] = server.services.storage.audit.list(1);
    const analyst = await server.login('analista1');
    expect(entry).toMatchObject({
      actorId: analyst.user.id,
      action: 'export.alerts',
      subject: 'alerts',
    });
    expect(JSON.parse(entry!.detail)).toEqual({
      format: 'geojson',
      scope: 'anonymised',
      from: MARCH.from,
      to: MARCH.to,
      type: 'fire',
      area: 'area-5',
      rows: 1,
    });
    const all = server.services.storage.audit
      .list(1000)
      .filter((e) => e.action.startsWith('export.'));
    expect(new Set(all.map((e) => e.action))).toEqual(
      new Set(EXPORT_DATASETS.map((d) => `export.${d}`)),
    );
    for (const e of all) {
      expect(e.detail).not.toContain('ayuda');
      expect(e.detail).not.toContain(IDS.general);
    }
    // The admin's log reads it by its shape, under the `export.` filter.
    const res = await server.request('/api/console/audit?action=export.&limit=1', {
      token: tokens.admin,
    });
    const { entries } = (await res.json()) as { entries: { action: string; said: unknown }[] };
    expect(entries[0]).toMatchObject({
      action: 'export.alerts',
      said: { kind: 'export', format: 'geojson', scope: 'anonymised', type: 'fire', rows: 1 },
    });
  });
});

describe('reading', () => {
  it('has its own connections, a few at a time; the shared one stays free for commits', async () => {
    const store = server.services.storage.exports;
    const q = {
      fromIso: '2020-03-01T03:00:00.000Z',
      toIso: '2020-04-01T03:00:00.000Z',
      type: null,
      areaId: null,
      withSilent: true,
    };
    const open = [1, 2, 3, 4].map(() => store.open('alerts', q));
    expect(open.every((c) => c !== null)).toBe(true);
    expect(store.open('alerts', q)).toBeNull();
    // A row taken from each, iterators open: the server still writes (a login is a commit).
    for (const c of open) expect(c!.rows.next().done).toBe(false);
    await server.login('vecino2');
    for (const c of open) c!.close();
    // HEAD (a link checker) reads nothing, holds nothing and is not audited.
    const audited = server.services.storage.audit.list(1000).length;
    for (let i = 0; i < 3; i++) {
      const head = await server.request(`/api/exports/alerts.csv?${new URLSearchParams(MARCH)}`, {
        method: 'HEAD',
        token: tokens.operador1,
      });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-disposition')).toContain('.csv');
    }
    expect(server.services.storage.audit.list(1000).length).toBe(audited);
    expect(await bodyText(await get('operador1', 'alerts.csv'))).toContain(IDS.general);
    const again = store.open('alerts', q)!;
    expect(again.count).toBe(4);
    again.close();
  });
});
