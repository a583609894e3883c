import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from './index.js';
import { WalSync } from './wal-sync.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-wal-sync-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A sync the test completes or fails by hand, recording which file each one was asked for. */
function heldSyncs() {
  const calls: { ino: number; done: () => void; fail: (e: Error) => void }[] = [];
  const syncFile = (fd: number) =>
    new Promise<void>((done, fail) => calls.push({ ino: fs.fstatSync(fd).ino, done, fail }));
  return { calls, syncFile };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('the log sync off the event loop', () => {
  it('runs one sync at a time, and tells each commit in order once a sync after it is done', async () => {
    const file = path.join(dir, 'order-wal');
    fs.writeFileSync(file, 'x');
    const { calls, syncFile } = heldSyncs();
    const wal = new WalSync(file, syncFile);
    const told: string[] = [];
    const a = wal.durable().then(() => told.push('a'));
    const b = wal.durable().then(() => told.push('b'));
    const c = wal.durable().then(() => told.push('c'));
    await tick();
    // a's sync runs; b and c, committed meanwhile, wait for the next one, which covers both.
    expect(calls.length).toBe(1);
    expect(told).toEqual([]);
    calls[0]!.done();
    await a;
    expect(told).toEqual(['a']);
    expect(calls.length).toBe(2);
    calls[1]!.done();
    await Promise.all([b, c]);
    expect(told).toEqual(['a', 'b', 'c']);
    expect(calls.length).toBe(2);
    await wal.idle();
    wal.close();
  });

  it('fails every commit from the first failed sync on, and says so once', async () => {
    const file = path.join(dir, 'fail-wal');
    fs.writeFileSync(file, 'x');
    const { calls, syncFile } = heldSyncs();
    const failures: string[] = [];
    const wal = new WalSync(file, syncFile, (e) => failures.push(e));
    const outcome = (p: Promise<void>) =>
      p.then(
        () => 'durable',
        (e: Error) => e.message,
      );
    const a = outcome(wal.durable());
    await tick();
    const b = outcome(wal.durable());
    calls[0]!.fail(new Error('EIO'));
    expect(await a).toBe('EIO');
    expect(await b).toBe('EIO');
    // A later fsync may succeed without the pages the kernel dropped: never asked again.
    expect(await outcome(wal.durable())).toBe('EIO');
    expect(calls.length).toBe(1);
    expect(failures).toEqual(['Error: EIO']);
    wal.close();
  });

  it('syncs the file that has the name now if the one it opened was removed', async () => {
    const file = path.join(dir, 'replaced-wal');
    fs.writeFileSync(file, 'old');
    const { calls, syncFile } = heldSyncs();
    const wal = new WalSync(file, syncFile);
    fs.rmSync(file);
    fs.writeFileSync(file, 'new');
    const done = wal.durable();
    await tick();
    expect(calls[0]!.ino).toBe(fs.statSync(file).ino);
    calls[0]!.done();
    await done;
    wal.close();
  });

  it('leaves a group commit in the log at once, and the other transactions durable on return', async () => {
    const { calls, syncFile } = heldSyncs();
    const folder = fs.mkdtempSync(path.join(dir, 'db-'));
    const storage = openSqlite(folder, { checkpointEveryMs: null, syncFile });
    const { durable } = storage.transactionSyncedLater(() =>
      storage.rooms.append('user:a', new Uint8Array([1])),
    );
    let synced = false;
    void durable.then(() => (synced = true));
    // Committed: readable at once, told durable only once the log's sync is done.
    expect(storage.rooms.load('user:a').updates.length).toBe(1);
    await tick();
    expect(synced).toBe(false);
    expect(calls.length).toBe(1);
    // What acts on a read (the outbox) waits for it.
    const unsynced = storage.unsynced();
    expect(unsynced).not.toBeNull();
    // Not inside another transaction: its sync mode cannot change there.
    expect(() =>
      storage.transaction(() => storage.transactionSyncedLater(() => undefined)),
    ).toThrow();
    // Every other transaction is synced by SQLite itself (FULL) before it returns.
    storage.transaction(() => storage.rooms.append('user:b', new Uint8Array([2])));
    expect(calls.length).toBe(1);
    const closed = storage.close();
    calls[0]!.done();
    await closed;
    await unsynced;
    expect(synced).toBe(true);
    expect(storage.unsynced()).toBeNull();
  });

  it('syncs inside COMMIT instead when told to (SQLITE_COMMIT_SYNC=inline)', async () => {
    const { calls, syncFile } = heldSyncs();
    const folder = fs.mkdtempSync(path.join(dir, 'inline-'));
    const storage = openSqlite(folder, { checkpointEveryMs: null, syncFile, syncOffLoop: false });
    const { durable } = storage.transactionSyncedLater(() =>
      storage.rooms.append('user:a', new Uint8Array([1])),
    );
    await durable;
    expect(calls.length).toBe(0);
    expect(storage.unsynced()).toBeNull();
    await storage.close();
  });
});
