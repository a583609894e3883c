import type { Services } from '../../services.js';
import { CACHE_TTL_MS } from '../service.js';

/** Answers kept per server and figure: each is a few tens of KB. */
const ENTRIES = 32;

interface Entry {
  version: string;
  at: number;
  value: Promise<unknown>;
}

const caches = new WeakMap<Services, Map<string, Entry>>();

/**
 * A figure computed on the main thread, kept while the data's version is unchanged and at most
 * the observatory's cache age (a crew's step adds no row the version sees; five minutes late is
 * nothing for a monthly figure): a meeting's ten tablets opening it cost one computation. A
 * failure is not kept.
 */
export function memo<T>(s: Services, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(s);
  if (!cache) caches.set(s, (cache = new Map()));
  const version = s.storage.observatory.version();
  const now = s.observatory.now().getTime();
  const hit = cache.get(key);
  if (hit && hit.version === version && now - hit.at < CACHE_TTL_MS) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  const entry: Entry = { version, at: now, value };
  cache.delete(key);
  cache.set(key, entry);
  value.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  while (cache.size > ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return value;
}
