import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { SyncedRoom } from './room.js';
import { CloseCode } from '../../sync/protocol.js';
import { raiseAlert } from './alerts.js';
import { FakeServer, emptyPhone, storedMessage, updateMessage } from './testing/fake-link.js';
import { RECEIPT_CAP_MS, RECEIPT_FLOOR_MS, ReceiptWatchdog } from './watchdog.js';

const ROOM = 'user:u1';

/** A resident's room over a fake link, opened and synced once (one round trip of 200 ms). */
async function openRoom(server: FakeServer): Promise<SyncedRoom> {
  const room = new SyncedRoom(ROOM, server.io());
  await room.open();
  server.accept();
  await vi.advanceTimersByTimeAsync(500);
  expect(room.synced).toBe(true);
  return room;
}

const alertsOnServer = (server: FakeServer) => [...server.doc.getMap('alerts').keys()];

describe('the receipt watchdog', () => {
  let register: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    vi.useFakeTimers();
    register = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { serviceWorker: { ready: Promise.resolve({ sync: { register } }) } });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('does nothing when the receipt comes in time', async () => {
    const server = new FakeServer();
    const room = await openRoom(server);
    const id = await raiseAlert(room, 'general', null, '');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(room.pending).toBe(false);
    expect(server.sockets).toHaveLength(1);
    expect(server.posts).toHaveLength(0);
    expect(alertsOnServer(server)).toEqual([id]);
    room.destroy();
  });

  it('takes a late receipt for a dead socket: reconnects and posts over HTTP, once', async () => {
    const server = new FakeServer();
    const room = await openRoom(server);
    server.blackholed = true;
    const id = await raiseAlert(room, 'general', null, '');
    await vi.advanceTimersByTimeAsync(RECEIPT_FLOOR_MS - 100);
    expect(server.sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    // A fresh socket at once (the provider's own back-off would wait), and the HTTP post.
    expect(server.sockets).toHaveLength(2);
    expect(server.sockets[0]!.closedByPhone).toBe(true);
    expect(server.posts).toHaveLength(1);
    expect(server.posts[0]!.room).toBe(ROOM);
    await vi.advanceTimersByTimeAsync(30_000);
    // The post's reply is the receipt: nothing more is sent, by either path.
    expect(room.pending).toBe(false);
    expect(server.posts).toHaveLength(1);
    expect(server.sockets).toHaveLength(2);
    expect(alertsOnServer(server)).toEqual([id]);
    room.destroy();
  });

  it('does not take keep-alives for a receipt', async () => {
    const server = new FakeServer();
    const room = await openRoom(server);
    server.blackholed = true;
    server.httpStalled = true;
    await raiseAlert(room, 'medical', null, '');
    const first = server.latest;
    for (let i = 0; i < 4; i++) {
      server.keepAlive(first);
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(room.pending).toBe(true);
    expect(first.closedByPhone).toBe(true);
    expect(server.sockets).toHaveLength(2);
    expect(server.posts).toHaveLength(1);
    room.destroy();
  });

  it('sends nothing more once a receipt follows the fallback; the post in flight is dropped', async () => {
    const server = new FakeServer();
    const room = await openRoom(server);
    server.blackholed = true;
    server.httpStalled = true;
    const id = await raiseAlert(room, 'fire', null, '');
    await vi.advanceTimersByTimeAsync(RECEIPT_FLOOR_MS + 100);
    expect(server.posts).toHaveLength(1);
    // The fresh socket gets through: sync, and the receipt.
    server.blackholed = false;
    server.accept();
    await vi.advanceTimersByTimeAsync(600);
    expect(room.pending).toBe(false);
    expect(server.posts[0]!.signal?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(server.posts).toHaveLength(1);
    expect(server.sockets).toHaveLength(2);
    expect(alertsOnServer(server)).toEqual([id]);
    room.destroy();
  });

  it('keeps trying every deadline while neither path answers, with a new post each time', async () => {
    const server = new FakeServer();
    const room = await openRoom(server);
    server.blackholed = true;
    server.httpStalled = true;
    await raiseAlert(room, 'general', null, '');
    await vi.advanceTimersByTimeAsync(3 * RECEIPT_FLOOR_MS + 100);
    // The dead socket is replaced at the first deadline; the fresh one, still in its handshake,
    // is given two deadlines before it is replaced in turn (a slow link's handshake takes long).
    expect(server.sockets).toHaveLength(3);
    expect(server.posts).toHaveLength(3);
    // Each post lives two deadlines: the first is given up for a fresh one.
    expect(server.posts.map((p) => p.signal?.aborted)).toEqual([true, false, false]);
    room.destroy();
  });

  it('waits on a write saved in an earlier session like one made now', async () => {
    const server = new FakeServer();
    const earlier = new Y.Doc();
    earlier.getMap('alerts').set('a1', new Y.Map<unknown>([['id', 'a1']]));
    const room = new SyncedRoom(ROOM, { ...server.io(), db: emptyPhone([Y.encodeStateAsUpdate(earlier)]) });
    await room.open();
    expect(room.pending).toBe(true);
    // The socket never opens (a stalled connect on a dead link): the post carries it.
    await vi.advanceTimersByTimeAsync(RECEIPT_FLOOR_MS + 500);
    expect(server.posts).toHaveLength(1);
    expect(room.pending).toBe(false);
    expect(alertsOnServer(server)).toEqual(['a1']);
    room.destroy();
  });

  it('does not reopen a socket the server closed for good', async () => {
    const server = new FakeServer();
    const room = await openRoom(server);
    server.latest.closeFromServer(CloseCode.tooManySockets);
    server.httpStalled = true;
    await raiseAlert(room, 'general', null, '');
    await vi.advanceTimersByTimeAsync(3 * RECEIPT_CAP_MS);
    expect(server.sockets).toHaveLength(1);
    // The post still goes: HTTP is not limited by the socket cap.
    expect(server.posts.length).toBeGreaterThanOrEqual(1);
    room.destroy();
  });

  it('asks for Background Sync on every alert, even with the socket open', async () => {
    const server = new FakeServer();
    const room = await openRoom(server);
    expect(room.status).toBe('online');
    await raiseAlert(room, 'general', null, '');
    await vi.advanceTimersByTimeAsync(0);
    expect(register).toHaveBeenCalledWith('sac-sync');
    room.destroy();
  });
});

describe('the receipt deadline', () => {
  const link = {
    pending: () => true,
    reconnect: () => undefined,
    connectingFor: () => null,
    post: () => Promise.resolve(),
  };
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('is three measured round trips, between the floor and the cap', () => {
    const w = new ReceiptWatchdog(link);
    expect(w.deadline).toBe(RECEIPT_FLOOR_MS);
    w.opened();
    vi.advanceTimersByTime(1_000);
    w.synced();
    expect(w.deadline).toBe(3_000);
    for (let i = 0; i < 40; i++) {
      w.opened();
      vi.advanceTimersByTime(4_000);
      w.synced();
    }
    expect(w.deadline).toBe(RECEIPT_CAP_MS);
    w.stop();
  });

  it('restarts from the socket opening, so a slow handshake is not cut short', () => {
    const reconnect = vi.fn();
    const w = new ReceiptWatchdog({ ...link, reconnect });
    w.wrote(false);
    vi.advanceTimersByTime(RECEIPT_FLOOR_MS - 500);
    w.opened();
    vi.advanceTimersByTime(RECEIPT_FLOOR_MS - 100);
    expect(reconnect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(reconnect).toHaveBeenCalledTimes(1);
    w.stop();
  });
});

describe('a receipt that covers only the server’s own writes', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('does not hold the watchdog off', async () => {
    const server = new FakeServer();
    const room = await openRoom(server);
    server.blackholed = true;
    server.httpStalled = true;
    room.doc.getMap('alerts').set('a', new Y.Map<unknown>([['id', 'a']]));
    // The server writes on its own (an older alert's status) and its receipt arrives first.
    server.doc.getMap('alerts').set('old', 'x');
    await vi.advanceTimersByTimeAsync(1_000);
    server.latest.receive(storedMessage(Y.encodeStateVector(server.doc)));
    server.latest.receive(updateMessage(Y.encodeStateAsUpdate(server.doc)));
    expect(room.doc.getMap('alerts').has('old')).toBe(true);
    await vi.advanceTimersByTimeAsync(RECEIPT_FLOOR_MS - 900);
    expect(server.sockets).toHaveLength(2);
    room.destroy();
  });
});
