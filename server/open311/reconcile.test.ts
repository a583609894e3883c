import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { OPS_ROOM } from '../../sync/rooms.js';
import { issueApiKey } from '../integrations/keys.js';
import { startTestServer, type TestServer } from '../testing/harness.js';

/**
 * A crash between an Open311 request's commit and its copy into `ops` (built by hand: the row
 * is stored, the room never written): at start-up the request is in the operators' queue.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-open311-reconcile-'));
let running: TestServer | null = null;
afterAll(async () => {
  await running?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('shows a stored Open311 request in ops again after a crash', async () => {
  running = await startTestServer({ DATA_DIR: dataDir });
  const { storage } = running.services;
  const admin = storage.users.byUsername('admin')!;
  const { client } = issueApiKey(storage, {
    name: 'Mesa de ayuda 147',
    scopes: ['open311'],
    by: admin.id,
  });
  const id = randomUUID();
  const at = new Date().toISOString();
  storage.open311.file(
    {
      id,
      source: 'open311',
      reporterId: null,
      clientId: client.id,
      unitId: null,
      category: 'debris',
      description: 'escombros en la vereda',
      location: { lat: -32.9275, lng: -68.845, accuracy: 0 },
      areaId: running.services.city.areas[0]!.properties.id,
      createdAt: at,
      receivedAt: at,
      status: 'open',
      statusAt: at,
      reply: '',
      cancelledAt: null,
    },
    { firstName: 'Rosa', lastName: '', email: '', phone: '' },
  );
  await running.close();

  running = await startTestServer({ DATA_DIR: dataDir });
  const record = running.services.sync.room(OPS_ROOM).doc.getMap('requests').get(id);
  expect(record).toBeInstanceOf(Y.Map);
  expect((record as Y.Map<unknown>).toJSON()).toMatchObject({
    source: 'open311',
    reporterName: 'Mesa de ayuda 147',
    clientId: client.id,
    contact: { firstName: 'Rosa' },
    history: [expect.objectContaining({ kind: 'filed', name: 'Mesa de ayuda 147' })],
  });
});
