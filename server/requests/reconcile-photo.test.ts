import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqlite } from '../storage/sqlite/index.js';
import type { RequestRow } from '../storage/requests.js';
import { OPS_ROOM, userRoom } from '../../sync/rooms.js';
import type { RequestHistoryEntry } from '../../shared/request-view.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { TestSyncClient, until } from '../testing/sync-client.js';
import { PhotoFiles } from './photo-files.js';
import { JPEG } from './testing/photos.js';

/**
 * A photo's room writes follow its commit: a crash between them leaves the photo in SQL and
 * on disk but not in the rooms. At start-up the records show it again, with the history.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-requests-photo-reconcile-'));
let running: TestServer | null = null;
afterAll(async () => {
  await running?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
const start = () => startTestServer({ DATA_DIR: dataDir }).then((r) => (running = r));

it('shows a stored photo and the history again at start-up', async () => {
  let server = await start();
  const resident = await server.login('vecino6');
  const operator = await server.login('operador1');
  await server.close();

  const at = new Date(Date.now() - 5 * 60_000).toISOString();
  const r: RequestRow = {
    id: randomUUID(),
    source: 'resident',
    reporterId: resident.user.id,
    unitId: null,
    category: 'weeds',
    description: 'yuyos altos en la plaza',
    location: null,
    areaId: resident.user.areaId,
    createdAt: at,
    receivedAt: at,
    status: 'open',
    statusAt: at,
    reply: '',
    cancelledAt: null,
  };
  // Filed, receipted and in ops as SQL has it: only the photo is missing from the rooms.
  const record = () =>
    new Y.Map<unknown>(
      Object.entries({
        id: r.id,
        category: r.category,
        description: r.description,
        location: null,
        createdAt: at,
        receivedAt: at,
        status: 'open',
        statusAt: at,
      }),
    );
  const phone = new Y.Doc();
  phone.getMap('requests').set(r.id, record());
  const ops = new Y.Doc();
  ops.getMap('requests').set(r.id, record());
  const storage = openSqlite(dataDir, { checkpointEveryMs: null });
  new PhotoFiles(dataDir).write(r.id, JPEG);
  storage.transaction(() => {
    storage.rooms.append(userRoom(resident.user.id), Y.encodeStateAsUpdate(phone));
    storage.rooms.append(OPS_ROOM, Y.encodeStateAsUpdate(ops));
    storage.requests.insert(r);
    storage.requests.addPhoto({
      requestId: r.id,
      type: 'image/jpeg',
      width: 8,
      height: 6,
      bytes: JPEG.length,
      sha256: 'x',
      uploadedAt: at,
      uploadedBy: resident.user.id,
      publishedAt: null,
      publishedBy: null,
    });
  });
  await storage.close();

  server = await start();
  const mine = new TestSyncClient(server.url, userRoom(resident.user.id), resident.token);
  const desk = new TestSyncClient(server.url, OPS_ROOM, operator.token);
  await until(() => mine.synced && desk.synced);
  const get = (c: TestSyncClient, key: string) =>
    (c.map('requests').get(r.id) as Y.Map<unknown>).get(key);
  expect(get(mine, 'photo')).toEqual({ at, width: 8, height: 6 });
  expect(get(desk, 'photo')).toEqual({ at, width: 8, height: 6 });
  expect((get(desk, 'history') as RequestHistoryEntry[]).map((h) => h.kind)).toEqual([
    'filed',
    'photo',
  ]);
  mine.close();
  desk.close();
});
