/**
 * How long a compaction of a large room holds the event loop: `node --import tsx
 * bench/compaction-micro.ts <sac.db of a bench run (--keep)> [room, default ops]`. The room's
 * stored state is copied into a fresh database and loaded by a SyncServer; then it is
 * compacted 9 times on the loop (`compactLoaded`) and 9 times on the thread (`Compactor`),
 * alternating, each after 200 small updates. Printed: the median of the longest synchronous
 * stretch each took on the loop (wall clock of the loop's own calls, ms).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createLogger } from '../server/log.js';
import { openSqlite } from '../server/storage/sqlite/index.js';
import { Compactor } from '../server/sync/compactor.js';
import { SERVER } from '../server/sync/origin.js';
import { SyncServer } from '../server/sync/sync-server.js';

const [source, name = 'ops'] = process.argv.slice(2);
if (!source) throw new Error('usage: compaction-micro.ts <sac.db> [room]');

async function main(): Promise<void> {
  const src = new Database(source!, { readonly: true });
  const snap = src
    .prepare<[string], { data: Buffer }>('SELECT data FROM room_snapshots WHERE room = ?')
    .get(name);
  const updates = src
    .prepare<[string], { data: Buffer }>(
      'SELECT data FROM room_updates WHERE room = ? ORDER BY seq',
    )
    .all(name);
  src.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-compaction-micro-'));
  const storage = openSqlite(dir);
  storage.transaction(() => {
    if (snap) storage.rooms.append(name, new Uint8Array(snap.data));
    for (const u of updates) storage.rooms.append(name, new Uint8Array(u.data));
  });
  const log = createLogger('silent');
  const sync = new SyncServer(storage, log, 600_000, { after: 1e9 });
  const room = sync.room(name);
  const compactor = new Compactor(storage, log, 0);
  const churn = (round: number) => {
    for (let i = 0; i < 200; i++) {
      room.doc.transact(() => room.doc.getMap('bench').set(`k${i % 20}`, round * 1000 + i), SERVER);
      sync.committer.flush();
    }
  };
  const onLoop: number[] = [];
  const onThread: number[] = [];
  for (let round = 0; round < 10; round++) {
    churn(round);
    let t = performance.now();
    sync.compactLoaded(room);
    if (round > 0) onLoop.push(performance.now() - t);
    churn(round);
    t = performance.now();
    const done = compactor.compact(room, () => true)!;
    const start = performance.now() - t;
    // The result's write is the loop's second stretch: timed by wrapping the storage call.
    const write = storage.rooms.compact;
    let end = 0;
    storage.rooms.compact = (...args) => {
      const w = performance.now();
      write(...args);
      end = performance.now() - w;
    };
    await done;
    storage.rooms.compact = write;
    if (round > 0) onThread.push(Math.max(start, end));
  }
  const median = (x: number[]) => x.sort((a, b) => a - b)[Math.floor(x.length / 2)]!.toFixed(1);
  console.log(
    `${name}: ${room.encodeState().byteLength} bytes of state; longest stretch on the loop per compaction, median of 9: on the loop ${median(onLoop)} ms, on the thread ${median(onThread)} ms`,
  );
  await compactor.close();
  await sync.close();
  await storage.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
