import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, login } from './support/app.js';
import { expectNoAxeViolations, openConsole } from './operator-console.js';
import { viewportsFor } from './support/screens.js';

/**
 * Other sources as the analyst uses them: import a 911 sample (CSV), see it listed with its
 * provenance and drawn by cells, try a file with bad rows and read their lines, delete the
 * import. Operators read only. Screenshots go to test-results/screens/ to be looked at.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);
const sources = (page: Page) => page.locator('sac-obs-sources');
const NAME = 'Llamadas al 911 — prueba';

async function openSources(page: Page, who = 'analista1'): Promise<void> {
  if (who === 'analista1') await login(page, who);
  else {
    await openConsole(page, who);
    await page.getByRole('tab', { name: 'Observatorio' }).click();
  }
  await page.locator('sac-observatory button[data-section="sources"]').click();
  await expect(sources(page).locator('li.source').first()).toBeVisible({ timeout: 30_000 });
}

async function fillForm(page: Page, file: string, name: string): Promise<void> {
  const s = sources(page);
  await s.locator('#src-file').setInputFiles(fixture(file));
  await s.locator('#src-name').fill(name);
  await s.locator('#src-provider').fill('Centro 911 (muestra de prueba)');
  await s.locator('#src-licence').fill('CC-BY-4.0');
  await s.locator('#src-from').fill('2026-01-01');
  await s.locator('#src-to').fill('2026-12-31');
  await s.locator('#src-kind').selectOption('incidents');
  await s.locator('#src-precision').selectOption('block');
  await s.getByRole('button', { name: 'Importar' }).click();
}

test('the analyst imports a CSV, sees it on the map, reads a bad file’s lines and deletes', async ({
  browser,
}) => {
  const desk = await browser.newContext({ viewport: DESKTOP });
  const page = await desk.newPage();
  await openSources(page);
  const s = sources(page);
  // The demo's own imports, with their provenance.
  await expect(s.locator('li.source')).toHaveCount(2);
  await expect(s).toContainText('Datos de demostración');

  await fillForm(page, 'llamadas-911-muestra.csv', NAME);
  await expect(s.locator('.outcome.ok')).toContainText(`Se importó «${NAME}»: 40 registros.`);
  const item = s.locator('li.source', { hasText: NAME });
  await expect(item).toContainText('Centro 911 (muestra de prueba)');
  await expect(item).toContainText('cuadra');
  await expect(item).toContainText('Importada por analista1');

  await item.getByRole('button', { name: 'Ver en el mapa' }).click();
  const map = s.locator('[data-figure="source-map"]');
  await expect(map.getByRole('heading')).toContainText(NAME);
  await expect(map.locator('.meta')).toContainText('Registros importados');
  await expect(map.locator('.meta')).toContainText('n = 40');
  await expect(map.locator('path.leaflet-interactive').first()).toBeVisible();
  await page.screenshot({
    path: 'test-results/screens/sources-map-desktop-es.png',
    fullPage: true,
  });
  await expectNoAxeViolations(page);

  // A file with bad rows: nothing stored, each line named.
  await fillForm(page, 'llamadas-911-con-errores.csv', 'Con errores');
  const rejected = s.locator('[data-rejection]');
  await expect(rejected).toContainText('No se importó nada: 5 filas con problemas');
  await expect(rejected.locator('li')).toHaveText([
    'línea 3: falta la latitud o la longitud',
    'línea 4: la latitud o la longitud no es un número válido',
    'línea 5: el punto está fuera de la ciudad',
    'línea 6: la fecha está fuera del período declarado',
    'línea 7: la fecha no se entiende (AAAA-MM-DD o DD/MM/AAAA HH:MM)',
  ]);
  await expect(s.locator('li.source', { hasText: 'Con errores' })).toHaveCount(0);
  await rejected.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/sources-rejected-desktop-es.png' });
  await expectNoAxeViolations(page);

  // Delete, after saying yes.
  await item.getByRole('button', { name: 'Borrar' }).click();
  await expect(item.getByRole('alertdialog')).toContainText('40 registros');
  await item.getByRole('button', { name: 'Sí, borrar' }).click();
  await expect(s.locator('li.source', { hasText: NAME })).toHaveCount(0);
  await expect(s).toContainText(`Se borró «${NAME}».`);
  await desk.close();
});

test('an import can be drawn beneath the hot spots of "where and when"', async ({ browser }) => {
  const desk = await browser.newContext({ viewport: DESKTOP });
  const page = await desk.newPage();
  await login(page, 'analista1');
  const where = page.locator('sac-obs-where [data-figure="map"]');
  await where
    .locator('select[name="overlay"]')
    .selectOption({ label: 'Llamadas al 911 (muestra)' });
  const caption = where.locator('[data-overlay]');
  await expect(caption).toContainText('Llamadas al 911 (muestra)');
  await expect(caption.locator('.meta')).toContainText('Registros importados');
  await expect(caption.locator('.meta')).not.toContainText('n = 0');
  await expect(where.locator('path[stroke="#3f007d"]').first()).toBeVisible();
  await where.screenshot({ path: 'test-results/screens/sources-overlay-desktop-es.png' });
  await expectNoAxeViolations(page);
  await desk.close();
});

test('an operator reads the imports but may not import or delete', async ({ browser }) => {
  const desk = await browser.newContext({ viewport: DESKTOP });
  const page = await desk.newPage();
  await openSources(page, 'operador1');
  const s = sources(page);
  await expect(s.locator('li.source')).toHaveCount(2);
  await expect(s.locator('#src-file')).toHaveCount(0);
  await expect(s.getByRole('button', { name: 'Borrar' })).toHaveCount(0);
  await s.getByRole('button', { name: 'Ver en el mapa' }).first().click();
  await expect(s.locator('[data-figure="source-map"] .meta')).toContainText('n = ');
  await desk.close();
});

for (const lang of ['es', 'en'] as const) {
  for (const [device, viewport] of viewportsFor(lang)) {
    test(`screens: ${lang} ${device}`, async ({ browser }) => {
      const ctx = await browser.newContext({ viewport });
      const page = await ctx.newPage();
      await openSources(page);
      if (lang === 'en') await page.getByRole('button', { name: 'English', exact: true }).click();
      const s = sources(page);
      await s
        .getByRole('button', { name: lang === 'es' ? 'Ver en el mapa' : 'Show on map' })
        .last()
        .click();
      await expect(s.locator('[data-figure="source-map"] .meta')).toContainText('n = ');
      await page.mouse.move(0, 0);
      const name = (view: string) => `test-results/screens/sources-${view}-${device}-${lang}.png`;
      await page.screenshot({ path: name('top') });
      await s.locator('[data-figure="source-map"]').scrollIntoViewIfNeeded();
      await s.locator('[data-figure="source-map"]').screenshot({ path: name('map') });
      await s.locator('#src-file').setInputFiles(fixture('llamadas-911-con-errores.csv'));
      await s.locator('#src-name').fill('x');
      await s.locator('#src-provider').fill('x');
      await s.locator('#src-licence').fill('x');
      await s.locator('#src-from').fill('2026-01-01');
      await s.locator('#src-to').fill('2026-12-31');
      await s.getByRole('button', { name: lang === 'es' ? 'Importar' : 'Import' }).click();
      await expect(s.locator('[data-rejection] li')).toHaveCount(5);
      await s.locator('sac-obs-source-form').screenshot({ path: name('form') });
      await expectNoAxeViolations(page);
      await ctx.close();
    });
  }
}
