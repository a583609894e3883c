import { Worker } from 'node:worker_threads';
import type { DatasetCity } from './dataset.js';
import type { Analysis, AnalysisJob, AnalysisResults } from './jobs.js';

const THREAD_URL = new URL('./analysis-thread.mjs', import.meta.url);
/** A job taking longer than this has gone wrong (the budget is 3 s for the largest). */
const JOB_TIMEOUT_MS = 60_000;
/**
 * The thread ends once it has had no job for this long: it holds an isolate and the data it
 * read, and analysts come now and then; the service's cache answers what they asked again,
 * and the next new question starts a thread (its start is not counted in the budget).
 */
const IDLE_MS = 5 * 60_000;

interface Pending {
  resolve: (r: unknown) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/** Runs an analysis job somewhere; the service does not care where. */
export interface AnalysisRunner {
  run<A extends Analysis>(job: AnalysisJob<A>): Promise<AnalysisResults[A]>;
  close(): Promise<void>;
}

/**
 * The analyses on a thread of their own, started at the first request (most server starts
 * never need it) and ended when idle (IDLE_MS). Jobs queue on the thread one after another; a
 * thread that dies fails what it held and the next job starts a new one.
 */
export class AnalysisThread implements AnalysisRunner {
  private worker: Worker | null = null;
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;
  private idleTimer: NodeJS.Timeout | null = null;
  /** How the last thread ended: 0 when it left on its own, 1 when it had to be terminated. */
  lastExitCode: number | null = null;

  constructor(
    private readonly file: string,
    private readonly city: DatasetCity,
    private readonly idleMs = IDLE_MS,
  ) {}

  /** Whether a thread is running now. */
  get running(): boolean {
    return this.worker !== null;
  }

  run<A extends Analysis>(job: AnalysisJob<A>): Promise<AnalysisResults[A]> {
    if (this.closed) return Promise.reject(new Error('observatory closed'));
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const worker = this.start();
    const id = this.next++;
    return new Promise<AnalysisResults[A]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`observatory job ${job.analysis} timed out`));
        // A stuck thread would hold every later job: start over.
        void this.stop();
      }, JOB_TIMEOUT_MS);
      this.pending.set(id, { resolve: (r) => resolve(r as AnalysisResults[A]), reject, timer });
      worker.postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(THREAD_URL, { workerData: { file: this.file, city: this.city } });
    // Never what keeps a process (a CLI, a test) alive.
    worker.unref();
    worker.on('message', (m: 'ready' | { id: number; result?: unknown; error?: string }) => {
      if (m === 'ready') return;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result);
      if (this.pending.size === 0) this.endWhenIdle();
    });
    const fail = (why: string) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, p] of this.pending) {
        clearTimeout(p.timer);
        p.reject(new Error(why));
        this.pending.delete(id);
      }
    };
    worker.on('error', (e) => fail(String(e)));
    worker.on('exit', (code) => fail(`observatory thread exited with ${code}`));
    this.worker = worker;
    return worker;
  }

  private endWhenIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.pending.size === 0) void this.stop();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private async stop(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const exited = new Promise<void>((resolve) =>
      worker.once('exit', (code) => {
        this.lastExitCode = code;
        resolve();
      }),
    );
    worker.postMessage('close');
    const stuck = setTimeout(() => void worker.terminate(), 2000);
    stuck.unref();
    await exited;
    clearTimeout(stuck);
  }
}
