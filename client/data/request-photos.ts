import { liveQuery } from 'dexie';
import * as Y from 'yjs';
import { PHOTO_LIMITS, requestPhotoUrl } from '../../shared/request-view.js';
import type { RequestPhotoView } from '../../shared/request-view.js';
import { call } from './api.js';
import { db, type PhotoRow } from './db.js';
import { requestBackgroundSync } from './outbox.js';

/**
 * A request's photo travels apart from the request: the request is a few hundred bytes in
 * the resident's room (Yjs, offline-first), the photo a file of a few hundred KB sent once
 * the server has the request. Until then it waits in IndexedDB beside the room, so a photo
 * taken with no signal is sent when signal returns, by the page or by the service worker's
 * Background Sync with the app closed.
 */

/** Kept on the phone before anything is sent; `fileRequest` calls it with the request's id. */
export async function keepPhoto(requestId: string, bytes: Uint8Array): Promise<void> {
  await db.photos.put({ requestId, bytes, type: 'image/jpeg' });
}

export type PhotoSendResult = { sent: number; waiting: number; refused: number };

/** Refusals that sending again would not change: shown to the resident, kept out of the queue. */
const FINAL = new Set([413, 415, 422]);

/**
 * Sends every photo still on the phone. 201 (stored) and 409 (the server has one already: an
 * earlier send whose answer was lost) both mean done. 404: the server does not have the
 * request yet; it stays for the next try. Throws when there is no network, so a Background
 * Sync is retried by the browser.
 */
export async function sendPendingPhotos(
  fetcher: typeof fetch = fetch,
  /** the page knows which requests the server has; the service worker tries them all */
  received: (requestId: string) => boolean = () => true,
): Promise<PhotoSendResult> {
  const result: PhotoSendResult = { sent: 0, waiting: 0, refused: 0 };
  for (const row of await db.photos.toArray()) {
    if (row.refused) continue;
    if (!received(row.requestId)) {
      result.waiting++;
      continue;
    }
    if (row.bytes.length > PHOTO_LIMITS.maxBytes) {
      await refuse(row, 'too_large');
      result.refused++;
      continue;
    }
    const res = await fetcher(requestPhotoUrl(row.requestId), {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'content-type': row.type },
      body: new Uint8Array(row.bytes),
    });
    if (res.ok || res.status === 409) {
      await db.photos.delete(row.requestId);
      result.sent++;
    } else if (FINAL.has(res.status)) {
      const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
      await refuse(row, body?.error?.code ?? String(res.status));
      result.refused++;
    } else {
      result.waiting++;
    }
  }
  return result;
}

async function refuse(row: PhotoRow, why: string): Promise<void> {
  await db.photos.update(row.requestId, { refused: why });
}

/**
 * The page's sender: tries whenever the resident's room changes (a receipt arrived) or the
 * browser comes back online, one pass at a time. With no network it leaves the photo to
 * Background Sync, which runs even after the app is closed.
 */
export function startPhotoSender(
  room: EventTarget,
  received: (requestId: string) => boolean,
): () => void {
  let running = false;
  let again = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        if ((await db.photos.count()) === 0) break;
        await sendPendingPhotos(fetch, received);
      } while (again);
    } catch {
      void requestBackgroundSync();
    } finally {
      running = false;
    }
  };
  const poke = () => void run();
  room.addEventListener('change', poke);
  addEventListener('online', poke);
  poke();
  return () => {
    room.removeEventListener('change', poke);
    removeEventListener('online', poke);
  };
}

/** Whether a room (`user:` or `unit:`) holds the request with the server's receipt. */
export const receivedIn =
  (doc: Y.Doc) =>
  (requestId: string): boolean => {
    const r = doc.getMap('requests').get(requestId);
    return r instanceof Y.Map && typeof r.get('receivedAt') === 'string';
  };

/** The photos still on this phone, for the list of requests, as they change. */
export function watchPhotosOnPhone(show: (rows: PhotoRow[]) => void): () => void {
  const sub = liveQuery(() => db.photos.toArray()).subscribe({ next: show, error: () => show([]) });
  return () => sub.unsubscribe();
}

/** An operator publishes a request's photo (audited on the server); the rooms show the result. */
export const publishRequestPhoto = (requestId: string) =>
  call<{ photo: RequestPhotoView }>(
    'POST',
    `/requests/${encodeURIComponent(requestId)}/photo/publish`,
  );
