import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, login } from './support/app.js';
import { expectNoAxeViolations } from './operator-console.js';
import { viewportsFor } from './support/screens.js';

/**
 * "Are we within 7 minutes?" and "where do people feel unsafe?" as the analyst asks them on
 * the demo: response times with their grouping switch, perception per place with its
 * quadrant. Screenshots go to test-results/screens/ to be looked at.
 */
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const figure = (page: Page, name: string) =>
  page.locator(`sac-observatory [data-figure="${name}"]`);

async function settled(page: Page): Promise<void> {
  await expect(page.locator('sac-observatory').getByRole('status')).toHaveCount(0, {
    timeout: 60_000,
  });
}

async function openSection(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name }).click();
  await settled(page);
}

test('the analyst reads the share within 7 minutes, then groups by shift and by unit', async ({
  browser,
}) => {
  const ctx = await browser.newContext({ viewport: DESKTOP });
  const page = await ctx.newPage();
  await login(page, 'analista1');
  await settled(page);
  await openSection(page, /tiempos de respuesta/i);
  const head = figure(page, 'response');
  await expect(head.getByRole('heading', { name: '¿Llegamos en 7 minutos?' })).toBeVisible();
  await expect(head.locator('[data-share]')).toHaveText(/^\d+ %$/);
  await expect(head.locator('[data-headline]')).toContainText('IC 95 %');
  await expect(head.locator('[data-apart]')).toContainText('falsas alarmas');
  await expect(head.locator('[data-recent]')).toContainText('Últimas 4 semanas');
  await expect(head.locator('[data-stages] tbody tr')).toHaveCount(5);
  await expect(head.getByRole('img')).toHaveAttribute('aria-label', /Mediana semanal/);
  await expect(head.locator('.meta')).toContainText(/Fuente:.*Período:.*n = /s);

  const groups = figure(page, 'response-groups');
  await expect(groups.locator('[data-groups] tbody tr').first()).toBeVisible();
  await groups.getByRole('button', { name: 'Turno' }).click();
  await settled(page);
  await expect(groups.locator('[data-groups] tbody tr')).toHaveCount(3);
  await expect(groups.locator('[data-groups]')).toContainText('Noche');
  await groups.getByRole('button', { name: 'Móvil' }).click();
  await settled(page);
  await expect(groups.locator('[data-groups]')).toContainText('Móvil 1');
  const csv = groups.getByRole('link', { name: /CSV/ });
  expect(await csv.getAttribute('href')).toMatch(/^\/api\/observatory\/response\.csv\?.*by=unit/);
  expect((await page.request.get((await csv.getAttribute('href'))!)).status()).toBe(200);
  await expectNoAxeViolations(page);

  await openSection(page, /percepción/i);
  const perception = figure(page, 'perception');
  await expect(perception.locator('[data-total]')).toContainText(/No: \d+ %/);
  await expect(perception.getByRole('list', { name: 'Referencias' })).toContainText(
    'Menos de 10 respuestas',
  );
  const quadrant = figure(page, 'quadrant');
  await expect(quadrant.locator('[data-kind="unsafe_few"] li').first()).toBeVisible();
  await perception.getByLabel('Pregunta').selectOption('street_lighting');
  await expect(perception.locator('[data-total]')).toContainText(/No: \d+ %/);
  await expectNoAxeViolations(page);
  await ctx.close();
});

for (const lang of ['es', 'en'] as const) {
  for (const [device, viewport] of viewportsFor(lang)) {
    test(`screens: response and perception, ${lang} ${device}`, async ({ browser }) => {
      const ctx = await browser.newContext({ viewport });
      const page = await ctx.newPage();
      await login(page, 'analista1');
      await settled(page);
      if (lang === 'en') {
        await page.getByRole('button', { name: 'English', exact: true }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Observatory' })).toBeVisible();
      }
      const name = (view: string) =>
        `test-results/screens/observatory-${view}-${device}-${lang}.png`;
      await openSection(page, lang === 'es' ? /tiempos de respuesta/i : /response times/i);
      await page.mouse.move(0, 0);
      await figure(page, 'response').screenshot({ path: name('response') });
      await figure(page, 'response-groups').screenshot({ path: name('response-groups') });
      await expectNoAxeViolations(page);
      await openSection(page, lang === 'es' ? /percepción/i : /perception/i);
      await page.mouse.move(0, 0);
      await figure(page, 'perception').screenshot({ path: name('perception') });
      await figure(page, 'quadrant').screenshot({ path: name('quadrant') });
      await expectNoAxeViolations(page);
      await ctx.close();
    });
  }
}
