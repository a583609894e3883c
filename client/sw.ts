/// <reference lib="webworker" />
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import { clientsClaim } from 'workbox-core';
import { CacheFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { SYNC_TAG, deliverPending } from './data/outbox.js';
import { sendPendingPhotos } from './data/request-photos.js';
import { postSubscription, serverKey } from './data/push.js';
import { isPushMessage } from '../shared/push-message.js';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: { url: string; revision: string | null }[];
};

/**
 * A new version waits. Taking over at once would delete the precached chunks an open page
 * still imports (a screen not yet opened would fail to load) and swap the app under
 * someone writing an alert. The page shows "New version available" and, once the person
 * accepts, posts SKIP_WAITING (client/data/app-update.ts); a first install has nothing to
 * replace and activates at once. `clientsClaim` makes a first install control the open page,
 * so it works offline without a reload.
 */
self.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
});
clientsClaim();

/**
 * The route table (STYLE.md): the precached shell for every navigation, so the app opens
 * with no network; the API and auth always go to the network (never a stale answer).
 */
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/^\/api\//, /^\/sync\//, /^\/devices\//, /^\/metrics/, /^\/healthz/],
  }),
);
registerRoute(({ url }) => url.pathname.startsWith('/api/'), new NetworkOnly(), 'GET');
registerRoute(({ url }) => url.pathname.startsWith('/api/'), new NetworkOnly(), 'POST');

/**
 * Map tiles, from whatever server `city.tiles` names: kept once fetched, so the
 * neighbourhood map still shows streets with no signal. Bounded in count and age so a
 * phone's storage does not fill with a city's worth of zoom levels.
 */
const TILE_PATH = /\/\d+\/\d+\/\d+(@2x)?\.(png|jpe?g|webp)$/;
registerRoute(
  ({ request, url }) => request.destination === 'image' && TILE_PATH.test(url.pathname),
  new CacheFirst({
    cacheName: 'sac-tiles',
    plugins: [
      new ExpirationPlugin({
        maxEntries: 2000,
        maxAgeSeconds: 30 * 86_400,
        purgeOnQuotaError: true,
      }),
    ],
  }),
);

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

/** Background Sync: deliver what the phone saved while offline, even with the app closed. */
self.addEventListener('sync', (event) => {
  const e = event as SyncEvent;
  // Requests first: a request's photo is accepted only once the server has the request.
  if (e.tag === SYNC_TAG)
    e.waitUntil(
      deliverPending(self.clients)
        .then(() => sendPendingPhotos())
        .then(() => undefined),
    );
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
