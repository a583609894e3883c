import * as Y from 'yjs';
import { OPS_ROOM } from '../../sync/rooms.js';
import type { SyncServer } from '../sync/sync-server.js';
import { SERVER } from '../sync/origin.js';

/** The crew's steps that mean someone took the dispatch. */
const TAKEN: readonly unknown[] = ['accepted', 'en_route', 'on_scene', 'done'];

/** Looked at this often even without a change: a missed hook heals itself. */
const SWEEP_MS = 15_000;

/**
 * A dispatch nobody accepts must not sit quietly on the console: after `acceptMs` without a
 * crew's `accepted`, the server stamps `acceptOverdueAt` on the alert in `ops`, and the
 * console warns (tone, banner, the next nearest unit offered). The stamp is the server's so
 * that every console agrees and a console's wrong clock cannot hide the warning. It counts
 * from the alert's `statusAt`, so a re-dispatch to another unit starts the clock again; a stamp
 * older than `statusAt` belongs to the previous unit and is removed.
 */
export class AcceptWatch {
  private timer: NodeJS.Timeout | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private pending = false;

  constructor(
    private readonly sync: SyncServer,
    private readonly acceptMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.check();
    this.sweeper = setInterval(() => this.check(), SWEEP_MS);
    this.sweeper.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.sweeper) clearInterval(this.sweeper);
    this.timer = this.sweeper = null;
  }

  /** Checks once the current commit is durable (the transition is in `ops` by then). */
  schedule(): void {
    if (this.pending) return;
    this.pending = true;
    this.sync.committer.afterCommit(() => {
      this.pending = false;
      this.check();
    });
  }

  /** Stamps what is overdue, clears what is not, and arms a timer for the next one due. */
  check(): void {
    const doc = this.sync.room(OPS_ROOM).doc;
    const now = this.now();
    let next = Infinity;
    doc.transact(() => {
      doc.getMap('alerts').forEach((rec) => {
        if (!(rec instanceof Y.Map)) return;
        const statusAt = rec.get('statusAt');
        const stamp = rec.get('acceptOverdueAt');
        const waiting =
          rec.get('status') === 'dispatched' &&
          typeof statusAt === 'string' &&
          !TAKEN.includes(rec.get('unitStatus'));
        if (!waiting) {
          if (stamp !== undefined) rec.delete('acceptOverdueAt');
          return;
        }
        const due = Date.parse(statusAt) + this.acceptMs;
        const current = typeof stamp === 'string' && stamp >= statusAt;
        if (due <= now) {
          if (!current) rec.set('acceptOverdueAt', new Date(now).toISOString());
        } else {
          if (stamp !== undefined) rec.delete('acceptOverdueAt');
          next = Math.min(next, due);
        }
      });
    }, SERVER);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (next < Infinity) {
      this.timer = setTimeout(() => this.check(), Math.max(0, next - now) + 50);
      this.timer.unref();
    }
  }
}
