import { expect, test } from '@playwright/test';
import { expectAccessible, login, newPhone } from './support/app.js';
import { opsRoom, record, tapMap, until } from './support/resident.js';

/** The resident at phone size: neighbour requests, online and offline. */

test('neighbour requests: filed online and offline, answered by the municipality', async ({
  browser,
}) => {
  const phone = await newPhone(browser);
  const page = await phone.newPage();
  await login(page, 'vecino13');
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
  const ops = await opsRoom();
  await page.getByRole('link', { name: 'Pedidos' }).click();
  await page.getByRole('button', { name: 'Nuevo pedido' }).click();
  await page.getByLabel('Alumbrado público').check();
  await page
    .getByLabel('Descripción')
    .fill('La luminaria de la esquina está apagada hace una semana');
  await tapMap(page);
  await expect(page.getByText(/lugar marcado: -32\.\d+/i)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Enviar pedido' }).click();
  const first = page.locator('li[data-request]').first();
  await expect(first).toContainText(/alumbrado público/i);
  await expect(first).toContainText(/recibido por el municipio/i);
  const id = (await first.getAttribute('data-request'))!;

  // Offline: saved on the phone, survives a reload, delivered when the signal returns.
  // (Reloaded offline first: Chromium's offline mode leaves an open WebSocket working.)
  await phone.setOffline(true);
  await page.reload();
  await page.getByRole('button', { name: 'Nuevo pedido' }).click();
  await page.getByLabel('Residuos').check();
  await page.getByLabel('Descripción').fill('Bolsas rotas en la vereda');
  await page.getByRole('button', { name: 'Enviar pedido' }).click();
  const offline = page.locator('li[data-request]').first();
  await expect(offline).toContainText(/guardado en este teléfono/i);
  const id2 = (await offline.getAttribute('data-request'))!;
  await page.reload();
  await expect(page.locator(`li[data-request="${id2}"]`)).toContainText(
    /guardado en este teléfono/i,
  );
  await phone.setOffline(false);
  await expect(page.locator(`li[data-request="${id2}"]`)).toContainText(
    /recibido por el municipio/i,
    {
      timeout: 15_000,
    },
  );

  // The municipality answers in ops; the resident sees status and reply.
  await until(() => record(ops, 'requests', id) !== undefined, 10_000);
  expect(record(ops, 'requests', id)?.get('source')).toBe('resident');
  ops.doc.transact(() => {
    record(ops, 'requests', id)!.set('status', 'in_progress');
    record(ops, 'requests', id)!.set('reply', 'La cuadrilla pasa el jueves.');
  });
  const answered = page.locator(`li[data-request="${id}"]`);
  await expect(answered).toContainText(/en curso/i);
  await expect(answered).toContainText(/la cuadrilla pasa el jueves/i);
  await answered.getByText(/novedades/i).click();
  await expect(answered).toContainText(/en curso — la cuadrilla/i);

  // Withdrawn by the resident: operators see it.
  await page
    .locator(`li[data-request="${id2}"]`)
    .getByRole('button', { name: /retirar/i })
    .click();
  await expect(page.locator(`li[data-request="${id2}"]`)).toContainText(/retirado por vos/i);
  await until(() => typeof record(ops, 'requests', id2)?.get('cancelledAt') === 'string', 10_000);
  await expectAccessible(page);
  ops.close();
  await phone.close();
});
