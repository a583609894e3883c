import fs from 'node:fs';
import path from 'node:path';

/** Makes a file's written data durable; the default is fsync(2) on libuv's threadpool. */
export type SyncFile = (fd: number) => Promise<void>;

const fsyncOffLoop: SyncFile = (fd) =>
  new Promise((resolve, reject) => fs.fsync(fd, (error) => (error ? reject(error) : resolve())));

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * The sync that `synchronous=FULL` makes at the end of every commit, made instead off the
 * event loop. In WAL mode FULL is NORMAL plus one sync of the log file after each commit
 * (sqlite.org/pragma.html#pragma_synchronous; with power-safe overwrite, this build's default,
 * there is no padding either: an strace shows the same writes and one `fsync` of the `-wal`
 * file more). A commit made under NORMAL is in the log (and in the page cache) when COMMIT
 * returns; it is durable once the log file is synced, and on Linux fsync flushes the file,
 * whichever descriptor names it. So the group commit runs under NORMAL and waits here.
 *
 * One sync at a time: a commit made while one runs waits for the next, which covers every
 * commit before it (a group of groups). Waiters are told in commit order. A failed sync is
 * final: the kernel may have dropped the pages it could not write and a later fsync can
 * succeed without them, so every later wait fails too and nothing more is confirmed.
 */
export class WalSync {
  private fd: number;
  private running: Promise<void> | null = null;
  private waiting: Waiter[] = [];
  private failure: Error | null = null;

  constructor(
    private readonly walPath: string,
    private readonly syncFile: SyncFile = fsyncOffLoop,
    private readonly onFailed: (error: string) => void = () => {},
  ) {
    this.fd = this.open();
  }

  /** Resolves once everything committed before the call is on disk; rejects if it cannot be. */
  durable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.next();
    });
  }

  /** True while a sync runs or a commit waits for one. */
  get busy(): boolean {
    return this.running !== null || this.waiting.length > 0;
  }

  /** Resolves when no sync runs or waits (for close: the file must stay open until then). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  /**
   * A log file just created is durable only once its directory entry is: SQLite syncs the
   * directory at a new log's first sync, which under NORMAL would come only at a checkpoint.
   */
  private open(): number {
    const fd = fs.openSync(this.walPath, 'r');
    const dir = fs.openSync(path.dirname(this.walPath), 'r');
    try {
      fs.fsyncSync(dir);
    } finally {
      fs.closeSync(dir);
    }
    return fd;
  }

  private next(): void {
    if (this.running || !this.waiting.length) return;
    const batch = this.waiting;
    this.waiting = [];
    this.running = this.syncOnce()
      .then(
        () => batch.forEach((w) => w.resolve()),
        (error: unknown) => this.fail(error, batch),
      )
      .finally(() => {
        this.running = null;
        this.next();
      });
  }

  private async syncOnce(): Promise<void> {
    // SQLite deletes the log only when its last connection closes, and ours stays open until
    // `idle`; a log unlinked anyway (by hand) must not leave us syncing a file nobody reads.
    if (fs.fstatSync(this.fd).nlink === 0) {
      fs.closeSync(this.fd);
      this.fd = this.open();
    }
    await this.syncFile(this.fd);
  }

  private fail(error: unknown, batch: Waiter[]): void {
    const first = !this.failure;
    this.failure ??= error instanceof Error ? error : new Error(String(error));
    const waiting = [...batch, ...this.waiting];
    this.waiting = [];
    for (const w of waiting) w.reject(this.failure);
    if (first) this.onFailed(String(error));
  }
}
