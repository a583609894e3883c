import type { Connection } from './connection.js';

const KEEPALIVE_MS = 12_000;
/** Small slices: at city scale, 250 ms ticks wrote ~400 frames at once, and writes waited. */
const KEEPALIVE_TICK_MS = 50;

/**
 * The y-websocket client drops a connection that hears nothing for 30 s; rooms without
 * presence are quiet, so every connection is sent its room's (idempotent) stored receipt
 * once per KEEPALIVE_MS, a slice per tick: one loop over the whole city's sockets stalled
 * the event loop for ~1 s (bench). A new round starts only when the last one began
 * KEEPALIVE_MS ago: with few connections a round takes a few ticks, and starting the next
 * at once sent each a receipt every few hundred ms (each one an IndexedDB write and a
 * re-render in the app).
 */
export class KeepAlive {
  private readonly timer: NodeJS.Timeout;
  private queue: Connection[] = [];
  private next = 0;
  private roundAt = -Infinity;
  private perTick = 0;

  constructor(private readonly connections: () => Iterable<Connection>) {
    this.timer = setInterval(() => this.tick(), KEEPALIVE_TICK_MS);
    this.timer.unref();
  }

  private tick(): void {
    if (this.next >= this.queue.length) {
      const now = performance.now();
      if (now - this.roundAt < KEEPALIVE_MS) return;
      this.roundAt = now;
      this.queue = [...this.connections()];
      this.next = 0;
      this.perTick = Math.ceil(this.queue.length / (KEEPALIVE_MS / KEEPALIVE_TICK_MS));
    }
    const end = Math.min(this.next + this.perTick, this.queue.length);
    for (; this.next < end; this.next++) {
      const c = this.queue[this.next]!;
      if (!c.closed) c.send(c.room.storedMsg);
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
