import { expect, test, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { PushSink, type SinkSubscription } from '../server/push/testing/push-sink.js';
import { TestSyncClient, until } from '../server/testing/sync-client.js';
import { raiseAlert } from '../server/push/testing/alerts.js';
import { startPushServer, type SpawnedServer } from './support/push-server.js';
import { expectAccessible, login } from './support/app.js';

// Set by playwright.config.ts (e2e/support/ports.ts), like the shared server's port.
const PORT = Number(process.env.E2E_PUSH_PORT);
let sink: PushSink;
let server: SpawnedServer;

test.beforeAll(async () => {
  sink = await new PushSink().start();
  server = await startPushServer(PORT, { certFile: sink.certFile, allow: sink.origin });
});
test.afterAll(async () => {
  await server?.stop();
  await sink?.close();
});

async function api<T>(path: string, init: { token?: string; json?: unknown } = {}): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method: init.json === undefined ? 'GET' : 'POST',
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.json === undefined ? null : JSON.stringify(init.json),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

type Session = { token: string; user: { id: string } };
const signIn = (username: string, password = 'demo1234') =>
  api<Session>('/api/auth/login', { json: { username, password } });

/**
 * A real `pushManager.subscribe()` waits forever for a push service that is not there
 * (TOOLCHAIN.md); this one returns the test sink's subscription, with keys the test holds.
 */
async function stubPushManager(context: BrowserContext, sub: SinkSubscription): Promise<void> {
  await context.addInitScript((s: SinkSubscription) => {
    const bytes = (v: string) =>
      Uint8Array.from(atob(v.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)).buffer;
    let current: PushSubscription | null = null;
    PushManager.prototype.getSubscription = async () => current;
    PushManager.prototype.subscribe = async (options?: PushSubscriptionOptionsInit) => {
      const key = options?.applicationServerKey;
      current = {
        endpoint: s.endpoint,
        expirationTime: null,
        options: {
          userVisibleOnly: true,
          applicationServerKey: key instanceof Uint8Array ? new Uint8Array(key).buffer : null,
        },
        getKey: (name: PushEncryptionKeyName) =>
          bytes(s.keys[name === 'p256dh' ? 'p256dh' : 'auth']),
        toJSON: () => ({ endpoint: s.endpoint, expirationTime: null, keys: s.keys }),
        unsubscribe: async () => ((current = null), true),
      } as PushSubscription;
      return current;
    };
  }, sub);
}

/**
 * The service worker's registration id, which `deliverPushMessage` needs, once its worker is
 * activated: a push sent to a registration still installing (the precache, on a first visit)
 * is dropped without an error.
 */
async function registrationId(page: Page, cdp: CDPSession, scope: string): Promise<string> {
  await page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active!;
    if (worker.state === 'activated') return;
    await new Promise((done) =>
      worker.addEventListener('statechange', () => worker.state === 'activated' && done(null)),
    );
  });
  let id: string | null = null;
  cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => {
    for (const r of e.registrations)
      if (r.scopeURL === scope && !r.isDeleted) id = r.registrationId;
  });
  await cdp.send('ServiceWorker.enable');
  await until(() => id !== null, 10_000);
  return id!;
}

test('a neighbour is asked after signing in, subscribes, and sees the alert as a notification', async ({
  browser,
}) => {
  // A neighbour of vecino1 (the demo city has one resident per area).
  const reporter = await signIn('vecino1');
  const home = (await api<{ home: { lat: number; lng: number } }>('/api/me', reporter)).home;
  const reg = await api<{ user: { id: string } }>('/api/auth/register', {
    json: {
      username: 'vecina.push',
      password: 'una-clave-larga',
      name: 'Rosa Quiroga',
      phone: '+54 261 555 0142',
      address: 'Tomba 100',
      home: { lat: home.lat + 0.001, lng: home.lng },
    },
  });
  const op = await signIn('operador1');
  await api(`/api/users/${reg.user.id}/approve`, { token: op.token, json: {} });

  const context = await browser.newContext({ baseURL: server.url });
  await stubPushManager(context, sink.subscribe('neighbour'));
  const page = await context.newPage();
  await page.goto('/');
  // Never on first load: the login screen asks for nothing.
  await expect(page.getByRole('heading', { name: /^avisos en est/i })).toHaveCount(0);
  await login(page, 'vecina.push', 'una-clave-larga');
  // This browser says it is a computer (e2e/push-device.spec.ts words each device).
  const card = page.getByRole('region', { name: /avisos en esta computadora/i });
  await expect(card).toBeVisible();
  await expectAccessible(page);

  await context.grantPermissions(['notifications'], { origin: server.url });
  const posted = page.waitForResponse(
    (r) => r.url().endsWith('/api/push/subscriptions') && r.request().method() === 'POST',
  );
  await card.getByRole('button', { name: 'Activar' }).click();
  expect((await posted).status()).toBe(201);
  await expect(card).toHaveCount(0);

  const cdp = await context.newCDPSession(page);
  const regId = await registrationId(page, cdp, `${server.url}/`);

  // vecino1 raises a general alert at home; the server pushes to the sink, which decrypts it.
  const own = new TestSyncClient(server.url, `user:${reporter.user.id}`, reporter.token);
  await until(() => own.synced);
  const started = Date.now();
  const alertId = raiseAlert(own, 'general', home);
  await until(() => sink.for('neighbour').length === 1, 10_000);
  console.log(`alert-to-push (e2e, at the push service): ${Date.now() - started} ms`);
  own.close();

  const message = sink.for('neighbour')[0]!.payload as { title: string; tag: string; body: string };
  expect(message.tag).toBe(alertId);
  const deliver = (data: unknown) =>
    cdp.send('ServiceWorker.deliverPushMessage', {
      origin: server.url,
      registrationId: regId,
      data: JSON.stringify(data),
    });
  const shown = () =>
    page.evaluate(async () => {
      const r = await navigator.serviceWorker.ready;
      return (await r.getNotifications()).map((n) => ({
        title: n.title,
        body: n.body,
        tag: n.tag,
        // White on transparent: Android draws a badge from its alpha channel only.
        badge: new URL(n.badge).pathname,
      }));
    });
  // DevTools' delivery stands in for the push service, and once in a CI run it reached no
  // push handler (nothing shown, no error; not reproduced in 11 runs here, 5 of them under
  // load). That is the test's scaffolding, so it delivers once more: the tag is the alert
  // id, so a second delivery replaces the first in place and the assertion stays exact.
  await deliver(message);
  const waited = Date.now();
  while ((await shown()).length === 0 && Date.now() - waited < 5_000)
    await page.waitForTimeout(100);
  if ((await shown()).length === 0) {
    console.log('the first delivery showed nothing; delivering again');
    await deliver(message);
  }
  await expect
    .poll(shown)
    .toEqual([
      { title: message.title, body: message.body, tag: alertId, badge: '/icons/badge-96.png' },
    ]);
  expect(message.title).toMatch(/^Alerta general — /);
  console.log(`notification shown: ${message.title} / ${message.body}`);

  // A later message for the same alert replaces the notification in place.
  await deliver({ ...message, body: 'actualizada', renotify: false });
  await expect
    .poll(shown)
    .toEqual([
      { title: message.title, body: 'actualizada', tag: alertId, badge: '/icons/badge-96.png' },
    ]);
  await context.close();
});
