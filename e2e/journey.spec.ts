import { expect, test } from '@playwright/test';
import { login, newDesk, newPhone, untilControlled } from './support/app.js';

/**
 * The foundation's journey: an alert travels from a resident's phone to the operator's
 * screen, online and offline, exactly once.
 */
test('a resident raises an alert and the operator sees it within 2 s', async ({ browser }) => {
  const desk = await newDesk(browser);
  const operator = await desk.newPage();
  await login(operator, 'operador1');
  await expect(operator.getByRole('heading', { name: /alertas en curso/i })).toBeVisible();

  const phone = await newPhone(browser);
  const resident = await phone.newPage();
  await login(resident, 'vecino1');
  await resident.getByRole('button', { name: /alerta general/i }).click();
  await expect(resident.getByRole('alertdialog')).toBeVisible();
  const started = Date.now();
  await resident.getByRole('button', { name: /enviar ahora/i }).click();

  const row = operator.locator('tr[data-alert]').first();
  await expect(row).toBeVisible({ timeout: 2000 });
  console.log(`alert-to-operator: ${Date.now() - started} ms`);
  await expect(row).toContainText(/alerta general/i);
  await expect(resident.locator('li[data-alert]').first()).toContainText(
    /entregada al centro de monitoreo/i,
  );
  await phone.close();
  await desk.close();
});

test('an alert raised with no network survives a reload and is delivered once', async ({
  browser,
}) => {
  const desk = await newDesk(browser);
  const operator = await desk.newPage();
  await login(operator, 'operador2');

  const phone = await newPhone(browser);
  const resident = await phone.newPage();
  await login(resident, 'vecino2');
  await untilControlled(resident);

  await phone.setOffline(true);
  await expect(resident.getByTestId('offline-banner')).toContainText(/sin conexión/i);
  await resident.getByRole('button', { name: /incendio/i }).click();
  await resident.getByRole('button', { name: /enviar ahora/i }).click();
  const card = resident.locator('li[data-alert]').first();
  await expect(card).toContainText(/guardada en este teléfono/i);
  await expect(resident.getByRole('link', { name: /llamar al 911/i })).toHaveAttribute(
    'href',
    'tel:911',
  );
  const id = await card.getAttribute('data-alert');

  const reloaded = await resident.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(resident.locator(`li[data-alert="${id}"]`)).toContainText(
    /guardada en este teléfono/i,
  );
  await expect(operator.locator(`tr[data-alert="${id}"]`)).toHaveCount(0);

  await phone.setOffline(false);
  await expect(resident.locator(`li[data-alert="${id}"]`)).toContainText(
    /entregada al centro de monitoreo/i,
    { timeout: 15_000 },
  );
  await expect(operator.locator(`tr[data-alert="${id}"]`)).toHaveCount(1);
  // Exactly once: a second copy would show as a second row with the same id.
  await operator.waitForTimeout(500);
  await expect(operator.locator(`tr[data-alert="${id}"]`)).toHaveCount(1);
  await phone.close();
  await desk.close();
});
