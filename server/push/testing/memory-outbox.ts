import type { OutboxRow, PushSubscriptionRow, Storage } from '../../storage/storage.js';
import type { PushJob } from '../jobs.js';

/**
 * The outbox and subscriptions the sender touches, in memory, with the same ordering as
 * SQLite's (`due`: siren commands first, then by id, pushes only past `afterId`), counting
 * the rows each read returns: for unit tests of the sender's slicing, which need thousands
 * of rows and no push service.
 */
export class MemoryOutbox {
  readonly rows = new Map<number, OutboxRow & { doneAt: number | null }>();
  /** rows returned by each `due` read, in order */
  readonly reads: number[] = [];
  /** times each row was marked done */
  readonly doneCount = new Map<number, number>();
  private nextId = 1;

  add(kind: OutboxRow['kind'], payload: string, fold: string | null = null): number {
    const id = this.nextId++;
    this.rows.set(id, { id, kind, key: `k${id}`, payload, attempts: 0, notBefore: 0, fold, doneAt: null }); // prettier-ignore
    return id;
  }

  addPush(sub: number, fold: string | null = null): number {
    const job: PushJob = {
      sub,
      ttl: 60,
      urgency: 'high',
      message: { title: 't', body: 'b', tag: 'a1', renotify: true, url: '/', action: 'Ver' },
    };
    return this.add('push', JSON.stringify(job), fold);
  }

  storage(): Storage {
    const outbox: Pick<Storage['outbox'], 'due' | 'current' | 'done' | 'retry' | 'purgeDone'> = {
      due: (now, limit, afterId = 0) => {
        const due = [...this.rows.values()]
          .filter((r) => r.doneAt === null && r.notBefore <= now)
          .filter((r) => r.kind === 'siren' || r.id > afterId)
          .sort((a, b) => Number(a.kind !== 'siren') - Number(b.kind !== 'siren') || a.id - b.id)
          .slice(0, limit)
          .map(({ doneAt: _, ...row }) => ({ ...row }));
        this.reads.push(due.length);
        return due;
      },
      current: (id) => {
        const r = this.rows.get(id);
        if (!r) return undefined;
        const newer = [...this.rows.values()].some((o) => o.fold !== null && o.fold === r.fold && o.id > id); // prettier-ignore
        return { payload: r.payload, done: r.doneAt !== null, superseded: newer };
      },
      done: (id) => {
        this.rows.get(id)!.doneAt = Date.now();
        this.doneCount.set(id, (this.doneCount.get(id) ?? 0) + 1);
      },
      retry: (id, notBefore) => {
        const r = this.rows.get(id)!;
        r.attempts++;
        r.notBefore = notBefore;
      },
      purgeDone: () => 0,
    };
    const push: Pick<Storage['push'], 'liveById' | 'removeById'> = {
      liveById: (id): PushSubscriptionRow => ({
        id,
        userId: `u${id}`,
        endpoint: `https://push.example/${id}`,
        p256dh: 'k',
        auth: 'a',
        lang: 'es',
      }),
      removeById: () => {},
    };
    return {
      outbox,
      push,
      transaction: <T>(fn: () => T) => fn(),
      unsynced: () => null,
    } as unknown as Storage;
  }
}
