import { expect, test, type Browser, type Page } from '@playwright/test';
import { tFor, type Lang } from '../shared/i18n/index.js';
import { DESKTOP, PHONE, login } from './support/app.js';
import { expectNoAxeViolations } from './operator-console.js';
import { sizesFor } from './support/screens.js';

/**
 * An admin gives the observatory a new analyst from the console's "Personal" tab, and the
 * analyst signs in to it at once.
 */

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
  await page.locator('#tab-staff').click();
  await expect(page.locator('sac-staff-view tr[data-staff]').first()).toBeVisible();
  return page;
}

test('an admin creates an analyst, who signs in to the observatory', async ({ browser }) => {
  const page = await adminDesk(browser, 'es', 'desktop');
  const view = page.locator('sac-staff-view');
  // the demo's analyst is listed
  await expect(view.locator('tr[data-staff="analista1"]')).toContainText('Analista');

  await view.getByLabel('Nombre y apellido').fill('Lucía Ferreyra');
  await view.getByLabel('Usuario').fill('lferreyra');
  await view.getByLabel('Rol').selectOption('analyst');
  await view.getByLabel('Contraseña inicial').fill('mirador-norte-27');
  await view.getByRole('button', { name: 'Crear cuenta' }).click();
  await expect(view.getByRole('status')).toContainText(
    'Lucía Ferreyra ya puede entrar como lferreyra',
  );
  await expect(view.locator('tr[data-staff="lferreyra"]')).toContainText('Analista');

  // the same username again: a clear error, nothing lost from the form
  await view.getByLabel('Nombre y apellido').fill('Otra Persona');
  await view.getByLabel('Usuario').fill('lferreyra');
  await view.getByLabel('Contraseña inicial').fill('mirador-norte-28');
  await view.getByRole('button', { name: 'Crear cuenta' }).click();
  await expect(view.getByRole('status')).toContainText('Ese nombre de usuario ya existe');
  await expect(view.getByLabel('Nombre y apellido')).toHaveValue('Otra Persona');
  await page.context().close();

  const analyst = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await login(analyst, 'lferreyra', 'mirador-norte-27');
  await expect(analyst.locator('sac-observatory')).toBeVisible();
  await analyst.context().close();
});

for (const lang of ['es', 'en'] as const)
  for (const size of sizesFor(lang))
    test(`screens: staff accounts — ${lang}, ${size}`, async ({ browser }) => {
      const page = await adminDesk(browser, lang, size);
      const view = page.locator('sac-staff-view');
      await view.getByLabel(tFor(lang, 'staff.username')).fill('x');
      await view.getByLabel(tFor(lang, 'staff.name')).fill('Prueba Corta');
      await view.getByLabel(tFor(lang, 'staff.password')).fill('short');
      await page.screenshot({ path: `test-results/screens/staff-${lang}-${size}.png` });
      await expectNoAxeViolations(page);
      await page.context().close();
    });
