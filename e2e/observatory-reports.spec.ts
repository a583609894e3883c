import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, PHONE, login } from './support/app.js';
import { expectNoAxeViolations } from './operator-console.js';
import { api, signIn } from './support/resident.js';
import type { HotspotResult } from '../shared/observatory.js';
import { lastFullMonth, lastFullWeek } from '../shared/report-periods.js';
import { viewportsFor } from './support/screens.js';

/**
 * The reports: the analyst's monthly report for the mayor, printed to PDF; the weekly one
 * opened straight from its address by an operator; the public page's added sections with its
 * own language switch. Screenshots go to test-results/screens/ to be looked at.
 */
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Argentina/Mendoza' }).format(new Date());
const MONTH_SECTIONS = ['numbers', 'hotspots', 'hours', 'response', 'dosage', 'perception'];
const WEEK_SECTIONS = ['types', 'emerging', 'response', 'dosage', 'requests'];
const report = (page: Page) => page.locator('sac-obs-reports article.report');
const part = (page: Page, id: string) =>
  page.locator(`sac-obs-reports [data-report-section="${id}"]`);

async function settled(page: Page): Promise<void> {
  await expect(page.locator('sac-obs-reports').getByRole('status')).toHaveCount(0, {
    timeout: 90_000,
  });
}

async function openMonth(page: Page, month: string): Promise<void> {
  await login(page, 'analista1');
  await page.getByRole('button', { name: /^(Informes|Reports)$/ }).click();
  await settled(page);
  await page.locator('sac-obs-reports input[name="month"]').fill(month);
  await page.locator('sac-obs-reports input[name="month"]').dispatchEvent('change');
  await expect(page).toHaveURL(new RegExp(`#/observatorio/informe/${month}$`));
  await settled(page);
}

test('the analyst prints the month report: every section with source, period, n and method', async ({
  browser,
}) => {
  const ctx = await browser.newContext({ viewport: DESKTOP });
  await ctx.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  const page = await ctx.newPage();
  const month = lastFullMonth(today());
  await openMonth(page, month);
  await expect(report(page).getByRole('heading', { level: 1 })).toContainText(
    /Informe mensual de seguridad · .+ · \w+ de \d{4}/,
  );
  for (const id of MONTH_SECTIONS) {
    await expect(part(page, id)).toBeVisible();
    // each says what it has, or plainly that there is nothing, and its meta line
    await expect(part(page, id).locator('.meta').first()).toContainText(
      /Fuente:.*Período:.*n = .*Método:/s,
    );
  }
  await expect(part(page, 'numbers')).toContainText('incidentes registrados en el mes');
  await expect(part(page, 'numbers')).toContainText('Mes anterior');
  await expect(part(page, 'hotspots').locator('svg.report-map rect').first()).toBeAttached();
  await expect(part(page, 'hours').locator('table.hours')).toBeVisible();
  const colophon = part(page, 'colophon');
  await expect(colophon).toContainText('Reglas de privacidad aplicadas');
  await expect(colophon).toContainText('alertas silenciosas');
  await expect(colophon.locator('dd .meta')).toHaveCount(6);
  await page.screenshot({ path: 'test-results/screens/reports-month-desktop-es.png' });

  await page.getByRole('button', { name: 'Imprimir / Guardar como PDF' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  // On paper: no header, no observatory title, no controls; the report alone.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('sac-header')).toBeHidden();
  await expect(page.locator('sac-obs-reports .controls')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Observatorio' })).toBeHidden();
  await expect(report(page)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/reports-month-print.png', fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  fs.writeFileSync('test-results/screens/reports-month.pdf', pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThan(1);
  await page.emulateMedia({ media: 'screen' });
  await expectNoAxeViolations(page);
  await ctx.close();
});

test('an operator opens the week report from its address', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: DESKTOP });
  const page = await ctx.newPage();
  const monday = lastFullWeek(today());
  await login(page, 'operador1');
  await page.goto(`/#/observatorio/semana/${monday}`);
  await page.reload();
  await settled(page);
  await expect(report(page).getByRole('heading', { level: 1 })).toContainText('Informe semanal');
  await expect(page.locator('sac-obs-reports input[name="week"]')).toHaveValue(monday);
  for (const id of WEEK_SECTIONS) {
    await expect(part(page, id)).toBeVisible();
    await expect(part(page, id).locator('.meta').first()).toContainText(/Fuente:.*n = /s);
  }
  await expect(part(page, 'types').locator('tbody tr')).toHaveCount(5);
  await expect(part(page, 'types')).toContainText('Promedio de las 4 semanas previas');
  await page.screenshot({
    path: 'test-results/screens/reports-week-desktop-es.png',
    fullPage: true,
  });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('sac-operator-home .bar')).toBeHidden();
  await page.screenshot({ path: 'test-results/screens/reports-week-print.png', fullPage: true });
  await ctx.close();
});

for (const lang of ['es', 'en'] as const) {
  for (const [device, viewport] of viewportsFor(lang)) {
    test(`report screens: ${lang} ${device}`, async ({ browser }) => {
      const ctx = await browser.newContext({ viewport });
      const page = await ctx.newPage();
      await login(page, 'analista1');
      if (lang === 'en') await page.getByRole('button', { name: 'English', exact: true }).click();
      await page.getByRole('button', { name: /^(Informes|Reports)$/ }).click();
      await settled(page);
      await expect(part(page, 'numbers')).toBeVisible();
      await page.screenshot({ path: `test-results/screens/reports-${device}-${lang}.png` });
      await report(page).screenshot({
        path: `test-results/screens/reports-full-${device}-${lang}.png`,
      });
      await expectNoAxeViolations(page);
      await ctx.close();
    });
  }
}

test("an area's public month shows incidents by type and week, response times and requests", async ({
  browser,
}) => {
  const analyst = await signIn('analista1');
  const hot = await api<HotspotResult>('/api/observatory/hotspots', { token: analyst.token });
  const areaId = [...hot.cells].sort((a, b) => b.z - a.z)[0]?.areaId ?? 'area-1';
  const month = lastFullMonth(today());
  for (const [device, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    const ctx = await browser.newContext({ viewport });
    const page = await ctx.newPage();
    await page.goto(`/#/barrio/${areaId}/${month}`);
    const area = page.locator('sac-public-area');
    await expect(area.getByRole('status')).toHaveCount(0, { timeout: 90_000 });
    for (const fig of ['public-types', 'public-weeks', 'public-response', 'public-requests'])
      await expect(area.locator(`[data-figure="${fig}"] .meta`)).toBeVisible();
    for (const text of await area.locator('[data-figure="public-types"] td').allTextContents())
      if (!/menos de/.test(text)) expect(Number(text.replace(/\D/g, ''))).toBeGreaterThanOrEqual(5);
    await page.screenshot({
      path: `test-results/screens/reports-public-${device}-es.png`,
      fullPage: true,
    });
    await expectNoAxeViolations(page);
    // No app header here: the page's own switch changes the language.
    await area.getByRole('button', { name: /English/ }).click();
    await expect(area.getByRole('heading', { name: 'Incidents by type' })).toBeVisible();
    await page.screenshot({
      path: `test-results/screens/reports-public-${device}-en.png`,
      fullPage: true,
    });
    await expectNoAxeViolations(page);
    await area.getByRole('button', { name: /Español/ }).click();
    await ctx.close();
  }
});
