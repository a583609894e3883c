import type { Storage } from '../storage/storage.js';
import type { Logger } from '../log.js';

/**
 * Groups the sender's bookkeeping writes (row done, retry later, subscription gone) of one
 * event-loop turn into one transaction: with synchronous=FULL every commit is an fsync, and
 * a burst of a thousand pushes must not cost a thousand of them.
 */
export class BatchWriter {
  private jobs: { write: () => void; after?: () => void }[] = [];
  private scheduled = false;

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
  ) {}

  /** `after` runs once the write is committed, or failed (then it is retried from the outbox). */
  write(write: () => void, after?: () => void): void {
    this.jobs.push(after ? { write, after } : { write });
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  flush(): void {
    this.scheduled = false;
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
