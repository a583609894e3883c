import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestSyncClient, until } from '../testing/sync-client.js';
import { PushSink } from './testing/push-sink.js';
import { startPushTestServer, type PushTestServer } from './testing/server.js';
import { outboxKeys, raiseAlert, sleep } from './testing/alerts.js';
import { addMembers } from './testing/members.js';

let sink: PushSink;
let server: PushTestServer | null = null;

beforeAll(async () => {
  sink = await new PushSink().start();
});
afterAll(async () => {
  await server?.close();
  await sink.close();
});

const start = (dataDir: string | undefined, paused: boolean) =>
  startPushTestServer({
    ...(dataDir ? { dataDir } : {}),
    env: { PUSH_ENDPOINT_ALLOW: sink.origin },
    push: { ca: sink.ca, paused },
  });

describe('a crash between commit and send', () => {
  it('neither loses nor doubles the push', async () => {
    // 1. The sender is held: the alert and its outbox rows commit, nothing is sent.
    server = await start(undefined, true);
    const dataDir = server.dataDir;
    const op = await server.login('operador1');
    const sub = sink.subscribe('operator');
    const res = await server.request('/api/push/subscriptions', {
      method: 'POST',
      token: op.token,
      json: sub,
    });
    expect(res.status).toBe(201);
    const resident = await server.login('vecino5');
    const own = new TestSyncClient(server.url, `user:${resident.user.id}`, resident.token);
    await until(() => own.synced);
    const id = raiseAlert(own, 'medical', null);
    await until(() => outboxKeys(dataDir, id).length === 1);
    await until(() => own.allStored);
    own.close();
    await sleep(200);
    expect(sink.messages).toEqual([]);
    expect(outboxKeys(dataDir, id)).toEqual([
      { key: expect.stringMatching(/^push:/), done: false },
    ]);

    // 2. "Crash" and restart on the same data directory: the row is recovered and sent.
    await server.stop();
    server = await start(dataDir, false);
    await until(() => sink.for('operator').length === 1);
    await until(() => outboxKeys(dataDir, id).every((r) => r.done));

    // 3. Once done, never again: another restart sends nothing more.
    await server.stop();
    server = await start(dataDir, false);
    await sleep(1500);
    expect(sink.for('operator')).toHaveLength(1);
    expect((sink.messages[0]!.payload as { tag: string }).tag).toBe(id);
  });

  it('keeps a burst folded into one push: sent once after the crash, covering every alert', async () => {
    await server?.close();
    sink.messages.length = 0;
    server = await start(undefined, true);
    const dataDir = server.dataDir;
    const storage = server.services.storage;
    addMembers(storage, 'area-4', 1, 'neighbour', sink);
    const raisers = addMembers(storage, 'area-4', 3, 'raiser');
    const home = storage.users.byId(raisers[0]!.id)!.home!;
    const ids: string[] = [];
    for (const r of raisers) {
      const c = new TestSyncClient(server.url, `user:${r.id}`, r.token);
      await until(() => c.synced);
      ids.push(raiseAlert(c, 'general', home));
      await until(() => c.allStored);
      c.close();
    }
    // One row for the neighbour, written with the first alert; the others were folded in.
    const rows = ids
      .flatMap((id) => outboxKeys(dataDir, id))
      .filter((r) => r.key.startsWith('push:'));
    expect(rows).toEqual([
      { key: expect.stringMatching(`^push:${ids[0]}:received:`), done: false },
    ]);
    expect(sink.messages).toEqual([]);

    await server.stop();
    server = await start(dataDir, false);
    await until(() => sink.for('neighbour1').length === 1);
    const pushRows = () => outboxKeys(dataDir, ids[0]!).filter((r) => r.key.startsWith('push:'));
    await until(() => pushRows().every((r) => r.done));
    await server.stop();
    server = await start(dataDir, false);
    await sleep(1500);
    const got = sink.for('neighbour1');
    expect(got).toHaveLength(1);
    expect(got[0]!.payload).toMatchObject({
      tag: ids[2],
      title: expect.stringMatching(/^3 alertas/),
    });
  });
});
