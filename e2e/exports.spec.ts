import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { tFor, type Lang } from '../shared/i18n/index.js';
import { PHONE, login } from './support/app.js';
import { expectNoAxeViolations, openConsole } from './operator-console.js';

/**
 * The export screen as its two readers use it: an analyst from the observatory and an
 * operator from the console each download a year of alerts, and the file opens as a
 * spreadsheet would read it (byte order mark, header, accents intact). Screenshots go to
 * test-results/screens/ to be looked at.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const DESK = { width: 1280, height: 800 };
const view = (page: Page) => page.locator('sac-exports-view');

async function analystExports(browser: Browser, lang: Lang): Promise<Page> {
  const context = await browser.newContext({ viewport: DESK });
  await context.addInitScript((l) => localStorage.setItem('sac.lang', l), lang);
  const page = await context.newPage();
  await login(page, 'analista1');
  await page.locator('sac-observatory button[data-section="exports"]').click();
  await expect(
    view(page).getByRole('heading', { name: tFor(lang, 'exports.title') }),
  ).toBeVisible();
  return page;
}

/** Downloads through the link and returns the file's bytes and its suggested name. */
async function download(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    view(page)
      .getByRole('link', { name: /descargar|download/i })
      .click(),
  ]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
}

function spreadsheet(bytes: Buffer): { header: string[]; text: string } {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
  return { header: text.slice(0, text.indexOf('\r\n')).split(','), text };
}

test('an analyst downloads a year of alerts: no identities, no silent alert, accents intact', async ({
  browser,
}) => {
  const page = await analystExports(browser, 'es');
  await expect(view(page).locator('.scope')).toContainText(
    'Sin datos personales ni alertas silenciosas',
  );
  await view(page).getByRole('combobox', { name: 'Período' }).selectOption('12m');
  const types = view(page).getByRole('combobox', { name: 'Tipo de alerta' }).locator('option');
  await expect(types.first()).toHaveText('Todos los tipos');
  expect((await types.allTextContents()).join('|')).not.toContain('Violencia de género');
  const { name, bytes } = await download(page);
  expect(name).toMatch(/^sac-alertas-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const { header, text } = spreadsheet(bytes);
  expect(header.slice(0, 3)).toEqual(['id', 'type', 'type_label']);
  expect(header).not.toContain('reporter_name');
  expect(header).not.toContain('note');
  expect(text).toContain('Emergencia médica');
  expect(text).toMatch(/Hipódromo|Integración|Jardín/);
  expect(text).not.toContain('gender_violence');

  await page.screenshot({ path: 'test-results/screens/exports-es-desktop.png' });
  await expectNoAxeViolations(page);
  // A custom period longer than a year is refused on the screen, not by a failed download.
  await view(page).getByRole('combobox', { name: 'Período' }).selectOption('custom');
  await view(page).getByLabel('Desde').fill('2024-01-01');
  await view(page).getByLabel('Hasta').fill('2026-01-01');
  await view(page).getByLabel('Hasta').dispatchEvent('change');
  await expect(view(page).getByRole('alert')).toContainText('Como mucho un año');
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: 'test-results/screens/exports-es-phone.png', fullPage: true });
  await expectNoAxeViolations(page);
  await page.context().close();
});

test('an operator downloads the full records from the console, GeoJSON too', async ({
  browser,
}) => {
  const page = await (await browser.newContext({ viewport: DESK })).newPage();
  await openConsole(page, 'operador1');
  await page.locator('#tab-exports').click();
  await expect(view(page).locator('.scope')).toContainText('Registros completos');
  await view(page).getByRole('combobox', { name: 'Período' }).selectOption('12m');
  await page.screenshot({ path: 'test-results/screens/exports-operator-es-desktop.png' });
  await expectNoAxeViolations(page);
  const csv = await download(page);
  const { header, text } = spreadsheet(csv.bytes);
  expect(header).toContain('reporter_name');
  expect(header).toContain('note');
  // Silent alerts are in the operators' file, their reporter's columns empty.
  expect(text).toContain('Violencia de género');
  expect(text).toContain('Emergencia médica');

  await view(page).getByRole('combobox', { name: 'Formato' }).selectOption('geojson');
  await view(page).getByRole('combobox', { name: 'Datos' }).selectOption('requests');
  const geo = await download(page);
  expect(geo.name).toMatch(/^sac-pedidos-.*\.geojson$/);
  const fc = JSON.parse(geo.bytes.toString('utf8')) as { type: string; features: unknown[] };
  expect(fc.type).toBe('FeatureCollection');
  await page.context().close();
});

test('screens: exports in English, desktop and phone', async ({ browser }) => {
  const page = await analystExports(browser, 'en');
  await view(page).getByRole('combobox', { name: 'Data' }).selectOption('requests');
  await page.screenshot({ path: 'test-results/screens/exports-en-desktop.png' });
  await expectNoAxeViolations(page);
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: 'test-results/screens/exports-en-phone.png', fullPage: true });
  await expectNoAxeViolations(page);
  await page.context().close();
});
