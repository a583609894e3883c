/**
 * The write path of one operator note in `ops`, in CPU time, on a shared machine where wall
 * clocks lie: `node --import tsx bench/fan-out-micro.ts [--readers 50] [--alerts 400]`.
 * A real server in this process, `--readers` sockets on `ops`, the room filled with
 * `--alerts` alert records (~0.5 KB each); then, in alternating blocks, the CPU time of
 * - the fan-out: `ws` framing each reader's copy (`Connection.send`) or one frame for all
 *   (`Room.broadcast`);
 * - the write policy's check of one note against the room (`checkUpdate`);
 * - a whole note as the server takes it (`apply`: check, apply, fan-out), and with its own
 *   group commit (`applyCommit`; the log's sync, on libuv's threadpool, counts when it
 *   lands in the block: the process's CPU);
 * - and in wall time, the event loop held by one note's group commit (`commitLoop`, µs):
 *   what an alert arriving meanwhile waits for.
 * Blocks are synchronous: the readers (in this process) read between them, never inside.
 */
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startTestServer } from '../server/testing/harness.js';
import { until } from '../server/testing/sync-client.js';
import { SERVER } from '../server/sync/origin.js';
import { updateMessage } from '../server/sync/connection.js';
import { checkUpdate } from '../sync/policy/index.js';
import { percentile, round, sleep } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    readers: { type: 'string', default: '50' },
    alerts: { type: 'string', default: '400' },
  },
});
const readers = Number(values.readers);
const server = await startTestServer({ SYNC_SOCKETS_PER_USER: String(readers + 10) });
const operator = await server.login('operador1');
const room = server.services.sync.room('ops');
const alerts = room.doc.getMap('alerts');
room.doc.transact(() => {
  for (let i = 0; i < Number(values.alerts); i++) {
    const id = randomUUID();
    const rec = new Y.Map<unknown>(Object.entries({ id, type: 'general', status: 'received', note: 'x'.repeat(200), reporterId: randomUUID(), receivedAt: new Date().toISOString() })); // prettier-ignore
    rec.set(
      'timeline',
      Y.Array.from([{ status: 'received', at: new Date().toISOString(), by: 'x' }]),
    );
    rec.set('notes', new Y.Array<unknown>());
    alerts.set(id, rec);
  }
}, SERVER);
await server.services.sync.whenStored();
const roomKb = round(Y.encodeStateAsUpdate(room.doc).length / 1024);

const sockets = Array.from({ length: readers }, () => {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/sync/ops`, {
    headers: { authorization: `Bearer ${operator.token}` },
  });
  ws.on('message', () => {});
  return ws;
});
await until(() => room.conns.size === readers, 30_000);

// A note as an operator's client writes it: on a copy of the room, encoded as an update.
const copy = new Y.Doc();
Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc));
const target = [...copy.getMap('alerts').values()][0] as Y.Map<unknown>;
let note: Uint8Array = new Uint8Array();
copy.once('update', (u: Uint8Array) => (note = u));
(target.get('notes') as Y.Array<unknown>).push([{ id: randomUUID(), text: 'bench-note', at: new Date().toISOString(), by: operator.user.id }]); // prettier-ignore
const message = updateMessage(note);
const writer = { userId: operator.user.id, role: operator.user.role, unitId: null };
// Notes in the order a client writes them, each applied once by `apply` / `applyCommit`.
const notes: Uint8Array[] = [note];
copy.on('update', (u: Uint8Array) => notes.push(u));
const list = target.get('notes') as Y.Array<unknown>;
for (let i = 0; i < 30 * 20 * 3; i++)
  list.push([{ id: randomUUID(), text: `note ${i}`, at: new Date().toISOString(), by: operator.user.id }]); // prettier-ignore
const row = server.services.storage.users.byId(operator.user.id)!;
const sync = server.services.sync;
let next = 0;
const applyNext = () => {
  if (!sync.apply(room, row, notes[next++]!, null).ok) throw new Error('note refused');
};

const cpuUs = (fn: () => void, times: number): number => {
  const t0 = process.cpuUsage();
  for (let i = 0; i < times; i++) fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / times;
};
const ways = {
  perReader: () => {
    for (const c of room.conns) c.send(message);
  },
  framedOnce: () => room.broadcast(message),
  checkUpdate: () => {
    // The next note a client writes: checked, not applied (`apply` takes it after).
    if (!checkUpdate(room.ref, writer, room.doc, notes[next]!).ok) throw new Error('refused');
  },
  // The write as the server takes it from a socket: check, apply, fan-out (commit later).
  apply: applyNext,
  // The same and its group commit (SQL row, fdatasync) at once: the CPU a write costs in all.
  applyCommit: () => {
    applyNext();
    sync.committer.flush();
  },
};
/** Wall µs the event loop spends in one group commit of one note (the note applied before). */
const commitLoopUs = (times: number): number => {
  let us = 0;
  for (let i = 0; i < times; i++) {
    applyNext();
    const t0 = performance.now();
    sync.committer.flush();
    us += (performance.now() - t0) * 1000;
  }
  return us / times;
};
type Way = keyof typeof ways | 'commitLoop';
const got = Object.fromEntries([...Object.keys(ways), 'commitLoop'].map((k) => [k, [] as number[]])) as Record<Way, number[]>; // prettier-ignore
for (let block = 0; block < 30; block++) {
  for (const [name, fn] of Object.entries(ways)) {
    got[name as Way].push(cpuUs(fn, 20));
    sync.committer.flush();
    await sleep(30); // the readers drain their sockets
  }
  got.commitLoop.push(commitLoopUs(20));
  await sleep(30);
}
console.log(`ops room ${roomKb} KB, ${readers} readers, message ${message.length} B; CPU µs per call (commitLoop: wall µs), median (p10–p90) of 30 blocks of 20:`); // prettier-ignore
for (const [name, xs] of Object.entries(got))
  console.log(`  ${name.padEnd(12)} ${round(percentile(xs, 50), 0)} (${round(percentile(xs, 10), 0)}–${round(percentile(xs, 90), 0)})`); // prettier-ignore
for (const ws of sockets) ws.terminate();
await server.close();
process.exit(0);
