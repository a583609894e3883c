import { Worker } from 'node:worker_threads';
import type { Logger } from '../log.js';
import type { Storage } from '../storage/storage.js';
import type { Room } from './room.js';

const THREAD_URL = new URL('./compaction-thread.mjs', import.meta.url);
/** An idle thread ends after this: compactions come minutes apart, its memory need not stay. */
const IDLE_EXIT_MS = 10_000;

type Reply = { id: number; state: Uint8Array } | { id: number; error: string };

/**
 * Compacts large rooms off the event loop. Encoding a whole room (`ops`: ~350 KB of state in
 * the quarter city) took 52 ms of the loop in a city-scale profile, an operator's alert
 * waiting behind it. Here the loop reads the room's committed log (a snapshot and the updates
 * after it), a thread builds the doc from it and encodes it, and the loop writes the snapshot
 * and prunes what it covers, up to the last update read: updates committed meanwhile stay in
 * the log after it. A room unloaded meanwhile was compacted by its unload; the result is
 * dropped. No commit is forced (the on-loop path must commit what the doc holds first).
 */
interface Thread {
  worker: Worker;
  pending: Map<number, (reply: Reply) => void>;
}

export class Compactor {
  private current: Thread | null = null;
  private readonly busy = new Map<Room, Promise<void>>();
  /** compactions on the loop, by room: one during an encode makes its result stale */
  private readonly onLoop = new WeakMap<Room, number>();
  private next = 1;
  private idle: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    /** rooms whose stored state is smaller are compacted on the loop: a thread costs more */
    private readonly minBytes: number,
  ) {}

  /**
   * Compacts `room` on the thread; null if it is too small for that (the caller compacts it
   * on the loop), else settles once done or dropped. `current`: whether the room is still the
   * loaded one, asked when the thread answers.
   */
  compact(room: Room, current: (room: Room) => boolean): Promise<void> | null {
    if (this.closed) return null;
    const running = this.busy.get(room);
    if (running) return running;
    const log = this.storage.rooms.load(room.name);
    const parts = log.snapshot ? [log.snapshot, ...log.updates] : log.updates;
    if (parts.reduce((n, p) => n + p.byteLength, 0) < this.minBytes) return null;
    const epoch = this.onLoop.get(room) ?? 0;
    const done = this.encode(parts)
      .then((state) => {
        // A newer snapshot must never be replaced by this older one.
        if (!current(room) || this.closed || (this.onLoop.get(room) ?? 0) !== epoch) return;
        this.storage.rooms.compact(room.name, state, log.lastSeq);
        room.sinceSnapshot = Math.max(0, room.sinceSnapshot - log.updates.length);
      })
      .catch((error: unknown) => {
        // The log alone is complete: the room compacts again after its next commits.
        this.log.error('compaction failed', { room: room.ref.kind, error: String(error) });
      })
      .finally(() => this.busy.delete(room));
    this.busy.set(room, done);
    return done;
  }

  /** `room` was just compacted on the loop: a result still coming for it is stale. */
  compactedOnLoop(room: Room): void {
    this.onLoop.set(room, (this.onLoop.get(room) ?? 0) + 1);
  }

  /** The whole state the parts make, encoded on the thread. */
  encode(parts: Uint8Array[]): Promise<Uint8Array> {
    const thread = this.thread();
    const id = this.next++;
    return new Promise((resolve, reject) => {
      thread.pending.set(id, (reply) =>
        'error' in reply ? reject(new Error(reply.error)) : resolve(reply.state),
      );
      thread.worker.postMessage({ id, parts });
    });
  }

  close(): Promise<void> {
    this.closed = true;
    return this.stop();
  }

  private thread(): Thread {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    if (this.current) return this.current;
    const worker = new Worker(THREAD_URL);
    worker.unref();
    const thread: Thread = { worker, pending: new Map() };
    worker.on('message', (reply: Reply) => {
      const settle = thread.pending.get(reply.id);
      thread.pending.delete(reply.id);
      settle?.(reply);
      if (thread.pending.size === 0 && this.current === thread) this.idleSoon();
    });
    worker.on('error', (error) => this.log.error('compaction thread failed', { error: String(error) })); // prettier-ignore
    worker.on('exit', () => {
      if (this.current === thread) this.current = null;
      for (const settle of thread.pending.values()) settle({ id: 0, error: 'thread exited' });
      thread.pending.clear();
    });
    this.current = thread;
    return thread;
  }

  private idleSoon(): void {
    this.idle = setTimeout(() => void this.stop(), IDLE_EXIT_MS);
    this.idle.unref();
  }

  private async stop(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const thread = this.current;
    this.current = null;
    if (thread) await thread.worker.terminate();
  }
}
