import { expect, test } from '@playwright/test';
import { login, newPhone, untilControlled } from './support/app.js';
import { opsRoom, record, until } from './support/resident.js';

/**
 * Background Sync (DESIGN §5): an alert raised with no signal is delivered by the
 * service worker while no page of the app is open, and the receipt it stored shows on the
 * next open, even before the page reaches the network.
 */
test('an alert raised offline is delivered with the app closed; the receipt shows on the next open', async ({
  browser,
}) => {
  const phone = await newPhone(browser);
  await phone.grantPermissions(['background-sync']);
  const page = await phone.newPage();
  await login(page, 'vecino14');
  await untilControlled(page);
  const ops = await opsRoom();

  // Offline from the start of this page's life: Chromium's offline mode does not cut a
  // WebSocket that is already open, and the alert must not leave through one.
  await phone.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('offline-banner')).toContainText(/sin conexión/i);
  await page.getByRole('button', { name: /alerta general/i }).click();
  await page.getByRole('button', { name: /enviar ahora/i }).click();
  const card = page.locator('li[data-alert]').first();
  await expect(card).toContainText(/guardada en este teléfono/i);
  const id = (await card.getAttribute('data-alert'))!;
  // The page asked the browser to sync when connectivity returns.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const reg = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
          sync: { getTags(): Promise<string[]> };
        };
        return reg.sync.getTags();
      }),
    )
    .toContain('sac-sync');

  // Close the app: no page, no socket. Only the service worker can deliver it now.
  await page.close();
  expect(phone.pages()).toHaveLength(0);
  expect(record(ops, 'alerts', id)).toBeUndefined();
  const started = Date.now();
  await phone.setOffline(false);
  await until(() => record(ops, 'alerts', id)?.get('status') === 'received', 20_000);
  console.log(`background sync delivered the alert ${Date.now() - started} ms after signal`);
  // The worker keeps the server's reply before the sync completes and its tag is dropped.
  await expect
    .poll(
      async () => {
        const worker = phone.serviceWorkers()[0];
        if (!worker) return 'no worker';
        return worker
          .evaluate(async () => {
            const reg = (self as unknown as { registration: ServiceWorkerRegistration })
              .registration as ServiceWorkerRegistration & {
              sync: { getTags(): Promise<string[]> };
            };
            return (await reg.sync.getTags()).join(',');
          })
          .catch(() => 'stopped');
      },
      { timeout: 15_000 },
    )
    .toBe('');

  // Next open, still without network: the receipt comes from what the worker stored.
  await phone.setOffline(true);
  const next = await phone.newPage();
  const opened = await next.goto('/');
  expect(opened?.fromServiceWorker()).toBe(true);
  const again = next.locator(`li[data-alert="${id}"]`);
  await expect(again).toContainText(/entregada al centro de monitoreo/i);
  await again.getByRole('link', { name: /ver seguimiento/i }).click();
  await expect(again.locator('li[data-step="received"]')).toContainText(/a las \d\d:\d\d/);
  await phone.setOffline(false);
  ops.close();
  await phone.close();
});
