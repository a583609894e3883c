import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { TestSyncClient, until } from '../testing/sync-client.js';
import { CloseCode, MessageType } from '../../sync/protocol.js';
import { hostileUpdate } from '../../sync/policy/hostile.js';
import { readDemoDevices } from '../sirens/demo-devices.js';

/** Whatever one request holds, the server answers the next one: it is still alive. */

let server: TestServer;
let vecino1: { token: string; user: { id: string; areaId: string | null } };
let op1: { token: string; user: { id: string } };
let op2: { token: string; user: { id: string } };

beforeAll(async () => {
  server = await startTestServer({ SYNC_SOCKETS_PER_USER: '3', SYNC_SOCKETS_PER_ADDRESS: '8' });
  vecino1 = await server.login('vecino1');
  op1 = await server.login('operador1');
  op2 = await server.login('operador2');
});
afterAll(() => server.close());

const open = (room: string, token?: string) => new TestSyncClient(server.url, room, token);

async function alive(): Promise<void> {
  const res = await server.request('/healthz');
  expect(res.status).toBe(200);
}

/** Writes a raw upgrade request and resolves with what the server answered before closing. */
function rawUpgrade(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1', () => {
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
          'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      );
    });
    let got = '';
    socket.on('data', (d) => (got += d.toString('latin1')));
    socket.on('close', () => resolve(got));
    socket.on('error', reject);
  });
}

/**
 * The status of a POST of `bytes` zeros, read even when the server answers before the body
 * is sent and then closes (fetch reports that as a failure, not as the answer).
 */
function postStatus(path: string, bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${server.url}${path}`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${vecino1.token}`,
          'content-type': 'application/octet-stream',
          'content-length': bytes,
        },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(Buffer.alloc(bytes));
  });
}

/** A sync-protocol update message carrying `update`. */
function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

describe('the upgrade path cannot take the process down', () => {
  it('drops an upgrade whose path does not parse as a URL', async () => {
    for (const path of ['//a:99999/sync/ops', 'http://a:99999/sync/ops', '*', '/%zz']) {
      expect(await rawUpgrade(path), path).toBe('');
    }
    await alive();
  });

  it('closes a room name with broken percent-encoding with 4400', async () => {
    const c = open('user%E0%A4%A', vecino1.token);
    expect(await c.closed).toBe(CloseCode.badRequest);
    await alive();
  });
});

describe('malformed and refused updates', () => {
  it('closes a malformed update with 4400, a refused write with 4403', async () => {
    const garbage = open(`user:${vecino1.user.id}`, vecino1.token);
    await until(() => garbage.synced);
    garbage.sendRaw(updateMessage(new Uint8Array([1, 2, 3, 250, 250])));
    expect(await garbage.closed).toBe(CloseCode.badRequest);

    const refused = open(`user:${vecino1.user.id}`, vecino1.token);
    await until(() => refused.synced);
    refused.map('sirens').set('x', 1);
    expect(await refused.closed).toBe(CloseCode.forbidden);
  });

  it('refuses a tiny update declaring millions of clocks at once, even read-only', async () => {
    const update = hostileUpdate([{ kind: 'deleted', client: 99, clock: 0, length: 5_000_000 }]);
    for (const room of [`user:${vecino1.user.id}`, `area:${vecino1.user.areaId}`]) {
      const c = open(room, vecino1.token);
      await until(() => c.synced);
      c.sendRaw(updateMessage(update));
      expect(await c.closed).toBe(CloseCode.badRequest);
    }
    await alive();
  });

  it('answers the HTTP fallback 400 for garbage, 403 for a refused write, 413 when too large', async () => {
    const post = (body: Uint8Array) =>
      server.request(`/api/sync/user:${vecino1.user.id}`, {
        method: 'POST',
        token: vecino1.token,
        headers: { 'content-type': 'application/octet-stream' },
        body: new Uint8Array(body),
      });
    const garbage = await post(new Uint8Array([1, 2, 3, 250, 250]));
    expect(garbage.status).toBe(400);
    expect(await garbage.json()).toMatchObject({ error: { code: 'bad_request' } });
    const hostile = await post(
      hostileUpdate([{ kind: 'deleted', client: 99, clock: 0, length: 5_000_000 }]),
    );
    expect(hostile.status).toBe(400);
    const refused = await post(hostileUpdate([{ kind: 'any', client: 99, clock: 0, length: 1 }]));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect(await postStatus(`/api/sync/user:${vecino1.user.id}`, 300 * 1024)).toBe(413);
    const broken = await server.request('/api/sync/user%E0%A4%A', {
      method: 'POST',
      token: vecino1.token,
      body: new Uint8Array([0, 0]),
    });
    expect(broken.status).toBeGreaterThanOrEqual(400);
    expect(broken.status).toBeLessThan(500);
    await alive();
  });
});

describe('socket caps', () => {
  it('closes sockets past the per-user cap with 4429, and frees the slot on close', async () => {
    const room = `user:${vecino1.user.id}`;
    const first = [open(room, vecino1.token), open(room, vecino1.token), open(room, vecino1.token)];
    for (const c of first) await until(() => c.synced);
    const extra = open(room, vecino1.token);
    expect(await extra.closed).toBe(CloseCode.tooManySockets);
    first[0]?.close();
    await first[0]?.closed;
    const again = open(room, vecino1.token);
    await until(() => again.synced || again.closeCode !== null);
    expect(again.closeCode).toBeNull();
    for (const c of [...first, again]) c.close();
    await Promise.all([...first, again].map((c) => c.closed));
  });

  it('closes sockets past the per-address cap with 4429, whoever the user', async () => {
    const users = await Promise.all(['vecino5', 'vecino6', 'vecino7'].map((u) => server.login(u)));
    const sockets: TestSyncClient[] = [];
    for (const u of users) {
      for (let i = 0; i < 3; i++) sockets.push(open(`user:${u.user.id}`, u.token));
    }
    const codes = await Promise.all(
      sockets.map(async (c) => {
        await until(() => c.synced || c.closeCode !== null);
        return c.closeCode;
      }),
    );
    expect(codes.filter((c) => c === CloseCode.tooManySockets)).toHaveLength(1);
    for (const c of sockets) c.close();
    await Promise.all(sockets.map((c) => c.closed));
  });
});

describe('presence', () => {
  it('keeps a presence id with the connection that first used it', async () => {
    const a = open('ops', op1.token);
    const b = open('ops', op2.token);
    const watcher = open('ops', op1.token);
    for (const c of [a, b, watcher]) await until(() => c.synced);
    a.sendPresence(4242, 1, { cursor: 'a' });
    const name = () => {
      const state = watcher.awareness.getStates().get(4242) as
        { user?: { id: string } } | undefined;
      return state?.user?.id;
    };
    await until(() => name() === op1.user.id);
    b.sendPresence(4242, 2, { cursor: 'b' });
    b.sendPresence(4242, 3, null);
    b.sendPresence(4343, 1, { cursor: 'b' });
    await until(() => watcher.awareness.getStates().has(4343));
    expect(name()).toBe(op1.user.id);
    expect(watcher.awareness.getStates().get(4242)).toMatchObject({ cursor: 'a' });
    for (const c of [a, b, watcher]) c.close();
    await Promise.all([a, b, watcher].map((c) => c.closed));
  });
});

describe('siren sockets', () => {
  it('shrug off frames that are not the protocol; an oversized one closes only that socket', async () => {
    const [device] = readDemoDevices(server.dataDir);
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/devices/ws`, {
      headers: { authorization: `Bearer ${device!.token}` },
    });
    await new Promise((resolve) => ws.once('open', resolve));
    for (const frame of ['{', 'null', '[]', '{"ack":{"x":1}}', '{"hb":"x"}', '{"__proto__":{}}'])
      ws.send(frame);
    ws.send(Buffer.from([0xff, 0xfe, 0x00]));
    await alive();
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.send(Buffer.alloc(5000, 0x20).toString());
    const code = await new Promise<number>((resolve) => ws.once('close', resolve));
    expect(code).toBe(1009); // ws: message too big
    await alive();
  });
});
