import * as Y from 'yjs';
import { db } from './db.js';
import { RECEIPT_FLOOR_MS } from './watchdog.js';

/** The Background Sync tag under which the service worker delivers pending changes. */
export const SYNC_TAG = 'sac-sync';

/** Rooms a phone writes to; area rooms are read-only and never posted. */
const writable = (room: string): boolean => !room.startsWith('area:');

function isEmpty(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
}

/**
 * One post that has not answered in this long is stuck on a dead connection (a flapping link
 * backs TCP's retransmissions off to minutes): give it up and try on a fresh one.
 */
const POST_TIMEOUT_MS = 15_000;
/** The worker keeps trying this long in one sync event (Chromium gives one a few minutes). */
const WORKER_TRIES_FOR_MS = 150_000;
const RETRY_MS = 2_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type FlushResult = { posted: number; refused: number };

/**
 * Posts every room's changes not yet covered by the server's `stored` receipt to
 * `POST /api/sync/<room>` and keeps the reply (the room's durable state, receipts
 * included) in IndexedDB, so they show on the next open (DESIGN §5). Runs in the service
 * worker with no page open; throws on network failure so the browser retries the sync.
 */
export async function flushPending(fetcher: typeof fetch = fetch): Promise<FlushResult> {
  const rooms = new Set((await db.updates.toArray()).map((r) => r.room));
  const result: FlushResult = { posted: 0, refused: 0 };
  for (const room of rooms) {
    if (!writable(room)) continue;
    const rows = await db.updates.where('room').equals(room).toArray();
    const merged = Y.mergeUpdates(rows.map((r) => r.data));
    const meta = await db.meta.get(room);
    const pending = meta ? Y.diffUpdate(merged, meta.stored) : merged;
    if (isEmpty(pending)) continue;
    const reply = await postUpdate(room, pending, fetcher, AbortSignal.timeout(POST_TIMEOUT_MS));
    if (reply === 'refused') {
      // Not ours to deliver (signed out, suspended, refused): the app shows it on open.
      result.refused++;
      continue;
    }
    await db.transaction('rw', db.updates, db.meta, async () => {
      await db.updates.add({ room, data: reply });
      await db.meta.put({ room, stored: Y.encodeStateVectorFromUpdate(reply) });
    });
    result.posted++;
  }
  return result;
}

/** The worker's open pages (`self.clients`), typed without the worker's lib. */
export interface OpenPages {
  matchAll(options: { type: 'window' }): Promise<readonly unknown[]>;
}

/**
 * The service worker's Background Sync. The page asks for it on every write, and Chromium runs
 * it at once when it thinks it is online: with a page open, whose socket and watchdog
 * (client/data/watchdog.ts) most likely deliver within a round trip or two, the worker waits
 * that long first, so a good link does not carry every write twice. Then it posts, and on a
 * flapping link keeps posting on fresh connections until it lands or the event runs out.
 */
export async function deliverPending(pages: OpenPages, fetcher: typeof fetch = fetch): Promise<void> {
  if ((await pages.matchAll({ type: 'window' })).length) await sleep(RECEIPT_FLOOR_MS);
  const until = Date.now() + WORKER_TRIES_FOR_MS;
  for (;;) {
    try {
      await flushPending(fetcher);
      return;
    } catch (error) {
      // Thrown, the browser retries the sync later (minutes): worth it only past our own tries.
      if (Date.now() > until) throw error;
      await sleep(RETRY_MS);
    }
  }
}

/**
 * One room's pending update over `POST /api/sync/<room>` (DESIGN §5). Returns the server's
 * reply (the room's durable state, receipts included), or `refused` when resending the same
 * bytes could never succeed; throws on network failure or a server error, to be retried.
 */
export async function postUpdate(
  room: string,
  update: Uint8Array,
  fetcher: typeof fetch = fetch,
  signal?: AbortSignal,
): Promise<Uint8Array | 'refused'> {
  const res = await fetcher(`/api/sync/${encodeURIComponent(room)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream' },
    body: new Uint8Array(update),
    signal,
  });
  // 400: bytes the server cannot read; 401/403: signed out, suspended or refused.
  if (res.status === 400 || res.status === 401 || res.status === 403) return 'refused';
  if (!res.ok) throw new Error(`sync ${room}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Asks the browser to run the sync when connectivity returns, even with the app closed. */
export async function requestBackgroundSync(): Promise<void> {
  try {
    const reg = await navigator.serviceWorker?.ready;
    await (reg as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } })
      ?.sync?.register(SYNC_TAG);
  } catch {
    // Not supported or not permitted: y-websocket still delivers when the app is open.
  }
}
