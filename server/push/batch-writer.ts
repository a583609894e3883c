import type { Storage } from '../storage/storage.js';
import type { Logger } from '../log.js';

/**
 * The sender's bookkeeping is gathered this long before it is written. Each write is a
 * transaction with its fsync on the event loop; written every turn, a burst's replies made
 * one every few ms, and an alert arriving during one waits for it. Nothing waits on this but
 * the next push of the same member and area, and a row marked done a little later is at
 * worst sent again after a crash, as before.
 */
export const BOOKKEEPING_MS = 50;

/**
 * Groups the sender's bookkeeping writes (row done, retry later, subscription gone) of
 * BOOKKEEPING_MS into one transaction: with synchronous=FULL every commit is an fsync, and
 * a burst of a thousand pushes must not cost a thousand of them.
 */
export class BatchWriter {
  private jobs: { write: () => void; after?: () => void }[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly delayMs = BOOKKEEPING_MS,
  ) {}

  /** `after` runs once the write is committed, or failed (then it is retried from the outbox). */
  write(write: () => void, after?: () => void): void {
    this.jobs.push(after ? { write, after } : { write });
    this.timer ??= setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const jobs = this.jobs;
    if (!jobs.length) return;
    this.jobs = [];
    try {
      this.storage.transaction(() => {
        for (const job of jobs) job.write();
      });
    } catch (error) {
      this.log.error('outbox bookkeeping failed', { error: String(error), rows: jobs.length });
    }
    for (const job of jobs) job.after?.();
  }
}
