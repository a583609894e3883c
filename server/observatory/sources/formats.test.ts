import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoAreas } from '../../../shared/demo-city.js';
import { parseCsv } from './csv.js';
import { whenParser } from './dates.js';
import { MAX_RECORDS, TooManyRecords, readCsv, readGeojson } from './formats.js';
import { MAX_LISTED_ROWS } from './records.js';

const ctx = {
  areas: demoAreas(),
  timeZone: 'America/Argentina/Mendoza',
  from: '2026-01-01',
  to: '2026-03-31',
};
// Inside the demo city (its centre), and well outside it (Buenos Aires).
const IN = { lat: -32.9275, lng: -68.845 };
const OUT = { lat: -34.6, lng: -58.38 };

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, separators and line breaks inside quotes', () => {
    const t = parseCsv('a,b,c\n"x, y","say ""hi""","two\nlines"\nlast,2,3\n');
    expect(t.header).toEqual(['a', 'b', 'c']);
    expect(t.records).toEqual([
      { line: 2, cells: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 4, cells: ['last', '2', '3'] },
    ]);
  });

  it('drops a BOM, reads CRLF and semicolons, and skips blank lines', () => {
    const t = parseCsv('\uFEFFlat;lng\r\n-32,9;-68,8\r\n\r\n-33;-68\r\n');
    expect(t.separator).toBe(';');
    expect(t.header).toEqual(['lat', 'lng']);
    expect(t.records).toEqual([
      { line: 2, cells: ['-32,9', '-68,8'] },
      { line: 4, cells: ['-33', '-68'] },
    ]);
  });

  it('reports a quote that never closes', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n').unclosedQuoteAt).toBe(2);
  });
});

describe('whenParser (Mendoza, UTC−3)', () => {
  const when = whenParser('America/Argentina/Mendoza');
  it('reads ISO and day-first dates as local time', () => {
    expect(new Date(when('2026-03-14T22:30')!.ms).toISOString()).toBe('2026-03-15T01:30:00.000Z');
    expect(new Date(when('14/03/2026 22:30')!.ms).toISOString()).toBe('2026-03-15T01:30:00.000Z');
    expect(new Date(when('2026-03-14')!.ms).toISOString()).toBe('2026-03-14T03:00:00.000Z');
    expect(new Date(when('2026-03-14T22:30:00Z')!.ms).toISOString()).toBe(
      '2026-03-14T22:30:00.000Z',
    );
  });
  it('refuses what is no date', () => {
    for (const bad of ['31/02/2026', '2026-13-01', 'ayer', '14-03-2026', '2026-03-14 25:00'])
      expect(when(bad), bad).toBeNull();
  });
});

describe('readCsv', () => {
  it('reads a valid file with the common column names', () => {
    const text = `Latitud;Longitud;Fecha;Categoría\r\n${IN.lat};${IN.lng};14/03/2026 22:30;robo\r\n`;
    const out = readCsv(`\uFEFF${text}`, ctx);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.records).toEqual([
      {
        line: 2,
        at: '2026-03-15T01:30:00.000Z',
        lat: IN.lat,
        lng: IN.lng,
        category: 'robo',
        areaId: expect.stringMatching(/^area-/),
      },
    ]);
  });

  it('names every bad row by its line (the header is line 1)', () => {
    const text = [
      'lat,lon,date',
      `${IN.lat},${IN.lng},2026-02-01`,
      `,${IN.lng},2026-02-01`,
      `abc,${IN.lng},2026-02-01`,
      `${OUT.lat},${OUT.lng},2026-02-01`,
      `${IN.lat},${IN.lng},2025-12-31`,
      `${IN.lat},${IN.lng},mañana`,
      `${IN.lat},${IN.lng},`,
    ].join('\n');
    const out = readCsv(text, ctx);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.rejection.unit).toBe('line');
    expect(out.rejection.total).toBe(6);
    expect(out.rejection.rows.map((r) => [r.line, r.reason])).toEqual([
      [3, 'no_coordinates'],
      [4, 'bad_number'],
      [5, 'outside_city'],
      [6, 'outside_period'],
      [7, 'bad_date'],
      [8, 'no_date'],
    ]);
  });

  it('counts lines across quoted line breaks', () => {
    const text = `lat,lng,note\n${IN.lat},${IN.lng},"a\nb"\nx,${IN.lng},c\n`;
    const out = readCsv(text, ctx);
    expect(!out.ok && out.rejection.rows[0]).toMatchObject({ line: 4, reason: 'bad_number' });
  });

  it('refuses an empty file, a header alone and missing columns', () => {
    const reasons = (text: string) => {
      const out = readCsv(text, ctx);
      return out.ok ? [] : out.rejection.rows.map((r) => `${r.line}:${r.reason}`);
    };
    expect(reasons('')).toEqual(['1:empty_file']);
    expect(reasons('\uFEFF\r\n')).toEqual(['1:empty_file']);
    expect(reasons('lat,lng\r\n')).toEqual(['2:no_records']);
    expect(reasons('lat,fecha\n1,2\n')).toEqual(['1:missing_column']);
    expect(reasons('nombre\nx\n')).toEqual(['1:missing_column', '1:missing_column']);
  });

  it('lists the first bad rows and counts them all', () => {
    const rows = Array.from({ length: MAX_LISTED_ROWS + 20 }, () => `x,${IN.lng}`);
    const out = readCsv(['lat,lng', ...rows].join('\n'), ctx);
    expect(!out.ok && out.rejection.rows.length).toBe(MAX_LISTED_ROWS);
    expect(!out.ok && out.rejection.total).toBe(MAX_LISTED_ROWS + 20);
  });

  it('refuses more records than the cap', () => {
    const rows = Array.from({ length: MAX_RECORDS + 1 }, () => `${IN.lat},${IN.lng}`);
    expect(() => readCsv(['lat,lng', ...rows].join('\n'), ctx)).toThrow(TooManyRecords);
  });
});

describe('readGeojson', () => {
  const point = (lng: unknown, lat: unknown, properties: object = {}) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lng, lat] },
    properties,
  });
  const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

  it('reads points with a date and a category from the properties', () => {
    const out = readGeojson(
      fc([point(IN.lng, IN.lat, { fecha: '2026-01-05', tipo: 'luminaria' })]),
      ctx,
    );
    expect(out.ok && out.records[0]).toMatchObject({ line: 0, category: 'luminaria' });
  });

  it('names bad features by their index', () => {
    const out = readGeojson(
      fc([
        point(IN.lng, IN.lat, { date: '2026-01-05' }),
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [] }, properties: {} },
        point(OUT.lng, OUT.lat, { date: '2026-01-05' }),
        point(IN.lng, IN.lat, { date: '2027-01-05' }),
      ]),
      ctx,
    );
    expect(!out.ok && out.rejection.unit).toBe('feature');
    expect(!out.ok && out.rejection.rows.map((r) => [r.line, r.reason])).toEqual([
      [1, 'not_point'],
      [2, 'outside_city'],
      [3, 'outside_period'],
    ]);
  });

  it('refuses what is not a FeatureCollection, or an empty one', () => {
    for (const text of ['', '{', '[]', '{"type":"Feature"}'])
      expect(!readGeojson(text, ctx).ok && 'rejected', text).toBe('rejected');
    const out = readGeojson(fc([]), ctx);
    expect(!out.ok && out.rejection.rows[0]?.reason).toBe('no_records');
  });
});

describe("the e2e's sample files", () => {
  const fixture = (name: string) =>
    readFileSync(new URL(`../../../e2e/fixtures/${name}`, import.meta.url), 'utf8');
  it('read as the e2e expects', () => {
    const year = { ...ctx, to: '2026-12-31' };
    const good = readCsv(fixture('llamadas-911-muestra.csv'), year);
    expect(good.ok && good.records.length).toBe(40);
    const geo = readGeojson(fixture('luminarias-muestra.geojson'), year);
    expect(geo.ok && geo.records.length).toBe(12);
    const bad = readCsv(fixture('llamadas-911-con-errores.csv'), year);
    expect(!bad.ok && bad.rejection.rows.map((r) => [r.line, r.reason])).toEqual([
      [3, 'no_coordinates'],
      [4, 'bad_number'],
      [5, 'outside_city'],
      [6, 'outside_period'],
      [7, 'bad_date'],
    ]);
  });
});
