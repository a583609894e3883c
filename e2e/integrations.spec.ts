import { expect, test, type Browser, type Page } from '@playwright/test';
import { tFor, type Lang } from '../shared/i18n/index.js';
import { PHONE, login } from './support/app.js';
import { expectNoAxeViolations } from './operator-console.js';
import { sizesFor } from './support/screens.js';

/**
 * An admin issues an API key for the city's 311 tool from the console's "Integraciones" tab,
 * sees it once, the key files an Open311 request, and once revoked it files no more.
 */

const DESKTOP = { width: 1280, height: 800 };

async function adminDesk(browser: Browser, lang: Lang, size: 'phone' | 'desktop'): Promise<Page> {
  const context = await browser.newContext({ viewport: size === 'phone' ? PHONE : DESKTOP });
  await context.addInitScript((l) => localStorage.setItem('sac.lang', l), lang);
  const page = await context.newPage();
  await login(page, 'admin');
  await expect(page.locator('sac-operator-home')).toBeVisible();
  await page
    .getByRole('button', { name: /ahora no|not now/i })
    .click({ timeout: 3000 })
    .catch(() => undefined);
  await page.locator('#tab-integrations').click();
  await expect(page.locator('sac-integrations-view h1')).toBeVisible();
  return page;
}

const filing = (key: string) => ({
  api_key: key,
  service_code: 'street_lighting',
  lat: '-32.9275',
  long: '-68.845',
  description: 'Columna de alumbrado caída',
});

test('an admin issues a key, sees it once, it files a request, and revoked it files none', async ({
  browser,
}) => {
  const page = await adminDesk(browser, 'es', 'desktop');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const view = page.locator('sac-integrations-view');

  await view.getByLabel('Sistema que la usa').fill('Mesa de ayuda 147');
  await expect(view.getByLabel('Cargar pedidos de vecinos (Open311)')).toBeChecked();
  await view.getByRole('button', { name: 'Emitir clave' }).click();
  await expect(view.getByText('no la vas a ver de nuevo')).toBeVisible();
  const key = (await view.locator('[data-key]').textContent())!.trim();
  expect(key).toMatch(/^sac_/);
  await view.getByRole('button', { name: 'Copiar clave' }).click();
  await expect(view.getByText('Copiada.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  // Once dismissed, the key is gone from the screen for good: the list shows its prefix only.
  await view.getByRole('button', { name: 'Ya la copié' }).click();
  await expect(view.locator('[data-key]')).toHaveCount(0);
  const row = view.locator('tr[data-client="Mesa de ayuda 147"]');
  await expect(row).toContainText(key.slice(0, 10));
  await expect(row).not.toContainText(key);
  await expect(row).toContainText('Activa');

  const filed = await page.request.post('/open311/v2/requests.json', { form: filing(key) });
  expect(filed.status()).toBe(201);
  const [made] = (await filed.json()) as { service_request_id: string }[];
  const read = await page.request.get(`/open311/v2/requests/${made!.service_request_id}.xml`);
  expect(await read.text()).toContain('<status>open</status>');

  // The request is in the operators' queue under the client's name; the reply goes public.
  await page.locator('#tab-requests').click();
  const queued = page.locator(`tr[data-request="${made!.service_request_id}"]`);
  await expect(queued).toContainText('cargado por Mesa de ayuda 147 (Open311)');
  await queued.locator('button').click();
  await expect(page.getByText('se publican como datos abiertos')).toBeVisible();
  await page.getByRole('button', { name: /^visto$/i }).click();
  await page.getByLabel(/respuesta al vecino/i).fill('La cuadrilla de alumbrado va el martes.');
  await page.getByRole('button', { name: /enviar respuesta/i }).click();
  await page.screenshot({ path: 'test-results/screens/integrations-request-es-desktop.png' });
  await expectNoAxeViolations(page);
  await expect
    .poll(async () =>
      (await page.request.get(`/open311/v2/requests/${made!.service_request_id}.json`)).text(),
    )
    .toContain('La cuadrilla de alumbrado va el martes.');

  await page.locator('#tab-integrations').click();
  await row.getByRole('button', { name: 'Revocar la clave de Mesa de ayuda 147' }).click();
  await expect(row).toContainText('Deja de funcionar en el acto');
  await row.getByRole('button', { name: 'Revocar', exact: true }).click();
  await expect(row).toContainText('Revocada el');

  const refused = await page.request.post('/open311/v2/requests.json', { form: filing(key) });
  expect(refused.status()).toBe(403);
  await page.context().close();
});

for (const lang of ['es', 'en'] as const)
  for (const size of sizesFor(lang))
    test(`screens: integrations — ${lang}, ${size}`, async ({ browser }) => {
      const page = await adminDesk(browser, lang, size);
      const view = page.locator('sac-integrations-view');
      await view.getByLabel(tFor(lang, 'integrations.name')).fill(`Defensa Civil ${size} ${lang}`);
      await view.getByLabel(tFor(lang, 'integrations.scope.cap')).check();
      await view.getByRole('button', { name: tFor(lang, 'integrations.issue') }).click();
      await expect(view.locator('[data-key]')).toBeVisible();
      await page.screenshot({ path: `test-results/screens/integrations-${lang}-${size}-key.png` });
      await expectNoAxeViolations(page);
      await view.getByRole('button', { name: tFor(lang, 'integrations.done') }).click();
      await view
        .locator('tr[data-client]')
        .first()
        .getByRole('button', { name: tFor(lang, 'integrations.revoke') })
        .click();
      await page.screenshot({ path: `test-results/screens/integrations-${lang}-${size}.png` });
      await expectNoAxeViolations(page);
      await page.context().close();
    });
