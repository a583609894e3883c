import type { OutboxRow, Storage } from '../storage/storage.js';
import type { Logger } from '../log.js';
import type { BatchWriter } from './batch-writer.js';
import { BASE_BACKOFF_MS } from './backoff.js';
import { outcomeWrite, type PushStats } from './outcome.js';
import { parsePushJob } from './jobs.js';
import type { PushTransport, SendOutcome } from './web-push-sender.js';

/** Takes siren rows off the worker's hands: the hub keeps them until acknowledged. */
export interface SirenDispatch {
  take(row: OutboxRow): void;
}

export interface OutboxWorkerDeps {
  storage: Storage;
  log: Logger;
  transport: PushTransport;
  sirens: SirenDispatch;
  writer: BatchWriter;
  /** The push service accepted this row's push (the metrics time the alert's hand-off). */
  accepted?: (rowId: number) => void;
  /** pushes in flight at once */
  concurrency?: number;
  /** how often due rows (retries, missed pokes) are looked for */
  intervalMs?: number;
  now?: () => number;
}

/**
 * The event loop is shared with every alert: the sender's work on it (reading rows, looking
 * up subscriptions, handing pushes to the threads) goes in slices, each of at most
 * READ_ROWS rows read or SLICE_ROWS deliveries begun within SLICE_MS, and yields between
 * them (setImmediate), so an alert's socket read and commit go between two slices instead
 * of waiting behind a burst's thousands of pushes (one drain took 49 ms in the bench).
 */
const READ_ROWS = 64;
export const SLICE_ROWS = 16;
const SLICE_MS = 2;
/** Rows waiting for a delivery slot; refilled a read at a time once a read's worth is free. */
const QUEUE_MAX = 2 * READ_ROWS;
/** Rows read when the queue has no room: enough to find the siren commands, which come first. */
const SIREN_PEEK = 64;
/** A read from the oldest row (retries come due there) reads at most this many rows. */
const FULL_READ_MAX = 4 * READ_ROWS;
const PURGE_EVERY_MS = 60 * 60_000;
const KEEP_DONE_MS = 7 * 86_400_000;

/**
 * Drains the outbox (DESIGN §6). Rows are committed with their alert; this worker sends them
 * after the commit (poked by the fan-out, and every second for retries) and at start-up,
 * which is how a crash between commit and send is recovered. A row is marked done only after
 * its push service answered, so it is sent at least once, and never again once done.
 */
export class OutboxWorker {
  /** Row ids queued, in flight, or waiting for their bookkeeping to commit. */
  private readonly busy = new Set<number>();
  /** Of those, the rows whose payload was read to be sent: a later alert cannot fold in. */
  private readonly sending = new Set<number>();
  /** The last read filled its limit: more rows are due than were read. */
  private more = false;
  /**
   * One push per member and area on the way at a time (`fold`): the next one waits here,
   * where later alerts can still fold into it, and goes once the one before has settled. It
   * also keeps an older push from reaching the push service after a newer one of its Topic.
   */
  private readonly foldsSending = new Set<string>();
  private readonly parked = new Map<string, OutboxRow>();
  private queue: OutboxRow[] = [];
  /** The newest push row read: pokes read only past it (retries come due below it). */
  private head = 0;
  private active = 0;
  private running = false;
  private scheduled = false;
  private pumping = false;
  /** a read put off until the last group commit is durable */
  private waitingForSync = false;
  private timer: NodeJS.Timeout | null = null;
  private purgeTimer: NodeJS.Timeout | null = null;
  private readonly concurrency: number;
  readonly stats: PushStats = {
    sent: 0,
    gone: 0,
    failed: 0,
    retried: 0,
    dropped: 0,
    superseded: 0,
  };

  constructor(private readonly d: OutboxWorkerDeps) {
    this.concurrency = d.concurrency ?? 32;
  }

  private now(): number {
    return this.d.now?.() ?? Date.now();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    // Start-up: everything not done, backoff or not — the process that set it is gone.
    this.drain(Number.MAX_SAFE_INTEGER, true);
    // Retries and leased siren rows come due below the head: looked for from the oldest row,
    // unless a backlog is being read already (then they wait for it, as they would anyway).
    this.timer = setInterval(() => {
      if (!this.more) this.drain(this.now(), true);
    }, this.d.intervalMs ?? 1000);
    this.timer.unref();
    // Delivered rows only guard against doubles while a retry could still come: keep a week.
    this.purgeTimer = setInterval(() => this.purge(), PURGE_EVERY_MS);
    this.purgeTimer.unref();
  }

  private purge(): void {
    try {
      this.d.storage.outbox.purgeDone(Date.now() - KEEP_DONE_MS);
    } catch (error) {
      this.d.log.warn('outbox purge failed', { error: String(error) });
    }
  }

  /** New rows were committed: send them on the next turn of the event loop. */
  poke(): void {
    if (!this.running || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  /** Stops taking rows; what is queued stays in the outbox for the next start. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    if (this.purgeTimer) clearInterval(this.purgeTimer);
    this.queue = [];
    this.parked.clear();
    const until = Date.now() + 5000;
    while (this.active > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    this.d.writer.flush();
  }

  get pending(): number {
    return this.busy.size;
  }

  /** True once a row's payload was read to be sent: it goes out as it was then. */
  holds(rowId: number): boolean {
    return this.sending.has(rowId);
  }

  /**
   * Reads due rows, siren commands first. Sirens are always handed over, even when the push
   * queue is full, so a siren never waits behind a backlog of pushes. Pushes are read a slice
   * at a time once the queue has room for one: past the head (new rows), or from the oldest
   * (`full`: start-up, retries), where rows already held come back and are skipped.
   */
  private drain(now = this.now(), full = false): void {
    if (!this.running || this.waitingForSync) return;
    // A group commit's rows are readable before its sync ends: none leaves until durable.
    const unsynced = this.d.storage.unsynced();
    if (unsynced) {
      this.waitingForSync = true;
      // A failed sync ends the process (server/server.ts): nothing to read after it.
      void unsynced.then(
        () => {
          this.waitingForSync = false;
          this.drain(this.now(), full);
        },
        () => undefined,
      );
      return;
    }
    const refill = QUEUE_MAX - this.queue.length >= READ_ROWS;
    const limit = !refill
      ? SIREN_PEEK
      : full
        ? Math.min(this.busy.size + READ_ROWS + SIREN_PEEK, FULL_READ_MAX)
        : READ_ROWS + SIREN_PEEK;
    let rows: OutboxRow[];
    try {
      rows = this.d.storage.outbox.due(now, limit, full ? 0 : this.head);
    } catch (error) {
      this.d.log.error('outbox read failed', { error: String(error) });
      return;
    }
    // A read of sirens alone is not "more": they are leased once taken, and reading them again
    // until the lease is written would only spin.
    if (refill) this.more = rows.length === limit && rows.at(-1)?.kind === 'push';
    for (const row of rows) {
      if (row.kind === 'siren') {
        this.d.sirens.take(row);
        continue;
      }
      if (!refill) break;
      if (this.queue.length >= QUEUE_MAX) {
        this.more = true;
        break;
      }
      if (row.id > this.head) this.head = row.id;
      if (this.busy.has(row.id)) continue;
      this.busy.add(row.id);
      this.queue.push(row);
    }
    this.pump();
  }

  /** Deliveries begin in the next slice: never inside a reply's or a read's own turn. */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    setImmediate(() => {
      this.pumping = false;
      this.slice();
    });
  }

  private slice(): void {
    // The last read was full: read again as soon as the queue has room, not a second later.
    if (this.running && this.more && QUEUE_MAX - this.queue.length >= READ_ROWS) {
      this.more = false;
      this.poke();
    }
    const until = performance.now() + SLICE_MS;
    let begun = 0;
    while (this.running && this.active < this.concurrency && this.queue.length) {
      if (begun >= SLICE_ROWS || performance.now() >= until) return this.pump();
      const row = this.queue.shift()!;
      if (row.fold !== null) {
        if (this.foldsSending.has(row.fold)) {
          this.parked.set(row.fold, row);
          continue;
        }
        this.foldsSending.add(row.fold);
      }
      this.active++;
      begun++;
      void this.deliver(row)
        .catch((error: unknown) => {
          this.d.log.error('push delivery crashed', { row: row.id, error: String(error) });
          this.settle(row, () => this.d.storage.outbox.retry(row.id, this.now() + BASE_BACKOFF_MS));
        })
        .finally(() => {
          this.active--;
          this.pump();
        });
    }
  }

  private async deliver(row: OutboxRow): Promise<void> {
    const outbox = this.d.storage.outbox;
    // Read again now: a later alert may have been folded into the row since it was queued.
    this.sending.add(row.id);
    const now = outbox.current(row.id);
    if (!now || now.done) return this.settle(row, () => {});
    if (now.superseded) {
      // A newer push of the same member and area covers everything this one says.
      this.stats.superseded++;
      return this.settle(row, () => outbox.done(row.id));
    }
    const job = parsePushJob(now.payload);
    if (!job) {
      this.d.log.warn('unreadable push row dropped', { row: row.id });
      return this.settle(row, () => outbox.done(row.id));
    }
    const sub = this.d.storage.push.liveById(job.sub, new Date(this.now()).toISOString());
    // Unsubscribed, signed out or suspended since the row was written: nothing to send.
    if (!sub) return this.settle(row, () => outbox.done(row.id));
    const result = await this.d.transport.send(sub, JSON.stringify(job.message), job);
    this.record(row, sub.id, result);
  }

  private record(row: OutboxRow, subId: number, result: SendOutcome): void {
    const { storage, log } = this.d;
    const write = outcomeWrite(
      { storage, log, stats: this.stats, now: this.now() },
      row,
      subId,
      result,
    );
    if (result.kind === 'sent') this.d.accepted?.(row.id);
    this.settle(row, write);
  }

  private settle(row: OutboxRow, write: () => void): void {
    this.d.writer.write(write, () => {
      this.busy.delete(row.id);
      this.sending.delete(row.id);
      if (row.fold === null) return;
      this.foldsSending.delete(row.fold);
      const next = this.parked.get(row.fold);
      if (!next) return;
      this.parked.delete(row.fold);
      this.queue.unshift(next);
      this.pump();
    });
  }
}
