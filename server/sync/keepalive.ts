import type { Connection } from './connection.js';

/** How often every connection hears something: the y-websocket client gives up after 30 s. */
const KEEPALIVE_MS = 20_000;
/**
 * A connection sent anything this recently is skipped; it is visited again KEEPALIVE_MS
 * later, so it never goes more than SKIP_IF_SENT_MS + KEEPALIVE_MS (25 s) without a frame.
 */
const SKIP_IF_SENT_MS = 5_000;
/** Small slices: a tick writes to about connections / 2,000 sockets (~10 for the city). */
const TICK_MS = 10;
const SLOTS = KEEPALIVE_MS / TICK_MS;

/**
 * Rooms without presence are quiet, so every connection is sent its room's (idempotent)
 * stored receipt once per KEEPALIVE_MS. Connections sit on a timing wheel: each joins a slot
 * and the wheel visits one slot per tick, so each connection is visited exactly once per
 * turn however many others come and go, and no tick writes to more than a handful of
 * sockets (one sweep over the city's 19k sockets stalled the event loop for ~1 s; 50 ms
 * slices of ~80 sockets held writes up by ~4 ms; bench).
 */
export class KeepAlive {
  private readonly timer: NodeJS.Timeout;
  private readonly slots: Set<Connection>[] = Array.from({ length: SLOTS }, () => new Set());
  private nextSlot = 0;
  /** slots visited since `startedAt`; the wheel catches up after a late timer */
  private visited = 0;
  private readonly startedAt = performance.now();

  constructor() {
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  add(conn: Connection): void {
    conn.keepaliveSlot = this.nextSlot;
    this.slots[this.nextSlot]!.add(conn);
    this.nextSlot = (this.nextSlot + 1) % SLOTS;
  }

  remove(conn: Connection): void {
    this.slots[conn.keepaliveSlot]?.delete(conn);
  }

  private tick(): void {
    const now = performance.now();
    const due = Math.floor((now - this.startedAt) / TICK_MS);
    // After a long stall, one turn at most: every connection once, not several times.
    if (due - this.visited > SLOTS) this.visited = due - SLOTS;
    for (; this.visited < due; this.visited++) {
      for (const conn of this.slots[this.visited % SLOTS]!) {
        if (!conn.closed && now - conn.lastSentAt >= SKIP_IF_SENT_MS) conn.sendReceipt(true);
      }
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
