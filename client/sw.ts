/// <reference lib="webworker" />
import { CacheFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { Precache, type PrecacheEntry } from './sw-precache.js';
import type { SwSync } from './sw-sync.js';
import { postSubscription, serverKey } from './data/push.js';
import { isPushMessage } from '../shared/push-message.js';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: PrecacheEntry[];
  sacSync?: SwSync;
};

/** The release's files (injected at build time), and Background Sync's code among them. */
const MANIFEST = self.__WB_MANIFEST;
const SYNC_SCRIPT = MANIFEST.find((e) => /^assets\/sw-sync-[\w-]+\.js$/.test(e.url));
// Only while the script first runs may it import others; the browser keeps them with it.
if (SYNC_SCRIPT) importScripts(`/${SYNC_SCRIPT.url}`);
const precache = new Precache(
  MANIFEST.filter((e) => e !== SYNC_SCRIPT),
  self.location.origin,
);

/**
 * A new version waits. Taking over at once would delete the kept chunks an open page still
 * imports (a screen not yet opened would fail to load) and swap the app under someone
 * writing an alert. The page shows "New version available" and, once the person accepts,
 * posts SKIP_WAITING (client/data/app-update.ts); a first install has nothing to replace
 * and activates at once, and claims the open page so it works offline without a reload.
 * KEEP: the page, once usable, names the files its role needs (client/data/warm.ts).
 */
self.addEventListener('install', (event) => event.waitUntil(precache.install()));
self.addEventListener('activate', (event) =>
  event.waitUntil(precache.activate().then(() => self.clients.claim())),
);
self.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown; urls?: unknown } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
  if (data?.type === 'KEEP' && Array.isArray(data.urls)) {
    const urls = data.urls.filter((u): u is string => typeof u === 'string');
    const reply = event.ports[0];
    event.waitUntil(precache.keepAll(urls).finally(() => reply?.postMessage('kept')));
  }
});

/**
 * Map tiles, from whatever server `city.tiles` names: kept once fetched, so the
 * neighbourhood map still shows streets with no signal. Bounded in count and age so a
 * phone's storage does not fill with a city's worth of zoom levels.
 */
const TILE_PATH = /\/\d+\/\d+\/\d+(@2x)?\.(png|jpe?g|webp)$/;
const tiles = new CacheFirst({
  cacheName: 'sac-tiles',
  plugins: [
    new ExpirationPlugin({
      maxEntries: 2000,
      maxAgeSeconds: 30 * 86_400,
      purgeOnQuotaError: true,
    }),
  ],
});

/** Never through the worker: the API, sync, devices and metrics always go to the network. */
const NETWORK = /^\/(api|sync|devices|metrics|healthz)(\/|$)/;

/**
 * The route table (STYLE.md): the kept shell for every navigation, so the app opens with no
 * network; the release's own files from the cache; tiles cache-first; everything else (the
 * API and auth above all, never a stale answer) straight to the network.
 */
self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (request.destination === 'image' && TILE_PATH.test(url.pathname)) {
    event.respondWith(tiles.handle({ event, request }));
    return;
  }
  if (url.origin !== self.location.origin || NETWORK.test(url.pathname)) return;
  const navigation = request.mode === 'navigate';
  event.respondWith(
    precache
      .respond(url, navigation)
      .then((res) => res ?? fetch(request))
      .catch(() => fetch(request)),
  );
});

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

/** Background Sync: deliver what the phone saved while offline, even with the app closed. */
self.addEventListener('sync', (event) => {
  const e = event as SyncEvent;
  const sync = self.sacSync;
  if (sync && e.tag === sync.tag) e.waitUntil(sync.deliver());
});

/**
 * Web Push (DESIGN §6). The server writes each message for its recipient (text in their
 * language, only what they may see), so the worker shows it as it is. One notification per
 * alert: the tag is the alert id, so a status change replaces the earlier one in place.
 */
self.addEventListener('push', (event) => {
  let data: unknown = null;
  try {
    data = event.data?.json();
  } catch {
    data = null;
  }
  if (!isPushMessage(data)) return;
  const options: NotificationOptions & { renotify: boolean; actions: NotificationAction[] } = {
    body: data.body,
    icon: '/icons/icon-192.png',
    // Android draws the badge from its alpha channel alone: an opaque icon is a white square.
    badge: '/icons/badge-96.png',
    tag: data.tag,
    renotify: data.renotify,
    data: { url: data.url },
    actions: [{ action: 'open', title: data.action }],
  };
  event.waitUntil(self.registration.showNotification(data.title, options));
});

interface NotificationAction {
  action: string;
  title: string;
}

/** A click (on the body or on "open") focuses an open window of the app, or opens one. */
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const raw = (event.notification.data as { url?: unknown } | null)?.url;
  const url = new URL(
    typeof raw === 'string' && raw.startsWith('/') ? raw : '/',
    self.location.origin,
  );
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((w) => new URL(w.url).origin === url.origin);
      if (open) {
        await open.focus();
        if (open.url !== url.href) await open.navigate(url.href).catch(() => null);
        return;
      }
      await self.clients.openWindow(url.href);
    })(),
  );
});

interface PushSubscriptionChangeEvent extends ExtendableEvent {
  readonly newSubscription: PushSubscription | null;
  readonly oldSubscription: PushSubscription | null;
}

/**
 * The push service rotated or expired the subscription: subscribe again with the server's
 * key and tell the server, so alerts keep arriving even if the app is not opened for weeks.
 */
self.addEventListener('pushsubscriptionchange', (event) => {
  const e = event as PushSubscriptionChangeEvent;
  e.waitUntil(
    (async () => {
      const sub =
        e.newSubscription ??
        (await self.registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: await serverKey(),
        }));
      await postSubscription(
        sub,
        self.navigator.language.toLowerCase().startsWith('en') ? 'en' : 'es',
      );
    })().catch(() => undefined),
  );
});
