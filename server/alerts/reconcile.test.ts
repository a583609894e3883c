import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqlite } from '../storage/sqlite/index.js';
import type { AlertRow } from '../storage/storage.js';
import { OPS_ROOM, userRoom } from '../../sync/rooms.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { TestSyncClient, until } from '../testing/sync-client.js';

/**
 * What a crash leaves when it falls between an alert's commit and the commit of its room
 * writes: the row in SQL and the resident's record in her room, with no receipt and no copy
 * in `ops`. Built here by hand (the SIGKILL loop, server/sync/crash-loop.test.ts, finds it by
 * killing); the server must show the alert again at start-up, and again on a resend.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-reconcile-'));
let running: TestServer | null = null;

afterAll(async () => {
  await running?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function start(): Promise<TestServer> {
  return startTestServer({ DATA_DIR: dataDir }).then((r) => (running = r));
}

function alertRecord(id: string): Y.Map<unknown> {
  const fields = {
    id,
    type: 'medical',
    createdAt: new Date().toISOString(),
    location: null,
    note: '',
  };
  return new Y.Map<unknown>(Object.entries(fields));
}

function row(id: string, reporterId: string, areaId: string | null): AlertRow {
  const at = new Date().toISOString();
  return {
    id,
    reporterId,
    type: 'medical',
    createdAt: at,
    receivedAt: at,
    location: null,
    note: '',
    areaId,
    status: 'received',
    statusAt: at,
    sirenRequested: false,
    flagged: false,
    assignedUnit: null,
  };
}

const get = (c: TestSyncClient, map: string, id: string, key: string): unknown =>
  (c.map(map).get(id) as Y.Map<unknown> | undefined)?.get(key);

const receivedSteps = (c: TestSyncClient, map: string, id: string): number =>
  ((get(c, map, id, 'timeline') as Y.Array<{ status: string }> | undefined)?.toArray() ?? [])
    .length;

describe('an alert committed whose room writes a crash took back', () => {
  it('is receipted and copied to ops and its area at start-up, once', async () => {
    let server = await start();
    const resident = await server.login('vecino2');
    const operator = await server.login('operador1');
    await server.close();

    // The state the crash left: the client's update and the row, committed together.
    const id = randomUUID();
    const phone = new Y.Doc();
    phone.getMap('alerts').set(id, alertRecord(id));
    const storage = openSqlite(dataDir, { checkpointEveryMs: null });
    storage.transaction(() => {
      storage.rooms.append(userRoom(resident.user.id), Y.encodeStateAsUpdate(phone));
      storage.alerts.insert(row(id, resident.user.id, resident.user.areaId));
      storage.alerts.addEvent({
        alertId: id,
        status: 'received',
        at: new Date().toISOString(),
        by: resident.user.id,
      });
    });
    await storage.close();

    server = await start();
    const own = new TestSyncClient(server.url, userRoom(resident.user.id), resident.token, phone);
    const ops = new TestSyncClient(server.url, OPS_ROOM, operator.token);
    const area = new TestSyncClient(server.url, `area:${resident.user.areaId}`, resident.token);
    await until(() => own.synced && ops.synced && area.synced);
    expect(get(own, 'alerts', id, 'status')).toBe('received');
    expect(get(ops, 'alerts', id, 'reporterId')).toBe(resident.user.id);
    expect(get(area, 'alerts', id, 'status')).toBe('received');
    expect(receivedSteps(own, 'alerts', id)).toBe(1);
    expect(receivedSteps(ops, 'alerts', id)).toBe(1);
    for (const c of [own, ops, area]) c.close();

    // A second start finds it whole and writes nothing more.
    await server.close();
    server = await start();
    const again = new TestSyncClient(server.url, OPS_ROOM, operator.token);
    await until(() => again.synced);
    expect(receivedSteps(again, 'alerts', id)).toBe(1);
    again.close();
  });

  it('is shown again when the phone resends it', async () => {
    const server = running!;
    const resident = await server.login('vecino3');
    const operator = await server.login('operador1');
    // In SQL, in no room: the resend finds the row and projects it instead of stopping.
    const id = randomUUID();
    const storage = server.services.storage;
    storage.alerts.insert(row(id, resident.user.id, resident.user.areaId));
    storage.alerts.addEvent({
      alertId: id,
      status: 'received',
      at: new Date().toISOString(),
      by: resident.user.id,
    });
    const own = new TestSyncClient(server.url, userRoom(resident.user.id), resident.token);
    const ops = new TestSyncClient(server.url, OPS_ROOM, operator.token);
    await until(() => own.synced && ops.synced);
    own.map('alerts').set(id, alertRecord(id));
    await until(() => get(own, 'alerts', id, 'status') === 'received');
    await until(() => get(ops, 'alerts', id, 'status') === 'received');
    expect(receivedSteps(own, 'alerts', id)).toBe(1);
    expect(storage.alerts.events(id)).toHaveLength(1);
    for (const c of [own, ops]) c.close();
  });
});
