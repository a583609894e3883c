import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { TestSyncClient, until } from '../testing/sync-client.js';
import { CloseCode } from '../../sync/protocol.js';
import { SERVER } from './origin.js';
import { raiseAlert } from '../push/testing/alerts.js';
import { hashToken } from '../auth/sessions.js';

let server: TestServer;
let vecino1: { token: string; user: { id: string; areaId: string | null } };
let vecino2: { token: string; user: { id: string; areaId: string | null } };

beforeAll(async () => {
  server = await startTestServer();
  vecino1 = await server.login('vecino1');
  vecino2 = await server.login('vecino2');
});
afterAll(() => server.close());

const open = (room: string, token?: string) => new TestSyncClient(server.url, room, token);

describe('sync authorization', () => {
  it('closes a socket with no session with 4401, before any data', async () => {
    const c = open(`user:${vecino1.user.id}`);
    expect(await c.closed).toBe(CloseCode.unauthorized);
    expect(c.synced).toBe(false);
  });

  it('closes a socket with a revoked session with 4401', async () => {
    const session = await server.login('vecino3');
    await server.request('/api/auth/logout', { method: 'POST', token: session.token });
    const c = open(`user:${session.user.id}`, session.token);
    expect(await c.closed).toBe(CloseCode.unauthorized);
  });

  it('refuses a resident the ops room, another resident room and another area', async () => {
    const otherArea = vecino2.user.areaId;
    expect(otherArea).not.toBe(vecino1.user.areaId);
    for (const room of [
      'ops',
      `user:${vecino2.user.id}`,
      `area:${otherArea}`,
      'unit:unit-1',
      'nonsense',
    ]) {
      const c = open(room, vecino1.token);
      expect(await c.closed, room).toBe(CloseCode.forbidden);
      expect(c.synced, room).toBe(false);
    }
  });

  it('lets a resident read its own area, read-only', async () => {
    const c = open(`area:${vecino1.user.areaId}`, vecino1.token);
    await until(() => c.synced);
    c.map('alerts').set('00000000-0000-4000-8000-000000000000', new Y.Map());
    expect(await c.closed).toBe(CloseCode.forbidden);
  });

  it('closes a suspended resident at once with 4401', async () => {
    const session = await server.login('vecino4');
    const op = await server.login('operador1');
    const c = open(`user:${session.user.id}`, session.token);
    await until(() => c.synced);
    const res = await server.request(`/api/users/${session.user.id}/suspend`, {
      method: 'POST',
      token: op.token,
    });
    expect(res.status).toBe(200);
    expect(await c.closed).toBe(CloseCode.unauthorized);
    const me = await server.request('/api/me', { token: session.token });
    expect(me.status).toBe(403);
  });

  it('refuses a new socket for a suspended user or an expired session with 4401', async () => {
    const session = await server.login('vecino5');
    const op = await server.login('operador1');
    await server.request(`/api/users/${session.user.id}/suspend`, {
      method: 'POST',
      token: op.token,
    });
    const c = open(`user:${session.user.id}`, session.token);
    expect(await c.closed).toBe(CloseCode.unauthorized);
    expect(c.synced).toBe(false);

    const token = 'an-expired-session-token';
    server.services.storage.sessions.insert({
      tokenHash: hashToken(token),
      userId: vecino1.user.id,
      createdAt: '2020-01-01T00:00:00.000Z',
      expiresAt: '2020-01-02T00:00:00.000Z',
    });
    const old = open(`user:${vecino1.user.id}`, token);
    expect(await old.closed).toBe(CloseCode.unauthorized);
  });

  it('keeps only who the user is per socket; a write’s projections get the whole row', async () => {
    const c = open(`user:${vecino1.user.id}`, vecino1.token);
    await until(() => c.synced);
    const [conn] = server.services.sync.rooms.get(`user:${vecino1.user.id}`)!.conns;
    expect(Object.keys(conn!.user).sort()).toEqual(['areaId', 'id', 'name', 'role', 'unitId']);
    const hooks = server.services.sync.hooks;
    const writers: unknown[] = [];
    server.services.sync.hooks = {
      ...hooks,
      onChanges: (room, writer, changes) => {
        writers.push(writer);
        hooks.onChanges(room, writer, changes);
      },
    };
    try {
      raiseAlert(c, 'medical', null);
      await until(() => c.allStored && writers.length > 0);
    } finally {
      server.services.sync.hooks = hooks;
    }
    expect(writers[0]).toEqual(server.services.storage.users.byId(vecino1.user.id));
    c.close();
  });

  it('refuses a message over 256 KiB', async () => {
    const c = open(`user:${vecino1.user.id}`, vecino1.token);
    await until(() => c.synced);
    const big = new Y.Map<unknown>();
    c.doc.transact(() => c.map('junk').set('x', big));
    big.set('blob', 'x'.repeat(300 * 1024));
    expect([CloseCode.tooLarge, CloseCode.forbidden]).toContain(await c.closed);
  });
});

describe('initial sync', () => {
  it('shares one reply between clients of an unchanged room, and never a stale one', async () => {
    const op = await server.login('operador1');
    const ops = server.services.sync.room('ops');
    const write = (key: string) =>
      ops.doc.transact(() => ops.doc.getMap('probe').set(key, true), SERVER);
    write('first');
    const a = open('ops', op.token);
    const b = open('ops', op.token);
    await until(() => a.synced && b.synced);
    expect(a.map('probe').get('first')).toBe(true);
    expect(b.map('probe').get('first')).toBe(true);
    write('second');
    const c = open('ops', op.token);
    await until(() => c.synced);
    expect(c.map('probe').toJSON()).toMatchObject({ first: true, second: true });
    for (const x of [a, b, c]) x.close();
  });
});

describe('stored receipts', () => {
  it('tells a writer at once, and a reader once for a run of writes', async () => {
    const writer = open(`user:${vecino2.user.id}`, vecino2.token);
    const reader = open(`user:${vecino2.user.id}`, vecino2.token);
    await until(() => writer.synced && reader.synced && reader.stored !== null);
    const readerBefore = reader.storedCount;
    raiseAlert(writer, 'medical', null);
    await until(() => writer.allStored);
    // The writer does not wait for the readers' coalesced receipt: it has not been sent yet.
    expect(reader.storedCount).toBe(readerBefore);
    // The server's own writes (the alert's receipt, its status) come in the same second.
    await until(() => reader.doc.getMap('alerts').size === writer.doc.getMap('alerts').size);
    await until(() => reader.storedCount > readerBefore, 3000);
    await new Promise((r) => setTimeout(r, 300));
    expect(reader.storedCount - readerBefore).toBe(1);
    // ...and it covers everything the writer's receipt did.
    for (const [client, clock] of writer.stored!) {
      expect(reader.stored!.get(client) ?? 0).toBeGreaterThanOrEqual(clock);
    }
    writer.close();
    reader.close();
  });
});

describe('keep-alive', () => {
  it('repeats the stored receipt about every 20 s, not every tick, on a quiet server', async () => {
    const c = open(`user:${vecino2.user.id}`, vecino2.token);
    await until(() => c.synced && c.stored !== null);
    const after = c.storedCount;
    await new Promise((r) => setTimeout(r, 1500));
    // At most the one round that may have been under way when the client joined.
    expect(c.storedCount - after).toBeLessThanOrEqual(1);
    c.close();
  });
});
