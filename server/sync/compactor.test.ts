import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../log.js';
import { openSqlite } from '../storage/sqlite/index.js';
import type { Storage } from '../storage/storage.js';
import { until } from '../testing/sync-client.js';
import { Compactor } from './compactor.js';
import { SERVER } from './origin.js';
import type { Room } from './room.js';
import { SyncServer } from './sync-server.js';

const dirs: string[] = [];
const open: { sync: SyncServer; storage: Storage }[] = [];
const log = createLogger('silent');

afterEach(async () => {
  for (const { sync, storage } of open.splice(0)) {
    await sync.close();
    await storage.close();
  }
  for (const dir of dirs.splice(0))
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

/** A server whose quiet rooms compact after 20 updates, on the thread or on the loop. */
function start(offLoopBytes: number, after = 20) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-compactor-'));
  dirs.push(dir);
  const storage = openSqlite(dir);
  const sync = new SyncServer(storage, log, 60_000, {
    after,
    quietMs: 50,
    maxDelayMs: 10_000,
    offLoopBytes,
  });
  open.push({ sync, storage });
  return { storage, sync };
}

/**
 * Writes that leave deleted content behind (overwritten fields, removed entries, text cut
 * and retyped), each committed on its own as the server's writes are.
 */
function writeHistory(sync: SyncServer, room: Room, from: number, to: number): void {
  const doc = room.doc;
  for (let i = from; i < to; i++) {
    doc.transact(() => {
      const alerts = doc.getMap<Y.Map<unknown>>('alerts');
      const rec = alerts.get(`a${i % 7}`) ?? new Y.Map<unknown>();
      if (!alerts.has(`a${i % 7}`)) alerts.set(`a${i % 7}`, rec);
      rec.set('status', `s${i}`);
      rec.set('note', 'x'.repeat(200 + i));
      if (i % 5 === 0) alerts.delete(`a${(i + 3) % 7}`);
      const text = doc.getText('log');
      text.insert(text.length, `line ${i}\n`);
      if (i % 3 === 0) text.delete(0, Math.min(4, text.length));
    }, SERVER);
    sync.committer.flush();
  }
}

/** What a process starting now would load: the snapshot, then the log after it. */
function loadFrom(storage: Storage, name: string): Y.Doc {
  const log = storage.rooms.load(name);
  const doc = new Y.Doc();
  if (log.snapshot) Y.applyUpdate(doc, log.snapshot);
  for (const u of log.updates) Y.applyUpdate(doc, u);
  return doc;
}

/** The same content, clocks and deletions: nothing a client deleted comes back. */
function same(a: Y.Doc, b: Y.Doc): void {
  expect(a.getMap('alerts').toJSON()).toEqual(b.getMap('alerts').toJSON());
  expect(a.getText('log').toString()).toEqual(b.getText('log').toString());
  expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
  expect(Y.snapshot(a).ds).toEqual(Y.snapshot(b).ds);
}

const fromState = (state: Uint8Array): Y.Doc => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
};

describe('compaction on a thread', () => {
  it('stores the same state as compacting on the loop', async () => {
    const { storage, sync } = start(Number.MAX_SAFE_INTEGER);
    const room = sync.room('ops');
    writeHistory(sync, room, 0, 19);
    const log = storage.rooms.load('ops');
    const compactor = new Compactor(storage, createLogger('silent'), 0);
    try {
      const onThread = await compactor.encode(log.updates);
      // On the loop: the room's live doc, built update by update, encoded as it is.
      same(fromState(onThread), fromState(room.encodeState()));
      same(fromState(onThread), room.doc);
    } finally {
      await compactor.close();
    }
  });

  it('compacts a quiet room on the thread: the same doc loads from the snapshot', async () => {
    const { storage, sync } = start(0);
    const room = sync.room('ops');
    writeHistory(sync, room, 0, 60);
    await until(() => room.sinceSnapshot === 0, 5000);
    expect(storage.rooms.load('ops').updates).toHaveLength(0);
    same(loadFrom(storage, 'ops'), room.doc);
  });

  it('keeps the updates committed while the thread encodes in the log after the snapshot', async () => {
    const { storage, sync } = start(Number.MAX_SAFE_INTEGER, 1000);
    const room = sync.room('ops');
    writeHistory(sync, room, 0, 15);
    const compactor = new Compactor(storage, log, 0);
    try {
      const done = compactor.compact(room, () => true);
      expect(done).not.toBeNull();
      writeHistory(sync, room, 15, 25);
      await done;
      const stored = storage.rooms.load('ops');
      expect(stored.snapshot).not.toBeNull();
      expect(stored.updates).toHaveLength(10);
      expect(room.sinceSnapshot).toBe(10);
      same(loadFrom(storage, 'ops'), room.doc);
    } finally {
      await compactor.close();
    }
  });

  it('drops a stale result: the room unloaded or compacted on the loop meanwhile', async () => {
    const { storage, sync } = start(Number.MAX_SAFE_INTEGER, 1000);
    const room = sync.room('ops');
    writeHistory(sync, room, 0, 15);
    const before = storage.rooms.load('ops');
    const compactor = new Compactor(storage, log, 0);
    try {
      await compactor.compact(room, () => false);
      expect(storage.rooms.load('ops')).toEqual(before);
      // Compacted on the loop while the thread encodes: the older state is not written.
      const stale = compactor.compact(room, () => true);
      writeHistory(sync, room, 15, 20);
      sync.compactLoaded(room);
      compactor.compactedOnLoop(room);
      const newer = storage.rooms.load('ops');
      await stale;
      expect(storage.rooms.load('ops')).toEqual(newer);
      same(loadFrom(storage, 'ops'), room.doc);
      expect(new Compactor(storage, log, 1 << 30).compact(room, () => true)).toBeNull();
    } finally {
      await compactor.close();
    }
  });
});
