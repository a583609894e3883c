import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, login } from './support/app.js';
import { expectNoAxeViolations } from './operator-console.js';
import { viewportsFor } from './support/screens.js';

/**
 * "Were the fixed points visited as planned, and for how long?": the analyst opens Patrullaje
 * on the demo's eight weeks of programme and reads planned versus done, the dwell band and
 * the residual curve with its caveat. Screenshots go to test-results/screens/ to be looked at.
 */
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const figure = (page: Page, name: string) => page.locator(`sac-obs-patrol [data-figure="${name}"]`);

async function openPatrol(page: Page, lang: 'es' | 'en' = 'es'): Promise<void> {
  await login(page, 'analista1');
  await expect(page.getByRole('heading', { level: 1, name: /observatorio/i })).toBeVisible();
  if (lang === 'en') {
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Observatory' })).toBeVisible();
  }
  await page
    .getByRole('button', { name: lang === 'es' ? 'Patrullaje' : 'Patrol', exact: true })
    .click();
  await expect(page.locator('sac-obs-patrol').getByRole('status')).toHaveCount(0, {
    timeout: 60_000,
  });
}

test('the analyst sees planned versus done and the dwell band', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: DESKTOP });
  const page = await ctx.newPage();
  await openPatrol(page);
  const done = figure(page, 'patrol');
  await expect(done.locator('[data-done]')).toContainText(/Se hicieron [\d.]+ de [\d.]+ visitas/);
  await expect(done.locator('table.visits').first().locator('tbody tr')).toHaveCount(10);
  await expect(done.locator('[data-row="unit-1"]')).toContainText('Móvil 1');
  await expect(done.locator('[data-row="night"]')).toContainText('Noche');
  await expect(done.locator('.meta')).toContainText(/Fuente:.*Período:.*n = /s);
  expect(await done.getByRole('link', { name: /CSV/ }).getAttribute('href')).toMatch(
    /^\/api\/observatory\/dosage\.csv\?from=/,
  );

  const dwell = figure(page, 'dwell');
  await expect(dwell.locator('[data-dwell]')).toContainText('entre 10 y 16 minutos');
  await expect(dwell.getByRole('img')).toHaveAttribute('aria-label', /franja de 10 a 16/);
  await expect(dwell.locator('rect.band')).toHaveCount(1);
  await expect(dwell.locator('line.plan')).toHaveCount(1);

  const residual = figure(page, 'residual');
  await expect(residual.locator('table.residual tbody tr')).toHaveCount(8);
  await expect(residual.getByRole('note')).toContainText('horas más activas');
  await expect(residual.locator('.meta')).toContainText('150 m');
  await expectNoAxeViolations(page);
  await ctx.close();
});

for (const lang of ['es', 'en'] as const) {
  for (const [device, viewport] of viewportsFor(lang)) {
    test(`patrol screens: ${lang} ${device}`, async ({ browser }) => {
      const ctx = await browser.newContext({ viewport });
      const page = await ctx.newPage();
      await openPatrol(page, lang);
      await page.mouse.move(0, 0);
      const name = (view: string) =>
        `test-results/screens/observatory-patrol-${view}-${device}-${lang}.png`;
      await page.screenshot({ path: name('top') });
      for (const view of ['patrol', 'dwell', 'residual']) {
        await figure(page, view).scrollIntoViewIfNeeded();
        await figure(page, view).screenshot({ path: name(view) });
      }
      await expectNoAxeViolations(page);
      await ctx.close();
    });
  }
}
