/// <reference lib="webworker" />

/**
 * The service worker's copy of the app. The install fetches only what a resident needs to
 * open and raise an alert offline (entries marked `core` at build time, client/precache-
 * core.ts), all at once, each with a stall timeout and retries: one stalled connection
 * on a flapping link cannot hold the install, and there is no chain of round trips. Every
 * other file of the release is kept the first time it passes through the worker, or when
 * the page asks after sign-in (client/data/warm.ts), never before the app works.
 *
 * One cache for all releases: hashed files are keyed by their URL (two releases share what
 * did not change), the others by URL and revision. A waiting release adds its files beside
 * the running one's; only its activation removes what it no longer lists, so a page of the
 * running release keeps loading its screens until the person accepts the update.
 */
export interface PrecacheEntry {
  url: string;
  revision: string | null;
  core?: boolean;
}

export const APP_CACHE = 'sac-app';
/** No byte for this long and the connection counts as stalled: drop it and open another. */
const STALL_MS = 15_000;
/** Tries per file in the install (a fresh connection each), with these waits between. */
const RETRY_WAITS_MS = [1_000, 3_000, 8_000];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A fetch that gives up when no byte arrives for `stallMs` (a slow link that moves is fine;
 * a dead one is not). The body is read here so a stall in the middle counts too.
 */
export async function fetchUnlessStalled(url: string, stallMs = STALL_MS): Promise<Response> {
  const abort = new AbortController();
  let timer = setTimeout(() => abort.abort(), stallMs);
  const alive = () => {
    clearTimeout(timer);
    timer = setTimeout(() => abort.abort(), stallMs);
  };
  try {
    const res = await fetch(url, { signal: abort.signal, credentials: 'same-origin' });
    if (!res.ok || !res.body) return res;
    const reader = res.body.getReader();
    const parts: BlobPart[] = [];
    for (;;) {
      alive();
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
    }
    // The body is decoded now: the wire's encoding and length no longer describe it.
    const headers = new Headers(res.headers);
    headers.delete('content-encoding');
    headers.delete('content-length');
    return new Response(new Blob(parts), { status: res.status, headers });
  } finally {
    clearTimeout(timer);
  }
}

export class Precache {
  /** path ('/assets/x.js') → cache key */
  private readonly keys = new Map<string, string>();
  private readonly core: string[] = [];

  constructor(
    entries: readonly PrecacheEntry[],
    private readonly origin: string,
  ) {
    for (const e of entries) {
      const path = `/${e.url.replace(/^\//, '')}`;
      this.keys.set(path, new URL(e.revision ? `${path}?__rev=${e.revision}` : path, origin).href);
      if (e.core) this.core.push(path);
    }
  }

  /** The install: every core file, side by side. Throws (the install fails) if one cannot come. */
  async install(): Promise<void> {
    const cache = await caches.open(APP_CACHE);
    await Promise.all(this.core.map((path) => this.keep(cache, path, RETRY_WAITS_MS)));
  }

  /** Once this release runs: drop what it does not list, and the caches of older workers. */
  async activate(): Promise<void> {
    const cache = await caches.open(APP_CACHE);
    const wanted = new Set(this.keys.values());
    for (const request of await cache.keys())
      if (!wanted.has(request.url)) await cache.delete(request);
    for (const name of await caches.keys())
      if (name.startsWith('workbox-precache')) await caches.delete(name);
  }

  /** Keeps files the page already has (copied from the HTTP cache); unknown paths are ignored. */
  async keepAll(paths: readonly string[]): Promise<void> {
    const cache = await caches.open(APP_CACHE);
    await Promise.all(
      [...new Set(paths)]
        .filter((p) => this.keys.has(p))
        .map((p) => this.keep(cache, p, []).catch(() => undefined)),
    );
  }

  /** The answer for a file of this release (or the shell, for a navigation), or null if not ours. */
  async respond(url: URL, navigation: boolean): Promise<Response | null> {
    if (url.origin !== this.origin) return null;
    const path = navigation || url.pathname === '/' ? '/index.html' : url.pathname;
    const key = this.keys.get(path);
    if (!key) return null;
    const cache = await caches.open(APP_CACHE);
    const hit = await cache.match(key);
    if (hit) return hit;
    const res = await fetch(path, { credentials: 'same-origin' });
    if (res.ok) await cache.put(key, res.clone()).catch(() => undefined);
    return res;
  }

  private async keep(cache: Cache, path: string, waits: readonly number[]): Promise<void> {
    const key = this.keys.get(path);
    if (!key || (await cache.match(key))) return;
    for (let attempt = 0; ; attempt++) {
      let failure: unknown;
      let final = attempt >= waits.length;
      try {
        const res = await fetchUnlessStalled(path);
        if (res.ok) return await cache.put(key, res);
        failure = new Error(`${path}: ${res.status}`);
        // Gone from the server (a deploy meanwhile): asking again will not bring it back.
        final ||= res.status < 500;
      } catch (error) {
        failure = error;
      }
      if (final) throw failure;
      await sleep(waits[attempt] ?? 0);
    }
  }
}
