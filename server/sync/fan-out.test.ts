import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { TestSyncClient, until } from '../testing/sync-client.js';
import { CloseCode } from '../../sync/protocol.js';
import { areaRoom, userRoom } from '../../sync/rooms.js';
import type { AlertTypeCode } from '../../shared/types.js';
import { Connection } from './connection.js';
import { binaryFrame } from './frame.js';

/**
 * The fan-out frames each message once and writes the same bytes to every reader. These
 * tests read the raw frames a socket receives: who gets a message, in which bytes, and that
 * the server's own writes still leave only once their commit is durable.
 */

let server: TestServer;
let resident: { token: string; user: { id: string; areaId: string | null } };
let operator: { token: string; user: { id: string } };
const open: WebSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  resident = await server.login('vecino2');
  operator = await server.login('operador1');
});
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});
afterAll(() => server.close());

/** A socket that only listens, keeping every binary message the server sends it. */
async function listener(room: string, token: string): Promise<{ ws: WebSocket; got: Buffer[] }> {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${room}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  open.push(ws);
  const got: Buffer[] = [];
  ws.on('message', (data: Buffer) => got.push(Buffer.from(data)));
  // The server speaks first (its sync step 1): from then on this socket is in the room.
  await until(() => got.length > 0);
  return { ws, got };
}

const holding = (got: Buffer[], text: string) => got.filter((m) => m.includes(text));

function raise(c: TestSyncClient, type: AlertTypeCode): string {
  const id = randomUUID();
  const home = server.services.storage.users.byId(resident.user.id)!.home!;
  const fields = { id, type, createdAt: new Date().toISOString(), location: { ...home, accuracy: 9 }, note: '' }; // prettier-ignore
  c.doc.transact(() => c.map('alerts').set(id, new Y.Map<unknown>(Object.entries(fields))));
  return id;
}

async function alertInOps(): Promise<string> {
  const own = new TestSyncClient(server.url, userRoom(resident.user.id), resident.token);
  await until(() => own.synced);
  const id = raise(own, 'general');
  await until(() => server.services.sync.room('ops').doc.getMap('alerts').has(id));
  await server.services.sync.whenStored();
  own.close();
  return id;
}

function note(writer: TestSyncClient, id: string, text: string): void {
  const rec = writer.map('alerts').get(id) as Y.Map<unknown>;
  writer.doc.transact(() => {
    if (!(rec.get('notes') instanceof Y.Array)) rec.set('notes', new Y.Array<unknown>());
    const entry = { id: randomUUID(), text, at: new Date().toISOString(), by: operator.user.id };
    (rec.get('notes') as Y.Array<unknown>).push([entry]);
  });
}

describe('the fan-out of a write', () => {
  it('is a WebSocket frame of the message, header and payload intact', () => {
    for (const n of [0, 125, 126, 65_535, 65_536]) {
      const payload = Buffer.alloc(n, 7);
      const frame = binaryFrame(payload);
      expect(frame[0]).toBe(0x82);
      const header = n < 126 ? 2 : n < 65_536 ? 4 : 10;
      const length = header === 2 ? frame[1] : header === 4 ? frame.readUInt16BE(2) : Number(frame.readBigUInt64BE(2)); // prettier-ignore
      expect([frame.length - header, length]).toEqual([n, n]);
      expect(frame.subarray(header).equals(payload)).toBe(true);
    }
  });

  it('reaches every reader but the writer, in the same bytes, uncompressed', async () => {
    const id = await alertInOps();
    const readers = await Promise.all([1, 2, 3].map(() => listener('ops', operator.token)));
    // The client offered per-message deflate (ws does by default); the server declines it.
    for (const r of readers) expect(r.ws.extensions).toBe('');
    const writer = new TestSyncClient(server.url, 'ops', operator.token);
    await until(() => writer.synced);
    const framed = vi.spyOn(Connection.prototype, 'sendFrame');
    const sent = vi.spyOn(Connection.prototype, 'send');
    note(writer, id, 'fan-out-same-bytes');
    await until(() => readers.every((r) => holding(r.got, 'fan-out-same-bytes').length === 1));
    const [first, ...rest] = readers.map((r) => holding(r.got, 'fan-out-same-bytes')[0]!);
    for (const m of rest) expect(m.equals(first!)).toBe(true);
    // Framed once for the room's four connections: three readers handed one and the same
    // buffer, nothing to the writer.
    expect(server.services.sync.room('ops').conns.size).toBe(4);
    const frames = framed.mock.calls
      .map(([f]) => f)
      .filter((f) => f.includes('fan-out-same-bytes'));
    expect(frames).toHaveLength(3);
    expect(new Set(frames).size).toBe(1);
    expect(sent.mock.calls.filter(([m]) => Buffer.from(m).includes('fan-out-same-bytes'))).toEqual(
      [],
    );
    sent.mockRestore();
    framed.mockRestore();
    writer.close();
  });

  it('of a refused write reaches nobody', async () => {
    const id = await alertInOps();
    const readers = await Promise.all([1, 2].map(() => listener('ops', operator.token)));
    const bad = new TestSyncClient(server.url, 'ops', operator.token);
    await until(() => bad.synced);
    // Only the server stamps when an alert was received.
    (bad.map('alerts').get(id) as Y.Map<unknown>).set('receivedAt', 'refused-receivedAt');
    expect(await bad.closed).toBe(CloseCode.forbidden);
    // A later write reaches the readers: the refused one, on the same sockets, would be before it.
    const good = new TestSyncClient(server.url, 'ops', operator.token);
    await until(() => good.synced);
    note(good, id, 'after-the-refusal');
    await until(() => readers.every((r) => holding(r.got, 'after-the-refusal').length === 1));
    for (const r of readers) expect(holding(r.got, 'refused-receivedAt')).toEqual([]);
    good.close();
  });

  it('of a silent alert reaches operators and never the area', async () => {
    const area = await listener(areaRoom(resident.user.areaId!), resident.token);
    const ops = await listener('ops', operator.token);
    const own = new TestSyncClient(server.url, userRoom(resident.user.id), resident.token);
    await until(() => own.synced);
    const silent = raise(own, 'gender_violence');
    const loud = raise(own, 'general');
    await until(() => holding(ops.got, loud).length > 0 && holding(area.got, loud).length > 0);
    expect(holding(ops.got, silent).length).toBeGreaterThan(0);
    expect(holding(area.got, silent)).toEqual([]);
    own.close();
  });

  it('of the server’s own writes leaves no socket before their commit', async () => {
    const ops = await listener('ops', operator.token);
    const storage = server.services.storage;
    const commit = storage.transaction.bind(storage);
    // Transactions nest (a job's own rows): inside until the outermost one has committed.
    let depth = 0;
    storage.transaction = <T>(fn: () => T): T => {
      depth++;
      try {
        return commit(fn);
      } finally {
        depth--;
      }
    };
    const written: { bytes: Buffer; inCommit: boolean }[] = [];
    const frame = Connection.prototype.sendFrame;
    const spy = vi.spyOn(Connection.prototype, 'sendFrame').mockImplementation(function (
      this: Connection,
      bytes: Buffer,
    ) {
      written.push({ bytes, inCommit: depth > 0 });
      frame.call(this, bytes);
    });
    const own = new TestSyncClient(server.url, userRoom(resident.user.id), resident.token);
    await until(() => own.synced);
    const id = raise(own, 'general');
    await until(() => holding(ops.got, id).length > 0);
    const projected = written.filter((w) => w.bytes.includes(id));
    expect(projected.length).toBeGreaterThan(0);
    expect(projected.filter((w) => w.inCommit)).toEqual([]);
    spy.mockRestore();
    storage.transaction = commit;
    own.close();
  });
});
