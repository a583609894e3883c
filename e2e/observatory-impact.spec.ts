import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, login } from './support/app.js';
import { expectNoAxeViolations, openConsole } from './operator-console.js';
import { viewportsFor } from './support/screens.js';

/**
 * "Did the fixed points reduce robberies, and did they move next door?": the analyst opens
 * "Antes y después", runs the proposed evaluation and reads the verdict; starts a randomised
 * trial (after the confirmation) and ends it; an operator reads the trial panel only.
 * Screenshots go to test-results/screens/ to be looked at.
 */
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const impact = (page: Page) => page.locator('sac-obs-impact');
const trials = (page: Page) => page.locator('sac-obs-trials');

async function openImpact(page: Page, user = 'analista1'): Promise<void> {
  if (user === 'analista1') await login(page, user);
  else {
    await openConsole(page, user);
    await page.getByRole('tab', { name: 'Observatorio' }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: /observatorio/i })).toBeVisible();
  await page.locator('[data-section="impact"]').click();
  await expect(impact(page).getByRole('heading', { level: 2 }).first()).toContainText(
    /puntos fijos/i,
  );
}

/** The proposed date (the first plan), or eight weeks ago when the demo has no plan yet. */
async function runDefault(page: Page): Promise<void> {
  const date = impact(page).locator('input[name="interventionDate"]');
  if ((await date.inputValue()) === '') {
    const d = new Date(Date.now() - 55 * 86_400_000).toISOString().slice(0, 10);
    await date.fill(d);
    await date.dispatchEvent('change');
  }
  await impact(page)
    .getByRole('button', { name: /calcular|compute/i })
    .click();
  await expect(impact(page).locator('[data-verdict]')).toBeVisible({ timeout: 60_000 });
}

test('the analyst runs the default evaluation and reads the verdict in words', async ({
  browser,
}) => {
  const desk = await browser.newContext({ viewport: DESKTOP });
  const page = await desk.newPage();
  await openImpact(page);
  await runDefault(page);
  const verdict = impact(page).locator('[data-verdict]');
  await expect(verdict.locator('[data-part="local"] strong')).toHaveText(
    /Reducción|Aumento|Sin cambio claro/,
  );
  await expect(verdict.locator('[data-part="buffer"] strong')).toHaveText(
    /Difusión de beneficios|Desplazamiento|Sin cambio claro/,
  );
  // With the programme's plans on record the demo reads a reduction at the fixed points.
  const noPlans = await impact(page).locator('[data-warning="no_plan_points"]').count();
  if (noPlans === 0)
    await expect(verdict.locator('[data-part="local"] strong')).toHaveText('Reducción');
  await expect(impact(page).locator('table.impact tbody tr[data-set="treated"]')).toHaveCount(1);
  await expect(impact(page).locator('table.impact tbody tr[data-set="control"]')).toHaveCount(1);
  await expect(impact(page).locator('.meta')).toContainText(/Wheeler/);
  await expect(impact(page).locator('.meta')).toContainText(/Fuente:.*Período:.*n = /s);
  await page.screenshot({ path: 'test-results/screens/impact-default-desktop-es.png' });
  await expectNoAxeViolations(page);

  // Cells marked on the map: the treated set is what she marked.
  await impact(page).locator('select[name="treated"]').selectOption('cells');
  const map = impact(page).locator('sac-map .map');
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(impact(page).getByRole('button', { name: /Tratadas \(1\)/ })).toBeVisible();
  await impact(page).getByRole('button', { name: 'Calcular' }).click();
  await expect(impact(page).locator('[data-set="treated"] td').first()).toHaveText('1', {
    timeout: 60_000,
  });
  await desk.close();
});

test('the analyst starts a trial after confirming, reads its arms and seed, and ends it', async ({
  browser,
}) => {
  const desk = await browser.newContext({ viewport: DESKTOP });
  const page = await desk.newPage();
  await openImpact(page);
  await runDefault(page);
  const panel = trials(page);
  await expect(panel.locator('[data-no-trial]')).toBeVisible();
  await panel.getByLabel(/semilla/i).fill('20261205');
  await panel.getByRole('button', { name: 'Iniciar un ensayo' }).click();
  await expect(panel.getByText(/próximo turno/)).toBeVisible();
  await panel.locator('.confirm').scrollIntoViewIfNeeded();
  await panel.screenshot({ path: 'test-results/screens/impact-trial-confirm-desktop-es.png' });
  await panel.getByRole('button', { name: 'Sí, iniciar' }).click();
  await expect(panel.locator('[data-running]')).toContainText('semilla 20261205');
  await expect(panel.locator('[data-running]')).toContainText(
    /Tratamiento: \d+ celdas · Control: \d+ celdas/,
  );
  await panel.screenshot({ path: 'test-results/screens/impact-trial-running-desktop-es.png' });
  await expectNoAxeViolations(page);

  // Evaluating the trial: its arms become the treated cells and the control.
  await panel.getByRole('button', { name: 'Evaluar este ensayo' }).first().click();
  await expect(impact(page).locator('[data-set="control"] th')).toContainText(
    'brazo de control del ensayo',
    { timeout: 60_000 },
  );

  await panel.getByRole('button', { name: 'Terminar el ensayo' }).click();
  await panel.getByRole('button', { name: 'Sí, terminar' }).click();
  await expect(panel.locator('[data-no-trial]')).toBeVisible();
  await expect(panel.getByText(/semilla 20261205/)).toBeVisible(); // among the earlier trials
  await desk.close();
});

test('an operator reads the trial panel but cannot start one', async ({ browser }) => {
  const desk = await browser.newContext({ viewport: DESKTOP });
  const page = await desk.newPage();
  await openImpact(page, 'operador1');
  await expect(trials(page).locator('[data-read-only]')).toBeVisible();
  await expect(trials(page).getByRole('button', { name: 'Iniciar un ensayo' })).toHaveCount(0);
  await desk.close();
});

for (const lang of ['es', 'en'] as const) {
  for (const [device, viewport] of viewportsFor(lang)) {
    test(`screens: ${lang} ${device}`, async ({ browser }) => {
      const ctx = await browser.newContext({ viewport });
      const page = await ctx.newPage();
      await openImpact(page);
      if (lang === 'en') {
        await page.getByRole('button', { name: 'English', exact: true }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Observatory' })).toBeVisible();
      }
      await runDefault(page);
      await page.mouse.move(0, 0);
      const name = (view: string) => `test-results/screens/impact-${view}-${device}-${lang}.png`;
      await impact(page)
        .locator('[data-figure="impact"]')
        .screenshot({ path: name('section') });
      await trials(page).scrollIntoViewIfNeeded();
      await trials(page).screenshot({ path: name('trials') });
      await page.screenshot({ path: name('top') });
      await expectNoAxeViolations(page);
      await ctx.close();
    });
  }
}
