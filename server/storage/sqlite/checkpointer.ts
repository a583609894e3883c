import { Worker } from 'node:worker_threads';

const THREAD_URL = new URL('./checkpoint-thread.mjs', import.meta.url);

export interface CheckpointResult {
  /** frames in the log */
  log: number;
  /** frames copied into the database file */
  checkpointed: number;
}

/**
 * Checkpoints the database's WAL on a thread of its own. SQLite's automatic checkpoint runs
 * inside the commit that crosses 1,000 pages, on the event loop: with the outbox of a burst
 * that commit copied thousands of scattered pages and fsynced the database file (16–20 ms
 * at p99 in a micro-benchmark, ~70 ms stalls in the bench's alert burst), holding up every
 * operator screen and siren behind it. The main connection turns the automatic checkpoint
 * off (`wal_autocheckpoint = 0`) only while this thread runs; if the thread dies, `onFailed`
 * turns it back on, so the log never grows without bound.
 */
export class Checkpointer {
  private readonly worker: Worker;
  private closed = false;

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
    this.worker.on('exit', (code) => {
      if (!this.closed) this.on.failed(`checkpoint thread exited with ${code}`);
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.worker.postMessage('close');
  }
}
