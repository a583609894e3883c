import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../log.js';
import { openSqlite } from '../storage/sqlite/index.js';
import type { Storage } from '../storage/storage.js';
import { SERVER } from './origin.js';
import type { Room } from './room.js';
import { SyncServer } from './sync-server.js';
import { until } from '../testing/sync-client.js';

const dirs: string[] = [];
const open: { sync: SyncServer; storage: Storage }[] = [];

afterEach(async () => {
  for (const { sync, storage } of open.splice(0)) {
    await sync.close();
    await storage.close();
  }
  // A "crashed" storage's checkpoint thread may still be writing its last file as the
  // directory goes: retry what Node reports as ENOTEMPTY instead of failing the teardown.
  for (const dir of dirs.splice(0))
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

function start(compaction: { after: number; quietMs: number; maxDelayMs: number }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-compact-'));
  dirs.push(dir);
  const storage = openSqlite(dir);
  const sync = new SyncServer(storage, createLogger('silent'), 60_000, compaction);
  open.push({ sync, storage });
  return { dir, storage, sync };
}

/** One server write of one field, committed in its own group commit. */
function write(sync: SyncServer, room: Room, i: number): void {
  room.doc.transact(() => room.doc.getMap('notes').set(`n${i}`, `note ${i}`), SERVER);
  sync.committer.flush();
}

/** What a process starting now would load: the snapshot, then the log after it. */
function loadFrom(storage: Storage, name: string): Y.Doc {
  const log = storage.rooms.load(name);
  const doc = new Y.Doc();
  if (log.snapshot) Y.applyUpdate(doc, log.snapshot);
  for (const u of log.updates) Y.applyUpdate(doc, u);
  return doc;
}

function expectSameDoc(a: Y.Doc, b: Y.Doc): void {
  expect(a.getMap('notes').toJSON()).toEqual(b.getMap('notes').toJSON());
  expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
}

describe('deferred compaction', () => {
  it('never compacts on the commit path, only once the room is quiet', async () => {
    const { storage, sync } = start({ after: 20, quietMs: 100, maxDelayMs: 10_000 });
    const room = sync.room('ops');
    for (let i = 0; i < 30; i++) write(sync, room, i);
    // Past the threshold, yet the commits above did not pay for a snapshot.
    expect(storage.rooms.load('ops').snapshot).toBeNull();
    expect(room.sinceSnapshot).toBe(30);

    await until(() => room.sinceSnapshot === 0, 2000);
    const log = storage.rooms.load('ops');
    expect(log.snapshot).not.toBeNull();
    expect(log.updates).toHaveLength(0);
    expectSameDoc(loadFrom(storage, 'ops'), room.doc);
  });

  it('compacts a room that is never quiet once the longest delay has passed', async () => {
    const { storage, sync } = start({ after: 5, quietMs: 200, maxDelayMs: 300 });
    const room = sync.room('ops');
    let i = 0;
    const started = Date.now();
    while (room.sinceSnapshot !== 0 || i < 10) {
      write(sync, room, i++);
      await new Promise((r) => setTimeout(r, 20));
      if (Date.now() - started > 3000) throw new Error('never compacted');
    }
    expect(storage.rooms.load('ops').snapshot).not.toBeNull();
    expectSameDoc(loadFrom(storage, 'ops'), room.doc);
  });

  it('commits what the doc holds before snapshotting it', () => {
    const { storage, sync } = start({ after: 1000, quietMs: 100, maxDelayMs: 1000 });
    const room = sync.room('ops');
    for (let i = 0; i < 5; i++) write(sync, room, i);
    // Applied, not yet committed (the group commit runs at the end of the turn).
    room.doc.transact(() => room.doc.getMap('notes').set('late', 'x'), SERVER);
    sync.compactLoaded(room);
    const log = storage.rooms.load('ops');
    expect(log.updates).toHaveLength(0);
    expect(log.lastSeq).toBe(room.lastSeq);
    expectSameDoc(loadFrom(storage, 'ops'), room.doc);
  });

  it('loads the same doc after a crash at any point around a compaction', () => {
    const { dir, storage, sync } = start({ after: 1000, quietMs: 100, maxDelayMs: 1000 });
    const room = sync.room('ops');
    // A second connection reads the file as a restarted process would after a crash here.
    const reader = openSqlite(dir);
    try {
      for (let i = 0; i < 12; i++) write(sync, room, i);
      expectSameDoc(loadFrom(reader, 'ops'), room.doc); // log only
      sync.compactLoaded(room);
      expectSameDoc(loadFrom(reader, 'ops'), room.doc); // snapshot only
      for (let i = 12; i < 20; i++) write(sync, room, i);
      expectSameDoc(loadFrom(reader, 'ops'), room.doc); // snapshot + log after it

      // A compaction that dies between writing the snapshot and pruning the log leaves the
      // previous pair: both happen in one transaction.
      const before = storage.rooms.load('ops');
      expect(() =>
        storage.transaction(() => {
          storage.rooms.compact('ops', Y.encodeStateAsUpdate(room.doc), room.lastSeq);
          throw new Error('crash');
        }),
      ).toThrow('crash');
      expect(storage.rooms.load('ops')).toEqual(before);
      expectSameDoc(loadFrom(reader, 'ops'), room.doc);
    } finally {
      reader.close();
    }
  });
});
