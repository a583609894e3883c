import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { TestSyncClient, until } from '../testing/sync-client.js';
import { openSqlite } from '../storage/sqlite/index.js';
import { CloseCode } from '../../sync/protocol.js';
import { OPS_ROOM, userRoom } from '../../sync/rooms.js';
import { SERVER } from './origin.js';

/**
 * A `stored` receipt is never ahead of the disk, now that the group commit's sync runs off the
 * event loop. A SIGKILL cannot show it (the page cache survives a process; crash-loop.test.ts
 * covers that), so the power is cut instead: the log's sync is watched, each one held a while
 * as a slow disk would, and the length of the `-wal` file when it was asked is what it makes
 * durable once done (no checkpoint runs here, so the log only grows). At every receipt the
 * phone gets, the database file with the log cut to what the completed syncs covered is
 * opened as SQLite would after a power loss: it holds every update the receipt covers.
 */

const HOLD_MS = 15;
let server: TestServer;
let durableLength = 0;
let failNext = false;
const syncFailures: string[] = [];

async function syncFile(fd: number): Promise<void> {
  const length = fs.fstatSync(fd).size;
  await new Promise((r) => setTimeout(r, HOLD_MS));
  if (failNext) throw new Error('EIO');
  durableLength = Math.max(durableLength, length);
}

beforeAll(async () => {
  server = await startTestServer(
    // No checkpoint during the test: the log file only grows, and the database file stays.
    { SQLITE_CHECKPOINT_MS: '600000' },
    { storage: { syncFile, onSyncFailed: (e) => syncFailures.push(e) } },
  );
  // Start-up's transactions were synced by SQLite itself before it served; copied into the
  // database file now, so that each power cut copies a short log.
  const db = new Database(path.join(server.dataDir, 'sac.db'));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  durableLength = fs.statSync(path.join(server.dataDir, 'sac.db-wal')).size;
});
afterAll(() => server.close());

/** The room as a power cut now would leave it: the log cut to `length` bytes. */
function afterPowerCut(room: string, length: number, n: number): Y.Doc {
  const image = path.join(server.dataDir, `power-cut-${n}`);
  fs.mkdirSync(image);
  fs.copyFileSync(path.join(server.dataDir, 'sac.db'), path.join(image, 'sac.db'));
  const log = fs.readFileSync(path.join(server.dataDir, 'sac.db-wal'));
  fs.writeFileSync(path.join(image, 'sac.db-wal'), log.subarray(0, length));
  const storage = openSqlite(image, { checkpointEveryMs: null });
  const { snapshot, updates } = storage.rooms.load(room);
  void storage.close();
  const doc = new Y.Doc();
  for (const u of snapshot ? [snapshot, ...updates] : updates) Y.applyUpdate(doc, u);
  return doc;
}

/** A resident's alert, as the app writes it; resolves once it is in `ops`. */
async function raiseAlert(): Promise<string> {
  const { token, user } = await server.login('vecino5');
  const phone = new TestSyncClient(server.url, userRoom(user.id), token);
  await until(() => phone.synced);
  const id = randomUUID();
  const home = server.services.storage.users.byId(user.id)!.home!;
  const fields = { id, type: 'general', createdAt: new Date().toISOString(), location: { ...home, accuracy: 9 }, note: '' }; // prettier-ignore
  phone.doc.transact(() => phone.map('alerts').set(id, new Y.Map<unknown>(Object.entries(fields))));
  await until(
    () => phone.allStored && server.services.sync.room(OPS_ROOM).doc.getMap('alerts').has(id),
  );
  phone.close();
  return id;
}

/** An operator on `ops`, and an alert there to write notes on (as the bench's relay does). */
async function operatorOnOps(): Promise<{ ops: TestSyncClient; note: (text: string) => void }> {
  const id = await raiseAlert();
  const { token, user } = await server.login('operador2');
  const ops = new TestSyncClient(server.url, OPS_ROOM, token);
  await until(() => ops.synced && ops.map('alerts').has(id));
  const note = (text: string) => {
    const rec = ops.map('alerts').get(id) as Y.Map<unknown>;
    ops.doc.transact(() => {
      if (!(rec.get('notes') instanceof Y.Array)) rec.set('notes', new Y.Array<unknown>());
      const entry = { id: randomUUID(), text, at: new Date().toISOString(), by: user.id };
      (rec.get('notes') as Y.Array<unknown>).push([entry]);
    });
  };
  return { ops, note };
}

describe('a receipt and the disk', () => {
  it('covers only what a completed sync put on disk, wherever the power is cut', async () => {
    const { ops, note } = await operatorOnOps();
    const me = ops.doc.clientID;
    const cuts: { covered: number; length: number }[] = [];
    ops.onStored = (vector) => {
      const covered = vector.get(me) ?? 0;
      if (covered > (cuts.at(-1)?.covered ?? 0)) cuts.push({ covered, length: durableLength });
    };
    // A note every few ms against syncs held 15 ms: commits run while syncs are pending.
    for (let i = 0; i < 30; i++) {
      note(`note ${i}`);
      await new Promise((r) => setTimeout(r, 2));
    }
    await until(() => ops.allStored);
    expect(cuts.length).toBeGreaterThan(1);
    // A few of them, the last included: each cut opens a copy of the database.
    const step = Math.ceil(cuts.length / 4);
    for (const [n, cut] of cuts.entries()) {
      if (n % step && n !== cuts.length - 1) continue;
      const doc = afterPowerCut(OPS_ROOM, cut.length, n);
      expect(Y.decodeStateVector(Y.encodeStateVector(doc)).get(me) ?? 0).toBeGreaterThanOrEqual(
        cut.covered,
      );
    }
    ops.close();
  });

  it('never receipts a commit whose sync failed, nor any after it', async () => {
    const { ops, note } = await operatorOnOps();
    await until(() => ops.storedCount > 0);
    const receipts = ops.storedCount;
    failNext = true;
    note('lost?');
    // Its room reloads and the phone, which still holds the write, is told to reconnect.
    expect(await ops.closed).toBe(CloseCode.goingAway);
    expect(ops.storedCount).toBe(receipts);
    expect(syncFailures).toEqual(['Error: EIO']);
    // Every later commit fails too: no after-commit work of the server's runs again.
    failNext = false;
    const { sync } = server.services;
    const room = sync.room(OPS_ROOM);
    let ran = false;
    sync.committer.job(() =>
      room.doc.transact(() => room.doc.getMap('probe').set('server', 1), SERVER),
    );
    sync.committer.afterCommit(() => (ran = true));
    await sync.committer.settled();
    expect(ran).toBe(false);
  });
});
