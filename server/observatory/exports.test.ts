import { describe, expect, it } from 'vitest';
import type { HotspotResult, TrendResult } from '../../shared/observatory.js';
import { csvFor } from './export-csv.js';
import { cellPolygon, geojsonFor } from './export-geojson.js';

const meta = {
  sources: ['alerts' as const, 'patrol' as const],
  from: '2026-01-01',
  to: '2026-03-31',
  n: 7,
  method: 'gi_star_permutation_fdr' as const,
  computedAt: '2026-04-01T00:00:00.000Z',
  suppressedBelow: 0,
};
const cell = {
  id: 'c3-4',
  areaId: 'area, "north"',
  centre: { lat: -32.9, lng: -68.8 },
  bounds: [
    [-32.9007, -68.8008],
    [-32.8993, -68.7992],
  ] as [[number, number], [number, number]],
};
const hot: HotspotResult = {
  meta,
  layer: 'harm',
  cellMetres: 150,
  studyCells: 10,
  permutations: 999,
  seed: 1,
  cells: [
    {
      ...cell,
      value: 12.5,
      count: 7,
      z: 2.5,
      p: 0.01,
      q: 0.04,
      class: 'hot95',
      sources: ['alerts', 'patrol'],
    },
  ],
};

/** RFC 4180 read back: quoted fields, doubled quotes, CRLF records. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      f += '"';
      i++;
    } else if (quoted && ch === '"') {
      quoted = false;
    } else if (quoted) {
      f += ch;
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(f);
      f = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(f);
      rows.push(row);
      row = [];
      f = '';
      i++;
    } else {
      f += ch;
    }
  }
  return rows;
}

describe('CSV exports', () => {
  it('quote what needs quoting and carry the meta on every row', () => {
    const { name, text } = csvFor('hotspots', hot, 'harm');
    expect(name).toBe('sac-hotspots-harm-2026-01-01-2026-03-31.csv');
    const [header, row, ...rest] = parse(text);
    expect(rest).toEqual([]);
    const at = (k: string) => row![header!.indexOf(k)];
    expect(at('area_id')).toBe('area, "north"');
    expect(at('value')).toBe('12.5');
    expect(at('sources')).toBe('alerts patrol');
    expect(at('method')).toBe('gi_star_permutation_fdr');
    expect(at('n')).toBe('7');
    expect(at('from')).toBe('2026-01-01');
  });

  it('write one row of meta when the table is empty', () => {
    const empty: TrendResult = {
      meta: { ...meta, method: 'poisson_exact' },
      weekly: [],
      monthly: [],
      change: { current: 0, lastYear: null, ratio: null, low: null, high: null },
    };
    const [header, row] = parse(csvFor('trends', empty, 'count').text);
    expect(row![header!.indexOf('start')]).toBe('');
    expect(row![header!.indexOf('method')]).toBe('poisson_exact');
  });
});

describe('GeoJSON exports', () => {
  it('draw cells as closed counter-clockwise rings in [lng, lat]', () => {
    const ring = cellPolygon(cell).coordinates[0]!;
    expect(ring[0]).toEqual([-68.8008, -32.9007]);
    expect(ring[ring.length - 1]).toEqual(ring[0]);
    let twiceArea = 0;
    for (let i = 0; i < ring.length - 1; i++)
      twiceArea += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
    expect(twiceArea).toBeGreaterThan(0);
  });

  it('keep the meta beside the features', () => {
    const body = JSON.parse(geojsonFor('hotspots', hot, 'harm').text) as Record<string, unknown>;
    expect(body).toMatchObject({ type: 'FeatureCollection', meta, layer: 'harm' });
    expect(body).not.toHaveProperty('cells');
    expect((body.features as { properties: { class: string } }[])[0]!.properties.class).toBe(
      'hot95',
    );
  });
});
