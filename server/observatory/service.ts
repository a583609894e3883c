import type { HotspotLayer, ObservatoryFilter } from '../../shared/observatory.js';
import type { ObservatoryStore } from '../storage/observatory.js';
import type { Analysis, AnalysisResults } from './jobs.js';
import type { AnalysisRunner } from './worker.js';

/**
 * A cached answer is reused while the data's version is unchanged, and at most this long:
 * the version (observatory.ts in storage) misses a resident approved or moved, which changes
 * households but adds no row; five minutes late is nothing for a monthly figure.
 */
export const CACHE_TTL_MS = 5 * 60_000;
/** Answers kept; each is a few hundred KB at most (a hot-spot layer of the whole city). */
const CACHE_ENTRIES = 64;

interface Entry {
  version: string;
  at: number;
  value: Promise<unknown>;
}

/**
 * The observatory's analyses, computed on the analysis thread and cached per (analysis,
 * filter, layer) until the data change. Identical requests made while one is computing share
 * its promise: a meeting's ten tablets opening the same figure cost one computation.
 */
export class ObservatoryService {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly d: {
      store: ObservatoryStore;
      runner: AnalysisRunner;
      /** the clock of `computedAt` and of the cache's age; tests fix it to compare bytes */
      now: () => Date;
    },
  ) {}

  /** The observatory's clock: `computedAt`, the default period, the cache's age. */
  now(): Date {
    return this.d.now();
  }

  /** Whether `analyse` would answer from the cache now, without computing. */
  isCached(analysis: Analysis, filter: ObservatoryFilter, layer: HotspotLayer = 'count'): boolean {
    const hit = this.cache.get(this.key(analysis, filter, layer));
    return !!hit && this.fresh(hit, this.d.store.version(), this.d.now());
  }

  analyse<A extends Analysis>(
    analysis: A,
    filter: ObservatoryFilter,
    layer: HotspotLayer = 'count',
  ): Promise<AnalysisResults[A]> {
    const key = this.key(analysis, filter, layer);
    const version = this.d.store.version();
    const now = this.d.now();
    const hit = this.cache.get(key);
    if (hit && this.fresh(hit, version, now)) {
      // Most recently used last: the first key is the one to evict.
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit.value as Promise<AnalysisResults[A]>;
    }
    const value = this.d.runner.run({ analysis, filter, layer, version, now: now.toISOString() });
    const entry: Entry = { version, at: now.getTime(), value };
    this.cache.delete(key);
    this.cache.set(key, entry);
    // A failure is not kept: the next request tries again.
    value.catch(() => {
      if (this.cache.get(key) === entry) this.cache.delete(key);
    });
    while (this.cache.size > CACHE_ENTRIES) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
    return value;
  }

  private key(analysis: Analysis, f: ObservatoryFilter, layer: HotspotLayer): string {
    const forLayer = analysis === 'hotspots' ? layer : null;
    return JSON.stringify([analysis, f.from, f.to, f.type, f.areaId, forLayer]);
  }

  private fresh(e: Entry, version: string, now: Date): boolean {
    return e.version === version && now.getTime() - e.at < CACHE_TTL_MS;
  }

  close(): Promise<void> {
    this.cache.clear();
    return this.d.runner.close();
  }
}
