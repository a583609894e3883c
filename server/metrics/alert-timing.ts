/** What an alert-path histogram needs: prom-client's `Histogram` fits. */
export interface Observer {
  observe(seconds: number): void;
}

export interface AlertHistograms {
  toOps: Observer;
  toSiren: Observer;
  toSirenAck: Observer;
  toPush: Observer;
}

/**
 * Starts are kept this long: a push retried with backoff or a siren that reconnects late is
 * still timed; anything later is not an alert path's latency any more.
 */
const KEEP_MS = 3_600_000;
/** Bounds memory whatever the rate of alerts (a burst of thousands is still covered). */
const MAX_KEPT = 10_000;

interface PushRange {
  first: number;
  last: number;
  start: number;
}

/**
 * Times each alert's path on the monotonic clock, from the moment the server saw it (or an
 * operator released it) to the operators' sockets, the sirens and the push service. Alert ids
 * and outbox row ids stay in memory here to find a start again; none reaches a metric, which
 * holds only durations (DESIGN §2: a silent alert's timing is counted, never its identity).
 * An alert received by an earlier process has no start here and is not timed.
 */
export class AlertTiming {
  private readonly starts = new Map<string, number>();
  /** Outbox row ids written for one alert's pushes, in the order written (ids only grow). */
  private ranges: PushRange[] = [];

  constructor(private readonly h: AlertHistograms) {}

  private now(): number {
    return performance.now();
  }

  /** A new alert was stored; `start` is when the server saw it (`performance.now()`). */
  received(alertId: string, start: number): void {
    this.mark(alertId, start);
  }

  /** An operator let a held-back alert reach its area: its sirens and pushes count from now. */
  released(alertId: string): void {
    this.mark(alertId, this.now());
  }

  /** The alert's record was sent to the sockets on `ops`. */
  shownToOperators(start: number): void {
    this.h.toOps.observe((this.now() - start) / 1000);
  }

  /** A unit was sent its first `sound` command for the alert. */
  sirenSent(alertId: string): void {
    this.since(alertId, this.h.toSiren);
  }

  sirenAcked(alertId: string): void {
    this.since(alertId, this.h.toSirenAck);
  }

  /** The outbox rows `first`..`last` are the alert's pushes (its neighbours', its operators'). */
  pushesWritten(alertId: string, first: number, last: number): void {
    const start = this.starts.get(alertId);
    if (start === undefined) return;
    // A rolled-back commit may hand its ids out again: a range written later wins.
    while (this.ranges.length && this.ranges.at(-1)!.last >= first) this.ranges.pop();
    this.ranges.push({ first, last, start });
    const old = this.now() - KEEP_MS;
    const n = this.ranges.length;
    let drop = 0;
    while (drop < n && (this.ranges[drop]!.start < old || n - drop > MAX_KEPT)) drop++;
    if (drop) this.ranges = this.ranges.slice(drop);
  }

  /**
   * The push service accepted the push of outbox row `rowId`. A row a later alert was folded
   * into counts from the first alert it was written for: the longest any of them waited.
   */
  pushAccepted(rowId: number): void {
    const r = this.ranges;
    let lo = 0;
    let hi = r.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const range = r[mid]!;
      if (rowId < range.first) hi = mid - 1;
      else if (rowId > range.last) lo = mid + 1;
      else return this.h.toPush.observe((this.now() - range.start) / 1000);
    }
  }

  private since(alertId: string, histogram: Observer): void {
    const start = this.starts.get(alertId);
    if (start !== undefined) histogram.observe((this.now() - start) / 1000);
  }

  private mark(alertId: string, start: number): void {
    // Re-inserted at the end: the map stays in the order of its starts, oldest first.
    this.starts.delete(alertId);
    this.starts.set(alertId, start);
    const old = start - KEEP_MS;
    for (const [id, at] of this.starts) {
      if (at >= old && this.starts.size <= MAX_KEPT) break;
      this.starts.delete(id);
    }
  }
}
