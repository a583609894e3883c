import * as Y from 'yjs';
import { db } from './db.js';

/** The Background Sync tag under which the service worker delivers pending changes. */
export const SYNC_TAG = 'sac-sync';

/** Rooms a phone writes to; area rooms are read-only and never posted. */
const writable = (room: string): boolean => !room.startsWith('area:');

function isEmpty(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
}

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
    const res = await fetcher(`/api/sync/${encodeURIComponent(room)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(pending),
    });
    // 400: bytes the server cannot read; resending the same ones would never succeed.
    if (res.status === 400 || res.status === 401 || res.status === 403) {
      // Not ours to deliver (signed out, suspended, refused): the app shows it on open.
      result.refused++;
      continue;
    }
    if (!res.ok) throw new Error(`sync ${room}: ${res.status}`);
    const reply = new Uint8Array(await res.arrayBuffer());
    await db.transaction('rw', db.updates, db.meta, async () => {
      await db.updates.add({ room, data: reply });
      await db.meta.put({ room, stored: Y.encodeStateVectorFromUpdate(reply) });
    });
    result.posted++;
  }
  return result;
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
