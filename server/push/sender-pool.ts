import { Worker } from 'node:worker_threads';
import type { Logger } from '../log.js';
import { httpsOrigin } from './allow-list.js';
import { VapidTokens, type VapidKeys } from './vapid.js';
import {
  outcome,
  type PushTransport,
  type SendOptions,
  type SendOutcome,
  type Subscription,
} from './web-push-sender.js';

export interface SenderPoolOptions {
  /** worker threads at most; at least 1 */
  threads: number;
  /** A certificate to trust besides the system's: the tests' local push service. */
  ca?: string;
  timeoutMs?: number;
  /** a thread with nothing in flight for this long ends (IDLE_MS); tests shorten it */
  idleMs?: number;
}

/** What sender-thread.mjs answers for a job. */
type Reply = { id: number } & (
  { status: number; retryAfter?: string } | { error: 'keys' | 'network' }
);

interface Thread {
  worker: Worker;
  pending: Map<number, (o: SendOutcome) => void>;
  /** performance.now() when its last job was answered, or when it started */
  idleSince: number;
}

const THREAD_URL = new URL('./sender-thread.mjs', import.meta.url);
/**
 * Each thread is an isolate of its own with web-push loaded, ~12 MB of the server's memory
 * (bench), and a city sends pushes only around its alerts: a thread starts with the first job
 * that finds every running thread busy, and ends once it has had nothing to do this long.
 * Starting one delays the first push of an alert by the thread's start (~80 ms here, web-push
 * loaded, to the first reply).
 */
const IDLE_MS = 60_000;
/** Jobs in flight on every running thread before another is started (up to `threads`). */
const BUSY_JOBS = 16;
/** After a thread failed, the next one starts no sooner than this. */
const RESTART_AFTER_ERROR_MS = 1000;

/**
 * Sends Web Push on worker threads (DESIGN §6). RFC 8291 encryption costs about half a
 * millisecond of CPU per message; on the main thread a neighbourhood's pushes competed with
 * the sync sockets and the siren hub. Each job goes to the thread with the fewest in flight;
 * threads start when there is work and end when there is none (IDLE_MS).
 *
 * The VAPID token is signed here, once per push-service origin until it nears expiry
 * (vapid.ts), so the private key stays on this thread; the threads get the header.
 */
export class SenderPool implements PushTransport {
  private readonly tokens: VapidTokens;
  private readonly threads: Thread[] = [];
  private next = 1;
  private closing = false;
  private readonly idleMs: number;
  private readonly idleSweep: NodeJS.Timeout;
  /** after a thread failed: no new thread before this (performance.now()) */
  private notBefore = 0;

  constructor(
    keys: VapidKeys,
    private readonly log: Logger,
    private readonly options: SenderPoolOptions,
  ) {
    this.tokens = new VapidTokens(keys);
    this.idleMs = options.idleMs ?? IDLE_MS;
    this.idleSweep = setInterval(() => this.endIdle(), Math.max(10, this.idleMs / 4));
    this.idleSweep.unref();
  }

  get tokensSigned(): number {
    return this.tokens.signed;
  }

  /** Threads running now. */
  get size(): number {
    return this.threads.length;
  }

  send(sub: Subscription, payload: string, options: SendOptions): Promise<SendOutcome> {
    const origin = httpsOrigin(sub.endpoint);
    if (!origin || this.closing) return Promise.resolve({ kind: 'failed', status: 0 });
    const chosen = this.pick();
    if (!chosen) return Promise.resolve({ kind: 'retry', status: null, afterMs: null });
    const id = this.next++;
    return new Promise((resolve) => {
      chosen.pending.set(id, resolve);
      chosen.worker.postMessage({
        id,
        endpoint: sub.endpoint,
        p256dh: sub.p256dh,
        auth: sub.auth,
        payload,
        ttl: options.ttl,
        urgency: options.urgency,
        topic: options.topic ?? null,
        authorization: this.tokens.authorization(origin),
      });
    });
  }

  /** Lets each thread close its sockets and end; what is in flight is retried from the outbox. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.idleSweep);
    await Promise.all([...this.threads].map((t) => this.end(t)));
  }

  /**
   * The least busy thread, or a new one when every thread is busy and the pool has room.
   * After a thread died of an error the next starts only a second later, so a thread that
   * cannot start does not spin; meanwhile the job is retried from the outbox.
   */
  private pick(): Thread | null {
    let thread: Thread | null = null;
    for (const t of this.threads) if (!thread || t.pending.size < thread.pending.size) thread = t;
    const room = this.threads.length < Math.max(1, this.options.threads);
    if (
      (!thread || thread.pending.size >= BUSY_JOBS) &&
      room &&
      performance.now() >= this.notBefore
    )
      thread = this.spawn();
    return thread;
  }

  /** Ends the threads that have had nothing in flight for `idleMs`. */
  private endIdle(): void {
    const now = performance.now();
    for (const t of [...this.threads])
      if (t.pending.size === 0 && now - t.idleSince >= this.idleMs) void this.end(t);
  }

  private async end(t: Thread): Promise<void> {
    this.drop(t);
    const exited = new Promise((r) => t.worker.once('exit', r));
    t.worker.postMessage('close');
    const timer = setTimeout(() => void t.worker.terminate(), 2000);
    await exited;
    clearTimeout(timer);
  }

  /** Takes a thread out of the pool: no new job goes to it. */
  private drop(t: Thread): void {
    const i = this.threads.indexOf(t);
    if (i >= 0) this.threads.splice(i, 1);
  }

  private spawn(): Thread {
    const worker = new Worker(THREAD_URL, {
      workerData: { ca: this.options.ca ?? null, timeoutMs: this.options.timeoutMs ?? 15_000 },
    });
    const thread: Thread = { worker, pending: new Map(), idleSince: performance.now() };
    worker.on('message', (reply: Reply) => {
      const resolve = thread.pending.get(reply.id);
      thread.pending.delete(reply.id);
      if (thread.pending.size === 0) thread.idleSince = performance.now();
      resolve?.(toOutcome(reply));
    });
    worker.on('error', (error) => {
      this.notBefore = performance.now() + RESTART_AFTER_ERROR_MS;
      this.log.error('push sender thread failed', { error: String(error) });
    });
    worker.on('exit', () => {
      // Ended by the pool (idle, shutdown) or by an error: either way no job goes to it, and
      // the next job starts a thread if none is left. Rows in flight stay in the outbox; a
      // retry sends them again.
      this.drop(thread);
      for (const resolve of thread.pending.values())
        resolve({ kind: 'retry', status: null, afterMs: null });
      thread.pending.clear();
    });
    // The pool never keeps the process alive by itself; close() ends the threads.
    worker.unref();
    this.threads.push(thread);
    return thread;
  }
}

function toOutcome(reply: Reply): SendOutcome {
  if ('error' in reply) {
    return reply.error === 'keys'
      ? { kind: 'gone', status: 0 }
      : { kind: 'retry', status: null, afterMs: null };
  }
  return outcome(reply.status, reply.retryAfter);
}
