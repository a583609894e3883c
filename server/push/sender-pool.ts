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
  /** worker threads; at least 1 */
  threads: number;
  /** A certificate to trust besides the system's: the tests' local push service. */
  ca?: string;
  timeoutMs?: number;
}

/** What sender-thread.mjs answers for a job. */
type Reply = { id: number } & (
  { status: number; retryAfter?: string } | { error: 'keys' | 'network' }
);

interface Thread {
  worker: Worker;
  alive: boolean;
  pending: Map<number, (o: SendOutcome) => void>;
}

const THREAD_URL = new URL('./sender-thread.mjs', import.meta.url);
const RESPAWN_MS = 1000;

/**
 * Sends Web Push on worker threads (DESIGN §6). RFC 8291 encryption costs about half a
 * millisecond of CPU per message; on the main thread a neighbourhood's pushes competed with
 * the sync sockets and the siren hub. Each job goes to the thread with the fewest in flight.
 *
 * The VAPID token is signed here, once per push-service origin until it nears expiry
 * (vapid.ts), so the private key stays on this thread; the threads get the header.
 */
export class SenderPool implements PushTransport {
  private readonly tokens: VapidTokens;
  private readonly threads: Thread[] = [];
  private next = 1;
  private closing = false;

  constructor(
    keys: VapidKeys,
    private readonly log: Logger,
    private readonly options: SenderPoolOptions,
  ) {
    this.tokens = new VapidTokens(keys);
    for (let i = 0; i < Math.max(1, options.threads); i++) this.threads.push(this.spawn());
  }

  get tokensSigned(): number {
    return this.tokens.signed;
  }

  get size(): number {
    return this.threads.length;
  }

  send(sub: Subscription, payload: string, options: SendOptions): Promise<SendOutcome> {
    const origin = httpsOrigin(sub.endpoint);
    if (!origin || this.closing) return Promise.resolve({ kind: 'failed', status: 0 });
    let thread: Thread | null = null;
    for (const t of this.threads)
      if (t.alive && (!thread || t.pending.size < thread.pending.size)) thread = t;
    if (!thread) return Promise.resolve({ kind: 'retry', status: null, afterMs: null });
    const chosen = thread;
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
    await Promise.all(
      this.threads.map(async (t) => {
        const exited = new Promise((r) => t.worker.once('exit', r));
        t.worker.postMessage('close');
        const timer = setTimeout(() => void t.worker.terminate(), 2000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  private spawn(): Thread {
    const worker = new Worker(THREAD_URL, {
      workerData: { ca: this.options.ca ?? null, timeoutMs: this.options.timeoutMs ?? 15_000 },
    });
    const thread: Thread = { worker, alive: true, pending: new Map() };
    worker.on('message', (reply: Reply) => {
      const resolve = thread.pending.get(reply.id);
      thread.pending.delete(reply.id);
      resolve?.(toOutcome(reply));
    });
    worker.on('error', (error) => {
      this.log.error('push sender thread failed', { error: String(error) });
    });
    worker.on('exit', () => {
      thread.alive = false;
      // Rows in flight stay in the outbox; a retry sends them again.
      for (const resolve of thread.pending.values())
        resolve({ kind: 'retry', status: null, afterMs: null });
      thread.pending.clear();
      if (this.closing) return;
      setTimeout(() => {
        if (this.closing) return;
        const i = this.threads.indexOf(thread);
        if (i >= 0) this.threads[i] = this.spawn();
      }, RESPAWN_MS).unref();
    });
    // The pool never keeps the process alive by itself; close() ends the threads.
    worker.unref();
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
