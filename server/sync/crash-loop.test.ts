import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_CENTRE, DEMO_PASSWORD, seededRandom } from '../../shared/demo-city.js';
import type { AlertTypeCode } from '../../shared/types.js';
import { CloseCode } from '../../sync/protocol.js';
import { OPS_ROOM, userRoom } from '../../sync/rooms.js';
import { TestSyncClient, until } from '../testing/sync-client.js';

/**
 * Nothing receipted is ever lost: the real server, killed with SIGKILL at seeded random
 * moments while a phone streams alerts and requests into its room, restarted on the same data
 * directory each time. The phone keeps its document across restarts (as IndexedDB does) and
 * resends on every reconnection. In the end every record the phone wrote is in SQL once, in
 * `ops` once with one "received" step, and receipted on the phone; the server never refused
 * the phone's copy (a refusal would make the app drop it).
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = Number(process.env.CRASH_SEED ?? 1312);
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 8);
/** A new record every few ms: commits follow each other, so kills land between them. */
const WRITE_EVERY_MS = 4;
const TYPES: AlertTypeCode[] = ['general', 'medical', 'bicycle_theft', 'fire', 'gender_violence'];

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-crash-'));
let child: ChildProcess | null = null;

afterAll(() => {
  child?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `server/main.ts` on a free port; resolves with its URL once it serves. */
function startServer(): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO: '1',
      // CRASH_LOG_LEVEL=warn shows each start-up's repairs.
      LOG_LEVEL: process.env.CRASH_LOG_LEVEL ?? 'silent',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child = proc;
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /serving (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1]!.replace('localhost', '127.0.0.1'), proc });
    });
    proc.once('exit', (code) => reject(new Error(`server exited (${code}) before serving`)));
  });
}

function killHard(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });
}

async function login(url: string, username: string): Promise<{ token: string; id: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const body = (await res.json()) as { token: string; user: { id: string } };
  return { token: body.token, id: body.user.id };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The phone: its own document, outliving every connection, and what it wrote. */
class Phone {
  doc = new Y.Doc();
  readonly alerts: string[] = [];
  readonly requests: string[] = [];
  refusals: string[] = [];
  private client: TestSyncClient | null = null;
  private n = 0;

  constructor(
    private readonly room: string,
    private readonly token: string,
    private readonly rng: () => number,
  ) {}

  connect(url: string): TestSyncClient {
    const client = new TestSyncClient(url, this.room, this.token, this.doc);
    client.opened.catch(() => {});
    void client.closed.then((code) => {
      if (code !== CloseCode.forbidden) return;
      // What the app did with a refused copy until now: drop it and take the server's.
      this.refusals.push(client.closeReason);
      this.doc = new Y.Doc();
    });
    this.client = client;
    return client;
  }

  /** Connects and waits for the first sync; after a refusal, again with the reset copy. */
  async online(url: string): Promise<TestSyncClient> {
    for (let attempt = 0; ; attempt++) {
      const client = this.connect(url);
      try {
        await until(() => client.synced || client.closeCode !== null, 10_000);
      } catch {
        throw new Error('no first sync in 10 s');
      }
      if (client.synced && client.closeCode === null) return client;
      await client.closed;
      if (attempt === 3) throw new Error(`closed ${client.closeCode} ${client.closeReason}`);
    }
  }

  disconnect(): void {
    this.client?.close();
    this.client = null;
  }

  /** One new record, as the app writes it; every fifth is a neighbour request. */
  write(): void {
    const id = crypto.randomUUID();
    const createdAt = new Date().toISOString();
    const location = {
      lat: DEMO_CENTRE.lat + (this.rng() - 0.5) * 0.02,
      lng: DEMO_CENTRE.lng + (this.rng() - 0.5) * 0.02,
      accuracy: 10,
    };
    const request = ++this.n % 5 === 0;
    const fields = request
      ? { id, category: 'trash', description: `pedido ${this.n}`, location, createdAt }
      : { id, type: TYPES[this.n % TYPES.length]!, createdAt, location, note: '' };
    const map = this.doc.getMap(request ? 'requests' : 'alerts');
    this.doc.transact(() => map.set(id, new Y.Map<unknown>(Object.entries(fields))));
    (request ? this.requests : this.alerts).push(id);
  }

  receipted(collection: 'alerts' | 'requests', id: string): boolean {
    const rec = this.doc.getMap(collection).get(id);
    return rec instanceof Y.Map && typeof rec.get('receivedAt') === 'string';
  }
}

const steps = (rec: unknown, status: string): number => {
  const timeline = rec instanceof Y.Map ? rec.get('timeline') : null;
  if (!(timeline instanceof Y.Array)) return 0;
  return timeline.toArray().filter((s) => (s as { status?: string }).status === status).length;
};

describe('SIGKILL loop', () => {
  it('loses no record the phone wrote, and never refuses the phone its copy', async () => {
    const rng = seededRandom(SEED);
    let server = await startServer();
    const resident = await login(server.url, 'vecino1');
    const phone = new Phone(userRoom(resident.id), resident.token, rng);

    for (let round = 0; round < ROUNDS; round++) {
      await phone.online(server.url);
      const killAt = 40 + Math.floor(rng() * 300);
      const writer = setInterval(() => phone.write(), WRITE_EVERY_MS);
      await sleep(killAt);
      await killHard(server.proc);
      // Still written while the server is down: they go with the next reconnection.
      phone.write();
      clearInterval(writer);
      phone.disconnect();
      server = await startServer();
    }

    // A last, clean run: the phone resends, every record must be receipted.
    const client = await phone.online(server.url);
    const receipted = () =>
      phone.alerts.every((id) => phone.receipted('alerts', id)) &&
      phone.requests.every((id) => phone.receipted('requests', id));
    await until(receipted, 15_000).catch(() => {});
    const operator = await login(server.url, 'operador1');
    const ops = new TestSyncClient(server.url, OPS_ROOM, operator.token);
    await until(() => ops.synced, 10_000);
    const opsAlerts = ops.map('alerts');
    const opsRequests = ops.map('requests');
    const report = {
      written: { alerts: phone.alerts.length, requests: phone.requests.length },
      refusals: phone.refusals,
      notReceipted: [
        ...phone.alerts.filter((id) => !phone.receipted('alerts', id)),
        ...phone.requests.filter((id) => !phone.receipted('requests', id)),
      ].length,
      missingInOps: [
        ...phone.alerts.filter((id) => !opsAlerts.has(id)),
        ...phone.requests.filter((id) => !opsRequests.has(id)),
      ].length,
      receivedStepsNotOne: phone.alerts.filter(
        (id) =>
          opsAlerts.has(id) &&
          (steps(opsAlerts.get(id), 'received') !== 1 ||
            steps(phone.doc.getMap('alerts').get(id), 'received') !== 1),
      ).length,
    };
    client.close();
    ops.close();
    await killHard(server.proc);

    const db = new Database(path.join(dataDir, 'sac.db'), { readonly: true });
    const rows = (table: string, ids: string[]) =>
      ids.filter(
        (id) =>
          (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE id = ?`).get(id) as { n: number })
            .n === 1,
      ).length;
    const events = db.prepare(
      "SELECT count(*) AS n FROM alert_events WHERE alert_id = ? AND status = 'received'",
    );
    const sql = {
      alerts: rows('alerts', phone.alerts),
      requests: rows('requests', phone.requests),
      receivedEventsNotOne: phone.alerts.filter((id) => (events.get(id) as { n: number }).n !== 1)
        .length,
    };
    db.close();
    console.log('crash loop', JSON.stringify({ seed: SEED, rounds: ROUNDS, ...report, sql }));

    expect(report.refusals).toEqual([]);
    expect(report.notReceipted).toBe(0);
    expect(report.missingInOps).toBe(0);
    expect(report.receivedStepsNotOne).toBe(0);
    expect(sql).toEqual({
      alerts: phone.alerts.length,
      requests: phone.requests.length,
      receivedEventsNotOne: 0,
    });
  }, 150_000);
});
