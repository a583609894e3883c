import type * as Y from 'yjs';

export type DecodedDeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

export interface Range {
  client: number;
  clock: number;
  len: number;
}

/**
 * An update's delete set, sorted and merged. Yjs sends it sorted, but a hostile client need
 * not, and the policy must judge what Yjs will apply, not what a well-behaved client sends.
 */
export class DeleteRanges {
  private readonly byClient = new Map<number, Range[]>();

  constructor(ds: DecodedDeleteSet) {
    for (const [client, items] of ds.clients) {
      const sorted = items
        .filter((d) => d.len > 0)
        .map((d) => ({ client, clock: d.clock, len: d.len }))
        .sort((a, b) => a.clock - b.clock);
      const merged: Range[] = [];
      for (const r of sorted) {
        const last = merged[merged.length - 1];
        if (last !== undefined && r.clock <= last.clock + last.len) {
          last.len = Math.max(last.len, r.clock + r.len - last.clock);
        } else {
          merged.push({ ...r });
        }
      }
      if (merged.length > 0) this.byClient.set(client, merged);
    }
  }

  *[Symbol.iterator](): IterableIterator<Range> {
    for (const ranges of this.byClient.values()) yield* ranges;
  }

  covers(client: number, clock: number): boolean {
    const ranges = this.byClient.get(client);
    if (ranges === undefined) return false;
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = ranges[mid];
      if (r === undefined) return false;
      if (clock < r.clock) hi = mid - 1;
      else if (clock >= r.clock + r.len) lo = mid + 1;
      else return true;
    }
    return false;
  }
}
