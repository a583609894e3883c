import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqlite } from '../storage/sqlite/index.js';
import type { RequestRow } from '../storage/requests.js';
import { OPS_ROOM, userRoom } from '../../sync/rooms.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { TestSyncClient, until } from '../testing/sync-client.js';

/**
 * What a crash leaves when it falls between a request's commit and the commit of its room
 * writes (built by hand; server/sync/crash-loop.test.ts finds it by killing): at start-up the
 * receipt and the `ops` record of a new request, and an operator's answer, are shown again.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-requests-reconcile-'));
let running: TestServer | null = null;

afterAll(async () => {
  await running?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function start(): Promise<TestServer> {
  return startTestServer({ DATA_DIR: dataDir }).then((r) => (running = r));
}

const at = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function row(id: string, reporterId: string, areaId: string | null): RequestRow {
  return {
    id,
    source: 'resident',
    reporterId,
    unitId: null,
    category: 'trash',
    description: 'basura en la esquina',
    location: null,
    areaId,
    createdAt: at(10),
    receivedAt: at(10),
    status: 'open',
    statusAt: at(10),
    reply: '',
    cancelledAt: null,
  };
}

const filed = (r: RequestRow) =>
  new Y.Map<unknown>(
    Object.entries({
      id: r.id,
      category: r.category,
      description: r.description,
      location: null,
      createdAt: r.createdAt,
    }),
  );

const get = (c: TestSyncClient, id: string, key: string): unknown =>
  (c.map('requests').get(id) as Y.Map<unknown> | undefined)?.get(key);

describe('a request whose room writes a crash took back', () => {
  it('is receipted, copied to ops and answered again at start-up', async () => {
    let server = await start();
    const resident = await server.login('vecino5');
    const operator = await server.login('operador1');
    await server.close();

    const storage = openSqlite(dataDir, { checkpointEveryMs: null });
    const answeredAt = at(5);
    // New: in SQL and in the resident's room, nowhere else.
    const fresh = row(randomUUID(), resident.user.id, resident.user.areaId);
    // Answered: receipted and in ops, but the operator's answer never reached the resident.
    const answered = row(randomUUID(), resident.user.id, resident.user.areaId);
    const phone = new Y.Doc();
    phone.getMap('requests').set(fresh.id, filed(fresh));
    phone.getMap('requests').set(answered.id, filed(answered));
    const own = phone.getMap('requests').get(answered.id) as Y.Map<unknown>;
    own.set('receivedAt', answered.receivedAt);
    own.set('status', 'open');
    own.set('statusAt', answered.statusAt);
    const ops = new Y.Doc();
    const copy = filed(answered);
    ops.getMap('requests').set(answered.id, copy);
    copy.set('status', 'acknowledged');
    copy.set('statusAt', answered.statusAt);
    storage.transaction(() => {
      storage.rooms.append(userRoom(resident.user.id), Y.encodeStateAsUpdate(phone));
      storage.rooms.append(OPS_ROOM, Y.encodeStateAsUpdate(ops));
      storage.requests.insert(fresh);
      storage.requests.insert(answered);
      storage.requests.setStatus(answered.id, 'acknowledged', 'vamos mañana', answeredAt);
      storage.requests.addEvent({
        requestId: answered.id,
        status: 'acknowledged',
        reply: 'vamos mañana',
        at: answeredAt,
        by: operator.user.id,
      });
    });
    await storage.close();

    server = await start();
    const mine = new TestSyncClient(server.url, userRoom(resident.user.id), resident.token);
    const desk = new TestSyncClient(server.url, OPS_ROOM, operator.token);
    await until(() => mine.synced && desk.synced);
    expect(get(mine, fresh.id, 'status')).toBe('open');
    expect(get(desk, fresh.id, 'reporterId')).toBe(resident.user.id);
    expect(get(mine, answered.id, 'status')).toBe('acknowledged');
    expect(get(mine, answered.id, 'reply')).toBe('vamos mañana');
    expect((get(mine, answered.id, 'updates') as Y.Array<unknown>).length).toBe(1);
    expect(get(mine, answered.id, 'statusAt')).toBe(answeredAt);
    expect(get(desk, answered.id, 'statusAt')).toBe(answeredAt);
    mine.close();
    desk.close();
  });
});
