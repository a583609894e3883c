/** Never wait less than this for a receipt: a commit and a mobile radio waking up. */
export const RECEIPT_FLOOR_MS = 2_000;
/** Never wait more: past this a resident is better served by a fresh connection. */
export const RECEIPT_CAP_MS = 5_000;
/** Round trips a receipt may take (the write out, the receipt back, one spare). */
const RTT_FACTOR = 3;
/** The round trip assumed before the first one is measured: a poor mobile link. */
const DEFAULT_RTT_MS = 600;
/** How much a new sample moves the estimate (as TCP's smoothed RTT, RFC 6298). */
const RTT_GAIN = 1 / 8;
/** An HTTP post lives this many stalls before it is aborted for a fresh one. */
const POST_LIFETIME_STALLS = 2;
/**
 * A socket still in its handshake is replaced only after this many deadlines: a handshake is
 * two round trips, three with a lost SYN (2–3 s on a 1 s link), and a fresh one starts over.
 */
const CONNECT_DEADLINES = 2;

/** What the watchdog needs from a synced room; the room wires it (client/data/room.ts). */
export interface WatchedLink {
  /** true while a change made here is not covered by the server's `stored` receipt */
  pending(): boolean;
  /** Drops the socket at once and opens a fresh one, skipping the provider's back-off. */
  reconnect(): void;
  /** How long the current socket has been connecting, ms; null once it is open. */
  connectingFor(): number | null;
  /** Posts what is pending over HTTP; resolves once the server's reply is applied. */
  post(signal: AbortSignal): Promise<void>;
}

/**
 * A write without its `stored` receipt within a few round trips means a dead connection, even
 * while the socket looks open. On a flapping link TCP backs its retransmission timer off to
 * minutes while the server's keep-alives still trickle in, so the socket never closes on its
 * own; a fresh connection does not inherit that timer. So: when a receipt is late, reconnect at
 * once and carry the pending change over HTTP too (whichever lands first delivers it; Yjs makes
 * the other a no-op), and again every deadline until a receipt covers everything.
 *
 * Only a receipt counts: keep-alives repeat the server's old receipt, which covers nothing new,
 * so the room never calls `receipt()` for them.
 */
export class ReceiptWatchdog {
  /** smoothed round trip, ms */
  private srtt = DEFAULT_RTT_MS;
  private measured = false;
  /** when the current wait started: the write, or the socket opening after it */
  private since: number | null = null;
  /** when the socket last opened, for a round-trip sample at sync */
  private openedAt: number | null = null;
  /** the current wait began on an open socket that has not been replaced since */
  private sampleable = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private posts: { controller: AbortController; stall: number }[] = [];
  /** stalls since the last receipt */
  private stalls = 0;
  private stopped = false;

  constructor(private readonly link: WatchedLink) {}

  /** The receipt deadline now: 3 round trips, at least the floor, at most the cap. */
  get deadline(): number {
    return Math.min(RECEIPT_CAP_MS, Math.max(RECEIPT_FLOOR_MS, RTT_FACTOR * this.srtt));
  }

  get rtt(): number {
    return this.srtt;
  }

  /** How many times in a row the receipt was late (0 once one arrives). */
  get lateCount(): number {
    return this.stalls;
  }

  /**
   * A change was made on this phone; `open`: the socket looked connected when it was sent.
   * With no open socket to carry it (a page that has just opened, its socket still in its
   * handshake: two round trips, more after a lost SYN), it goes over HTTP at once, most often
   * on the connection the boot's requests left open: one way to the server instead of the
   * handshake first. The socket, once open, syncs it too; the second arrival is a no-op.
   */
  wrote(open: boolean): void {
    if (this.stopped || this.since !== null) return;
    this.since = Date.now();
    this.sampleable = open;
    this.arm();
    if (!open) this.postInParallel();
  }

  /** The socket opened: the wait for a receipt starts again from here. */
  opened(): void {
    this.openedAt = Date.now();
    if (this.since === null) return;
    this.since = this.openedAt;
    this.sampleable = false;
    this.arm();
  }

  /** The server's state arrived (sync step 2): one round trip after the socket opened. */
  synced(): void {
    if (this.openedAt === null) return;
    this.sample(Date.now() - this.openedAt);
    this.openedAt = null;
  }

  /** A receipt (socket or HTTP) covered something new. */
  receipt(): void {
    if (this.since === null) return;
    if (this.sampleable) this.sample(Date.now() - this.since);
    this.stalls = 0;
    if (this.link.pending()) {
      // Progress: the rest was written later; wait for it afresh.
      this.since = Date.now();
      this.sampleable = false;
      this.arm();
      return;
    }
    this.since = null;
    this.disarm();
    for (const p of this.posts) p.controller.abort();
    this.posts = [];
  }

  stop(): void {
    this.stopped = true;
    this.disarm();
    for (const p of this.posts) p.controller.abort();
    this.posts = [];
  }

  private sample(ms: number): void {
    this.srtt = this.measured ? this.srtt + RTT_GAIN * (ms - this.srtt) : ms;
    this.measured = true;
  }

  private arm(): void {
    this.disarm();
    if (this.since === null) return;
    const wait = Math.max(0, this.since + this.deadline - Date.now());
    this.timer = setTimeout(() => this.stall(), wait);
  }

  private disarm(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private stall(): void {
    this.timer = null;
    if (this.stopped || this.since === null) return;
    if (!this.link.pending()) {
      this.since = null;
      return;
    }
    this.stalls++;
    this.since = Date.now();
    this.sampleable = false;
    this.openedAt = null;
    // A connect cut short at every deadline never finishes on a slow link (and holds the
    // room's other sockets in the browser's queue meanwhile): a young one is left to finish.
    const connecting = this.link.connectingFor();
    if (connecting === null || connecting >= CONNECT_DEADLINES * this.deadline) this.link.reconnect();
    this.postInParallel();
    this.arm();
  }

  /**
   * A new post every stall; each lives two stalls, so one that is merely slow (a poor link's
   * handshake and reply) may still land, while one stuck on a dead pooled connection is
   * replaced.
   */
  private postInParallel(): void {
    this.posts = this.posts.filter((p) => {
      if (this.stalls - p.stall < POST_LIFETIME_STALLS) return true;
      p.controller.abort();
      return false;
    });
    const entry = { controller: new AbortController(), stall: this.stalls };
    this.posts.push(entry);
    this.link.post(entry.controller.signal).then(
      () => {
        this.posts = this.posts.filter((p) => p !== entry);
        this.receipt();
      },
      () => {
        // Failed or aborted: the next stall tries again.
        this.posts = this.posts.filter((p) => p !== entry);
      },
    );
  }
}
