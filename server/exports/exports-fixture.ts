import path from 'node:path';
import Database from 'better-sqlite3';
import { startTestServer, type TestServer } from '../testing/harness.js';

/**
 * Records of March 2020, before the demo's history begins, written straight into the test
 * server's SQLite file: every export over that month holds exactly these.
 */
export const MARCH = { from: '2020-03-01', to: '2020-03-31' };
export const TRICKY_NOTE = 'Dijo "ayuda", en la esquina\nSan Martín';
export const SILENT_NOTE = 'silenciosa-no-debe-salir';

export const IDS = {
  general: 'a0000000-0000-4000-8000-000000000001',
  fire: 'a0000000-0000-4000-8000-000000000002',
  silent: 'a0000000-0000-4000-8000-000000000003',
  /** raised at 23:30 on 1 March in the city (02:30 UTC on the 2nd), without a position */
  lateNoPosition: 'a0000000-0000-4000-8000-000000000004',
  request: 'r0000000-0000-4000-8000-000000000001',
  checkin: 'c0000000-0000-4000-8000-000000000001',
  conversation: 'v0000000-0000-4000-8000-000000000001',
};

export function seedMarch(
  server: TestServer,
  who: { resident: string; officer: string; unit: string },
): void {
  const db = new Database(path.join(server.dataDir, 'sac.db'));
  try {
    const alert = db.prepare(`INSERT INTO alerts (id, reporter_id, type, created_at, received_at,
      lat, lng, accuracy, note, area_id, status, status_at, siren_requested, flagged, assigned_unit)
      VALUES (?, ?, ?, ?, ?, ?, ?, 12, ?, ?, 'received', ?, 0, 0, ?)`);
    const at = (d: string) => `${d}.000Z`;
    alert.run(
      IDS.general,
      who.resident,
      'general',
      at('2020-03-10T15:00:00'),
      at('2020-03-10T15:00:05'),
      -32.927812,
      -68.845237,
      TRICKY_NOTE,
      'area-3',
      at('2020-03-10T15:00:05'),
      null,
    );
    alert.run(
      IDS.fire,
      who.resident,
      'fire',
      at('2020-03-11T15:00:00'),
      at('2020-03-11T15:00:05'),
      -32.93,
      -68.85,
      '=HYPERLINK("http://x")',
      'area-5',
      at('2020-03-11T15:00:05'),
      who.unit,
    );
    alert.run(
      IDS.silent,
      who.resident,
      'gender_violence',
      at('2020-03-12T15:00:00'),
      at('2020-03-12T15:00:01'),
      -32.94,
      -68.86,
      SILENT_NOTE,
      'area-3',
      at('2020-03-12T15:00:01'),
      who.unit,
    );
    alert.run(
      IDS.lateNoPosition,
      who.resident,
      'medical',
      at('2020-03-02T02:30:00'),
      at('2020-03-02T02:30:02'),
      null,
      null,
      '',
      'area-3',
      at('2020-03-02T02:30:02'),
      null,
    );
    db.prepare(
      `INSERT INTO requests (id, source, reporter_id, unit_id, category, description,
      lat, lng, accuracy, area_id, created_at, received_at, status, status_at, reply)
      VALUES (?, 'resident', ?, NULL, 'street_lighting', ?, -32.92, -68.84, 8, 'area-3', ?, ?,
      'open', ?, '')`,
    ).run(
      IDS.request,
      who.resident,
      TRICKY_NOTE,
      at('2020-03-05T12:00:00'),
      at('2020-03-05T12:00:01'),
      at('2020-03-05T12:00:01'),
    );
    db.prepare(
      `INSERT INTO plan_log (plan_key, unit_id, shift, start, end, points, visits,
      source, generated_at) VALUES ('2020-03-06.morning', ?, 'morning', ?, ?, ?, '[]', 'generated', ?)`,
    ).run(
      who.unit,
      at('2020-03-06T09:00:00'),
      at('2020-03-06T17:00:00'),
      JSON.stringify([
        { id: 'c1-1', label: 'Centro', areaId: 'area-7', lat: -32.9, lng: -68.8, rank: 1, gi: 3 },
      ]),
      at('2020-03-05T00:00:00'),
    );
    db.prepare(
      `INSERT INTO checkins (id, unit_id, officer_id, point, kind, at, received_at, lat,
      lng, accuracy, distance_m, plan_key) VALUES (?, ?, ?, 'c1-1', 'in', ?, ?, -32.9001, -68.8002,
      9, 20, '2020-03-06.morning')`,
    ).run(IDS.checkin, who.unit, who.officer, at('2020-03-06T10:00:00'), at('2020-03-06T10:00:03'));
    db.prepare(
      `INSERT INTO conversations (id, unit_id, officer_id, at, received_at, lat, lng,
      accuracy, area_id, answers, note) VALUES (?, ?, ?, ?, ?, -32.91, -68.83, 7, 'area-3', ?, ?)`,
    ).run(
      IDS.conversation,
      who.unit,
      who.officer,
      at('2020-03-07T18:00:00'),
      at('2020-03-07T18:00:09'),
      JSON.stringify({ feels_safe_night: 'no' }),
      TRICKY_NOTE,
    );
  } finally {
    db.close();
  }
}

/** RFC 4180 read back: quoted fields, doubled quotes, CRLF records. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      f += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) f += ch;
    else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(f);
      f = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(f);
      rows.push(row);
      row = [];
      f = '';
      i++;
    } else f += ch;
  }
  return rows;
}

/** The rows of a CSV export as objects by header, the BOM checked and dropped. */
export function csvRecords(text: string): Record<string, string>[] {
  if (!text.startsWith('\uFEFF')) throw new Error('no byte order mark');
  const [header = [], ...rows] = parseCsv(text.slice(1));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** The body as sent: `Response.text()` would drop the byte order mark the test looks for. */
export async function bodyText(res: Response): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(await res.arrayBuffer());
}

/** A test server with March seeded, every role signed in, and `get` for an export file. */
export async function startExportsServer() {
  const server = await startTestServer();
  const tokens: Record<string, string> = {};
  for (const name of ['operador1', 'analista1', 'admin', 'vecino1', 'oficial1'])
    tokens[name] = (await server.login(name)).token;
  const resident = (await server.login('vecino1')).user;
  const officer = (await server.login('oficial1')).user;
  seedMarch(server, { resident: resident.id, officer: officer.id, unit: officer.unitId! });
  const get = (who: string, file: string, query: Record<string, string> = {}) =>
    server.request(`/api/exports/${file}?${new URLSearchParams({ ...MARCH, ...query })}`, {
      token: tokens[who],
    });
  return { server, tokens, get };
}
