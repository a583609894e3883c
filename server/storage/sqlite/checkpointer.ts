import { Worker } from 'node:worker_threads';

const THREAD_URL = new URL('./checkpoint-thread.mjs', import.meta.url);

/**
 * Every checkpoint ends with an fsync of the database file, on the disk where the commits
 * fdatasync the log: a few larger ones rather than one a second. In 10 s a burst's outbox
 * adds a few MB to the log.
 */
export const CHECKPOINT_EVERY_MS = 10_000;

export interface CheckpointResult {
  /** frames in the log */
  log: number;
  /** frames copied into the database file */
  checkpointed: number;
}

/**
 * Checkpoints the database's WAL on a thread of its own. SQLite's automatic checkpoint runs
 * inside the commit that crosses 1,000 pages, on the event loop: with the outbox of a burst
 * that commit copied thousands of scattered pages and fsynced the database file (commit p99
 * 16.2 ms against 3.7 ms without, micro-benchmark), holding up every operator screen and
 * siren behind it. The main connection turns the automatic checkpoint off
 * (`wal_autocheckpoint = 0`) only while this thread runs; if the thread dies, `failed` turns
 * it back on, so the log never grows without bound.
 */
/** On close, a thread that has not exited by then (stuck in a checkpoint) is terminated. */
const EXIT_GRACE_MS = 5000;

export class Checkpointer {
  private readonly worker: Worker;
  private closed = false;
  /** resolves when the thread has exited, for whatever reason */
  private readonly exited: Promise<void>;

  constructor(
    file: string,
    everyMs: number,
    private readonly on: {
      checkpoint?: (r: CheckpointResult) => void;
      failed: (error: string) => void;
    },
  ) {
    this.worker = new Worker(THREAD_URL, { workerData: { file, everyMs } });
    // Never what keeps a process (a CLI, a test) alive.
    this.worker.unref();
    this.worker.on('message', (m: CheckpointResult | { error: string }) => {
      if ('error' in m) this.on.failed(m.error);
      else this.on.checkpoint?.(m);
    });
    this.worker.on('error', (error) => this.on.failed(String(error)));
    this.exited = new Promise((resolve) =>
      this.worker.on('exit', (code) => {
        if (!this.closed) this.on.failed(`checkpoint thread exited with ${code}`);
        resolve();
      }),
    );
  }

  /**
   * Resolves once the thread has exited. Until then it may still open the database file:
   * a caller that deletes the data folder right after close (a test's cleanup) saw `sac.db`
   * re-created in it, 20 times in 20.
   */
  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.worker.postMessage('close');
      const stuck = setTimeout(() => void this.worker.terminate(), EXIT_GRACE_MS);
      stuck.unref();
      void this.exited.then(() => clearTimeout(stuck));
    }
    return this.exited;
  }
}
