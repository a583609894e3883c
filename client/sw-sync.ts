/// <reference lib="webworker" />
import { SYNC_TAG, deliverPending } from './data/outbox.js';
import { sendPendingPhotos } from './data/request-photos.js';

/**
 * Background Sync's code, apart from the service worker's script: it carries Yjs and Dexie
 * (about 170 KB of the 200 KB the worker was), and changes far less often than the list of
 * the release's files in sw.js. Built on its own as a hashed, immutable file (vite.config.ts)
 * and loaded by sw.js with `importScripts`, so a new release's sw.js stays a few KB and the
 * browser's update check finds this part in its HTTP cache.
 */
export interface SwSync {
  /** the Background Sync tag the page registers (client/data/outbox.ts) */
  tag: string;
  /** Delivers what the phone saved while offline; throws on no network, so the browser retries. */
  deliver(): Promise<void>;
}

declare const self: ServiceWorkerGlobalScope & { sacSync?: SwSync };

self.sacSync = {
  tag: SYNC_TAG,
  // Requests first: a request's photo is accepted only once the server has the request.
  deliver: () =>
    deliverPending(self.clients)
      .then(() => sendPendingPhotos())
      .then(() => undefined),
};
