import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { MessageType } from '../../sync/protocol.js';
import { createLogger } from '../log.js';
import { openSqlite } from '../storage/sqlite/index.js';
import type { Storage } from '../storage/storage.js';
import { docHoldsNothingNew, holdsNothingNew } from './at-rest.js';
import { SERVER } from './origin.js';
import { SyncServer } from './sync-server.js';
import { seededRandom } from '../../shared/demo-city.js';

const dirs: string[] = [];
const open: { sync: SyncServer; storage: Storage }[] = [];

afterEach(async () => {
  for (const { sync, storage } of open.splice(0)) {
    await sync.close();
    await storage.close();
  }
  for (const dir of dirs.splice(0))
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

const COMPACTION = { after: 7, quietMs: 5, maxDelayMs: 20 };

function start(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-rest-'))) {
  if (!dirs.includes(dir)) dirs.push(dir);
  const storage = openSqlite(dir);
  const sync = new SyncServer(storage, createLogger('silent'), 60_000, COMPACTION);
  const s = { dir, storage, sync };
  open.push(s);
  return s;
}

const docOf = (update: Uint8Array): Y.Doc => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
};

describe('rooms put to rest and built again', () => {
  it('lose nothing over random writes, rests, compactions and restarts', async () => {
    const name = 'user:walker';
    let s = start();
    const rnd = seededRandom(18);
    /** what the room must hold: key → value, as written */
    const expected = new Map<string, unknown>();
    const phone = new Y.Doc();
    for (let step = 0; step < 250; step++) {
      const room = s.sync.room(name);
      const roll = rnd();
      if (roll < 0.5) {
        const key = `k${Math.floor(rnd() * 12)}`;
        const notes = room.doc.getMap('notes');
        if (rnd() < 0.2 && expected.has(key)) {
          room.doc.transact(() => notes.delete(key), SERVER);
          expected.delete(key);
        } else {
          const value = { step, text: 'x'.repeat(Math.floor(rnd() * 40)) };
          room.doc.transact(() => notes.set(key, value), SERVER);
          expected.set(key, value);
        }
      } else if (roll < 0.75) {
        await s.sync.whenStored();
        s.sync.restIdle(0);
        expect(room.hydrated).toBe(false);
      } else if (roll < 0.85) {
        s.sync.compactLoaded(room);
      } else if (roll < 0.9) {
        await s.sync.close();
        await s.storage.close();
        open.splice(open.indexOf(s), 1);
        s = start(s.dir);
      } else {
        // A phone that holds everything syncs again: at rest that changes nothing.
        const state = room.encodeState();
        Y.applyUpdate(phone, state);
        const its = Y.encodeStateAsUpdate(phone, Y.encodeStateVectorFromUpdate(state));
        if (!room.hydrated) expect(room.unchangedBy(its)).toBe(true);
      }
      const live = s.sync.room(name);
      expect(docOf(live.encodeState()).getMap('notes').toJSON()).toEqual(
        Object.fromEntries(expected),
      );
    }
    await s.sync.whenStored();
    // What a process starting now would load holds every write.
    const log = s.storage.rooms.load(name);
    const loaded = new Y.Doc();
    if (log.snapshot) Y.applyUpdate(loaded, log.snapshot);
    for (const u of log.updates) Y.applyUpdate(loaded, u);
    expect(loaded.getMap('notes').toJSON()).toEqual(Object.fromEntries(expected));
  });

  it('carries a write through a reference held since before the rest onto the room', async () => {
    const { sync, storage } = start();
    const room = sync.room('user:holder');
    const notes = room.doc.getMap('notes');
    room.doc.transact(() => notes.set('a', 1), SERVER);
    await sync.whenStored();
    expect(sync.restIdle(0)).toBe(1);
    notes.doc!.transact(() => notes.set('b', 2), SERVER);
    expect(room.hydrated).toBe(true);
    expect(room.doc.getMap('notes').toJSON()).toEqual({ a: 1, b: 2 });
    await sync.whenStored();
    const log = storage.rooms.load('user:holder');
    const loaded = docOf(Y.mergeUpdates([...(log.snapshot ? [log.snapshot] : []), ...log.updates]));
    expect(loaded.getMap('notes').toJSON()).toEqual({ a: 1, b: 2 });
  });

  it('writes under one server client id however often the room rests', async () => {
    const { sync } = start();
    const room = sync.room('area:cycles');
    for (let i = 0; i < 5; i++) {
      room.doc.transact(() => room.doc.getMap('alerts').set(`a${i}`, i), SERVER);
      await sync.whenStored();
      expect(sync.restIdle(0)).toBe(1);
    }
    expect(Y.decodeStateVector(room.stateVector()).size).toBe(1);
    expect(docOf(room.encodeState()).getMap('alerts').size).toBe(5);
  });

  it('keeps the doc of a room with presence, and of a room with writes not yet stored', () => {
    const { sync } = start();
    const ops = sync.room('ops');
    expect(ops.hydrated).toBe(true);
    const user = sync.room('user:busy');
    user.doc.transact(() => user.doc.getMap('notes').set('a', 1), SERVER);
    expect(sync.restIdle(0)).toBe(0);
    expect(ops.hydrated && user.hydrated).toBe(true);
  });
});

describe('receipts at rest', () => {
  it('are the state vector, written as a receipt always was; empty rooms share one', async () => {
    const { sync } = start();
    const empty = [sync.room('user:e1'), sync.room('user:e2')];
    const expected = receiptOf(Y.encodeStateVector(new Y.Doc()));
    for (const room of empty) expect(room.storedMsg).toEqual(expected);
    expect(empty[0]!.storedMsg).toBe(empty[1]!.storedMsg);
    const room = sync.room('user:e3');
    room.doc.transact(() => room.doc.getMap('notes').set('a', 1), SERVER);
    await sync.whenStored();
    expect(room.storedMsg).toEqual(receiptOf(Y.encodeStateVector(room.doc)));
    sync.restIdle(0);
    expect(room.hydrated).toBe(false);
    expect(room.storedMessage()).toEqual(room.storedMsg);
  });
});

function receiptOf(vector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.stored);
  encoding.writeVarUint8Array(encoder, vector);
  return encoding.toUint8Array(encoder);
}

describe('holdsNothingNew (at rest and hydrated)', () => {
  it('agrees with applying the update, over random docs and phones', () => {
    const rnd = seededRandom(7);
    const seen = { same: 0, changed: 0 };
    for (let round = 0; round < 200; round++) {
      const server = new Y.Doc();
      const phone = new Y.Doc();
      for (let i = 0; i < 1 + rnd() * 8; i++) {
        const doc = rnd() < 0.5 ? server : phone;
        const map = doc.getMap('m');
        const list = doc.getArray<number>('a');
        const key = `k${Math.floor(rnd() * 4)}`;
        const pick = rnd();
        if (pick < 0.2) map.delete(key);
        else if (pick < 0.5) map.set(key, Math.floor(rnd() * 100));
        else if (pick < 0.75 || list.length === 0)
          list.insert(Math.floor(rnd() * (list.length + 1)), [1, 2, 3].slice(0, 1 + (i % 3)));
        // A range across items of several writers: a delete set that spans structs.
        else {
          const at = Math.floor(rnd() * list.length);
          list.delete(at, Math.min(list.length - at, 1 + Math.floor(rnd() * 3)));
        }
        if (rnd() < 0.5) Y.applyUpdate(server, Y.encodeStateAsUpdate(phone));
        if (rnd() < 0.5) Y.applyUpdate(phone, Y.encodeStateAsUpdate(server));
      }
      const state = Y.encodeStateAsUpdate(server);
      const update = Y.encodeStateAsUpdate(phone, Y.encodeStateVector(server));
      const copy = docOf(state);
      let changed = false;
      copy.on('update', () => (changed = true));
      Y.applyUpdate(copy, update);
      expect(holdsNothingNew(state, update), `round ${round}`).toBe(!changed);
      expect(docHoldsNothingNew(server, update), `round ${round}, hydrated`).toBe(!changed);
      seen[changed ? 'changed' : 'same']++;
    }
    // Both answers were exercised.
    expect(seen.same).toBeGreaterThan(20);
    expect(seen.changed).toBeGreaterThan(20);
  });

  it('is false for bytes that are not an update', () => {
    const state = Y.encodeStateAsUpdate(new Y.Doc());
    expect(holdsNothingNew(state, new Uint8Array([255, 255, 255]))).toBe(false);
    expect(docHoldsNothingNew(new Y.Doc(), new Uint8Array([255, 255, 255]))).toBe(false);
  });
});
