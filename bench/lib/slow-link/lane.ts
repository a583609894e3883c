import { oneWayMs, queueBytes, type LinkShape } from './profiles.js';

export interface LaneStats {
  delivered: number;
  deliveredBytes: number;
  lost: number;
  queueDrops: number;
  downDrops: number;
}

interface Queued<T> {
  packet: T;
  size: number;
  /** when its last bit has left the bottleneck */
  departAt: number;
  /** when it reaches the far side */
  deliverAt: number;
}

/**
 * One direction of the emulated link: random loss, then a FIFO bottleneck that sends at
 * `rateBps` (a packet leaves when the one before it has, plus its own serialisation time),
 * then a fixed propagation delay of half the round trip. A full queue drops the newcomer
 * (tail drop); a link that goes down loses everything queued or in flight, as a radio
 * that lost its cell does. Time is whatever clock the caller passes, in milliseconds.
 */
export class Lane<T> {
  private queue: Queued<T>[] = [];
  private lastDepart = -Infinity;
  private up = true;
  readonly stats: LaneStats = {
    delivered: 0,
    deliveredBytes: 0,
    lost: 0,
    queueDrops: 0,
    downDrops: 0,
  };

  constructor(
    private shape: LinkShape,
    private readonly random: () => number,
  ) {}

  setShape(shape: LinkShape): void {
    this.shape = shape;
  }

  /** Bytes waiting at the bottleneck (not yet sent onto the wire) at `now`. */
  backlog(now: number): number {
    let bytes = 0;
    for (const q of this.queue) if (q.departAt > now) bytes += q.size;
    return bytes;
  }

  /** Offers a packet at `now`; returns when it will arrive, or null when it is dropped. */
  offer(packet: T, size: number, now: number): number | null {
    if (!this.up) {
      this.stats.downDrops++;
      return null;
    }
    if (this.shape.loss > 0 && this.random() < this.shape.loss) {
      this.stats.lost++;
      return null;
    }
    if (this.backlog(now) + size > queueBytes(this.shape)) {
      this.stats.queueDrops++;
      return null;
    }
    const departAt = Math.max(now, this.lastDepart) + (size * 8 * 1000) / this.shape.rateBps;
    this.lastDepart = departAt;
    const deliverAt = departAt + oneWayMs(this.shape);
    this.queue.push({ packet, size, departAt, deliverAt });
    return deliverAt;
  }

  /** Packets that have arrived by `now`, in order, removed from the lane. */
  due(now: number): T[] {
    let n = 0;
    while (n < this.queue.length && this.queue[n]!.deliverAt <= now) n++;
    const out = this.queue.splice(0, n);
    for (const q of out) {
      this.stats.delivered++;
      this.stats.deliveredBytes += q.size;
    }
    return out.map((q) => q.packet);
  }

  /** When the next packet arrives, or null when nothing is on its way. */
  nextAt(): number | null {
    return this.queue[0]?.deliverAt ?? null;
  }

  /** Link down: everything queued or in flight is lost, and so is all that comes until it is up. */
  setUp(up: boolean): void {
    if (this.up && !up) {
      this.stats.downDrops += this.queue.length;
      this.queue = [];
      this.lastDepart = -Infinity;
    }
    this.up = up;
  }

  get isUp(): boolean {
    return this.up;
  }
}
