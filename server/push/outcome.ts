import type { OutboxRow, Storage } from '../storage/storage.js';
import type { Logger } from '../log.js';
import { MAX_ATTEMPTS, MAX_BACKOFF_MS, backoff } from './backoff.js';
import type { SendOutcome } from './web-push-sender.js';

export type PushStats = {
  sent: number;
  gone: number;
  failed: number;
  retried: number;
  dropped: number;
  superseded: number;
};

/**
 * What the push service's answer means for its row: counted, logged, and the write that
 * settles it (done; done and the subscription removed; or due again after a backoff).
 */
export function outcomeWrite(
  d: { storage: Storage; log: Logger; stats: PushStats; now: number },
  row: OutboxRow,
  subId: number,
  result: SendOutcome,
): () => void {
  const outbox = d.storage.outbox;
  const done = () => outbox.done(row.id);
  switch (result.kind) {
    case 'sent':
      d.stats.sent++;
      return done;
    case 'gone':
      d.stats.gone++;
      d.log.info('push subscription expired, removed', { sub: subId, status: result.status });
      return () => {
        d.storage.push.removeById(subId);
        outbox.done(row.id);
      };
    case 'failed':
      d.stats.failed++;
      d.log.warn('push refused by the push service', { sub: subId, status: result.status });
      return done;
    case 'retry': {
      if (row.attempts + 1 >= MAX_ATTEMPTS) {
        d.stats.dropped++;
        d.log.warn('push dropped after retries', { sub: subId, status: result.status });
        return done;
      }
      d.stats.retried++;
      const wait = Math.max(backoff(row.attempts), Math.min(result.afterMs ?? 0, MAX_BACKOFF_MS));
      return () => outbox.retry(row.id, d.now + wait);
    }
  }
}
