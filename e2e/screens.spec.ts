import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, PHONE, expectAccessible, login, newPhone } from './support/app.js';

/** Every screen, at phone and desktop size, in Spanish and English: looked at and axe-checked. */
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

for (const [size, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
  test(`login and resident screens, ${size}`, async ({ browser }) => {
    const context = await browser.newContext({
      viewport,
      permissions: ['geolocation'],
      geolocation: { latitude: -32.93, longitude: -68.85 },
    });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { name: /ingresá/i })).toBeVisible();
    await shot(page, `login-${size}`);
    await expectAccessible(page);

    await login(page, 'vecino5');
    await page.getByRole('button', { name: /emergencia médica/i }).click();
    await shot(page, `resident-countdown-${size}`);
    await expectAccessible(page);
    await page.getByRole('button', { name: /enviar ahora/i }).click();
    await expect(page.locator('li[data-alert]').first()).toContainText(/entregada/i);
    await shot(page, `resident-home-${size}`);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect(page.getByRole('heading', { name: /what is happening/i })).toBeVisible();
    await shot(page, `resident-home-en-${size}`);
    await context.close();
  });

  test(`operator queue, ${size}`, async ({ browser }) => {
    const phone = await newPhone(browser);
    const resident = await phone.newPage();
    await login(resident, 'vecino6');
    for (const type of [/alerta general/i, /robo de bicicleta/i]) {
      await resident.getByRole('button', { name: type }).click();
      await resident.getByRole('button', { name: /enviar ahora/i }).click();
    }
    await resident.getByRole('button', { name: /violencia de género/i }).click();
    await expect(page0(resident)).toBeVisible();

    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await login(page, 'operador3');
    await expect(page.locator('tr[data-alert]').nth(2)).toBeVisible();
    await shot(page, `operator-queue-${size}`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await shot(page, `operator-queue-en-${size}`);
    await context.close();
    await phone.close();
  });
}

const page0 = (page: Page) => page.getByText(/listo/i);
