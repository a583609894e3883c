import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SyncedRoom } from './room.js';
import { raiseAlert } from './alerts.js';
import { FakeServer } from './testing/fake-link.js';
import { RECEIPT_FLOOR_MS } from './watchdog.js';

/**
 * As the app opens, a room's socket is still in its handshake: an alert raised then goes over
 * HTTP at once rather than after the handshake, and the resident's own room connects before
 * the neighbourhood's (a browser connects one socket per host at a time).
 */
describe('a room that is still connecting', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    const register = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { serviceWorker: { ready: Promise.resolve({ sync: { register } }) } });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('posts an alert raised before its socket opens at once, and it arrives once', async () => {
    const server = new FakeServer();
    const room = new SyncedRoom('user:u1', server.io());
    await room.open();
    expect(room.status).toBe('connecting');
    const id = await raiseAlert(room, 'general', null, '');
    // Well before any receipt deadline: the post has gone and its reply is the receipt.
    await vi.advanceTimersByTimeAsync(RECEIPT_FLOOR_MS / 4);
    expect(server.posts.map((p) => p.room)).toEqual(['user:u1']);
    expect(room.pending).toBe(false);
    // The socket opens later and syncs: nothing is posted again, the alert is there once.
    server.accept();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(server.posts).toHaveLength(1);
    expect(server.sockets).toHaveLength(1);
    expect([...server.doc.getMap('alerts').keys()]).toEqual([id]);
    room.destroy();
  });

  it('sends an alert raised on an open socket over the socket only', async () => {
    const server = new FakeServer();
    const room = new SyncedRoom('user:u1', server.io());
    await room.open();
    server.accept();
    await vi.advanceTimersByTimeAsync(500);
    await raiseAlert(room, 'general', null, '');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(room.pending).toBe(false);
    expect(server.posts).toHaveLength(0);
    room.destroy();
  });

  it('leaves a socket in its handshake to finish past one deadline, posting meanwhile', async () => {
    const server = new FakeServer();
    server.httpStalled = true;
    const room = new SyncedRoom('user:u1', server.io());
    await room.open();
    await raiseAlert(room, 'general', null, '');
    await vi.advanceTimersByTimeAsync(RECEIPT_FLOOR_MS + 100);
    // One deadline: a fresh socket would start its handshake over; the post goes again.
    expect(server.sockets).toHaveLength(1);
    expect(server.sockets[0]!.closedByPhone).toBe(false);
    expect(server.posts).toHaveLength(2);
    // Two deadlines connecting: that connect is stuck, a fresh one replaces it.
    await vi.advanceTimersByTimeAsync(RECEIPT_FLOOR_MS);
    expect(server.sockets).toHaveLength(2);
    expect(server.sockets[0]!.closedByPhone).toBe(true);
    room.destroy();
  });

  it('connects a room told to wait only once the first room’s socket has opened', async () => {
    const server = new FakeServer();
    const own = new SyncedRoom('user:u1', server.io());
    const area = new SyncedRoom('area:a1', server.io());
    await own.open();
    await area.open(own.openedWithin(5_000));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.sockets.map((s) => s.url)).toEqual([expect.stringMatching(/user:u1$/)]);
    server.accept(server.sockets[0]);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.sockets.map((s) => s.url)).toEqual([
      expect.stringMatching(/user:u1$/),
      expect.stringMatching(/area:a1$/),
    ]);
    own.destroy();
    area.destroy();
  });

  it('does not let a first room whose connect hangs hold the other back past the deadline', async () => {
    const server = new FakeServer();
    const own = new SyncedRoom('user:u1', server.io());
    const area = new SyncedRoom('area:a1', server.io());
    await own.open();
    await area.open(own.openedWithin(5_000));
    await vi.advanceTimersByTimeAsync(4_900);
    expect(server.sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(server.sockets.map((s) => s.url)).toEqual([
      expect.stringMatching(/user:u1$/),
      expect.stringMatching(/area:a1$/),
    ]);
    own.destroy();
    area.destroy();
  });
});
