import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { TestSyncClient, until } from '../testing/sync-client.js';
import { CloseCode } from '../../sync/protocol.js';
import { userRoom } from '../../sync/rooms.js';
import { SERVER } from './origin.js';

/**
 * The server's own writes (receipts, projections) reach no socket before they are durable:
 * a phone that held a `receivedAt` the server then lost would resend it after a restart and
 * be refused (a resident may not write it). A client's update is still relayed at once.
 */

let server: TestServer;
let resident: { token: string; user: { id: string } };

beforeAll(async () => {
  server = await startTestServer();
  resident = await server.login('vecino4');
});
afterAll(() => server.close());

const probe = (c: TestSyncClient) => c.map('probe').get('server');

describe('a server write', () => {
  it('reaches the room after its commit, and never when the commit fails', async () => {
    const name = userRoom(resident.user.id);
    const reader = new TestSyncClient(server.url, name, resident.token);
    await until(() => reader.synced);
    const room = server.services.sync.room(name);

    room.doc.transact(() => room.doc.getMap('probe').set('server', 'kept'), SERVER);
    let durable = false;
    room.whenDurable(() => (durable = true));
    expect(durable).toBe(false);
    await server.services.sync.whenStored();
    expect(durable).toBe(true);
    await until(() => probe(reader) === 'kept');

    // The next commit fails (a full disk): its server write must never leave the process.
    const storage = server.services.storage;
    const commit = storage.transactionSyncedLater.bind(storage);
    storage.transactionSyncedLater = () => {
      storage.transactionSyncedLater = commit;
      throw new Error('disk full');
    };
    room.doc.transact(() => room.doc.getMap('probe').set('server', 'lost'), SERVER);
    // The room reloads from its log; its clients are told to reconnect and resync.
    expect(await reader.closed).toBe(CloseCode.goingAway);
    expect(probe(reader)).toBe('kept');

    const again = new TestSyncClient(server.url, name, resident.token);
    await until(() => again.synced);
    expect(probe(again)).toBe('kept');
    again.close();
  });

  it('is not in the whole state sent to a client that connects while it is held', async () => {
    const name = userRoom(resident.user.id);
    const room = server.services.sync.room(name);
    const client = new TestSyncClient(server.url, name, resident.token);
    await client.opened;
    // Held from here to its commit; the client's sync step 1 is answered after it.
    room.doc.transact(() => room.doc.getMap('probe').set('held', 'yes'), SERVER);
    let sent: Uint8Array | null = null;
    room.whenDurable(() => (sent = Y.encodeStateAsUpdate(room.doc)));
    expect(sent).toBeNull();
    await until(() => client.synced && client.map('probe').get('held') === 'yes');
    expect(sent).not.toBeNull();
    client.close();
  });

  it('is stored in the commit of the job that wrote it, with the job’s rows', async () => {
    const { sync, storage } = server.services;
    const name = userRoom(resident.user.id);
    const room = sync.room(name);
    const logged = () => storage.rooms.load(name).updates.length;
    const before = logged();
    // As the alert projection does: rows and the room writes that show them in one job.
    sync.committer.job(() =>
      room.doc.transact(() => room.doc.getMap('probe').set('job', 'same commit'), SERVER),
    );
    sync.committer.flush();
    expect(logged()).toBe(before + 1);
    // Committed, not yet durable: the room still counts it until the log's sync.
    expect(room.uncommitted).toBe(1);
    await sync.committer.settled();
    expect(room.uncommitted).toBe(0);
  });
});
