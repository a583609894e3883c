import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, PHONE, login } from './support/app.js';
import { expectNoAxeViolations, openConsole } from './operator-console.js';
import { api, signIn } from './support/resident.js';
import type { HotspotResult } from '../shared/observatory.js';
import { viewportsFor } from './support/screens.js';

/**
 * The Observatorio as the mayor's analyst and the night operator use it, on the demo's year
 * of alerts: hot spots, emerging patterns, the hour × weekday table with the 03–07 gap, the
 * trends, the exports; the silent counts only for staff. Screenshots go to
 * test-results/screens/ to be looked at.
 */
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const section = (page: Page, name: string) =>
  page.locator(`sac-observatory [data-figure="${name}"]`);

/** Waits until every figure on screen has answered (no "Calculando…" left). */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('sac-observatory').getByRole('status')).toHaveCount(0, {
    timeout: 60_000,
  });
}

async function openAsAnalyst(page: Page): Promise<void> {
  await login(page, 'analista1');
  await expect(
    page.getByRole('heading', { level: 1, name: /observatorio|observatory/i }),
  ).toBeVisible();
  await settled(page);
}

test('the analyst lands on the observatory: hot spots, emergence, hours with the gap, trends', async ({
  browser,
}) => {
  const desk = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
  const page = await desk.newPage();
  await openAsAnalyst(page);
  await expect(page.locator('sac-header')).toContainText('Analista');
  // No notifications for an analyst, and no console.
  await expect(page.locator('sac-push-prompt section')).toHaveCount(0);
  await expect(page.locator('sac-operator-home')).toHaveCount(0);
  await expect(page.getByRole('tab')).toHaveCount(0);

  // The year's hot spots, with the legend and every figure's source, period, n and method.
  const map = section(page, 'map');
  await expect(map.getByRole('heading', { name: /puntos calientes/i })).toBeVisible();
  await expect(map.getByRole('list', { name: 'Referencias' })).toContainText('Caliente 99 %');
  await expect(map.locator('.meta')).toContainText('Getis–Ord Gi*');
  for (const name of ['map', 'hours', 'trends'])
    await expect(section(page, name).locator('.meta')).toContainText(/Fuente:.*Período:.*n = /s);

  // The hour × weekday table, Monday first, with the hours no fixed point covers.
  const hours = section(page, 'hours');
  const heads = hours.locator('table.hours thead th');
  await expect(heads.nth(1)).toContainText('Lunes');
  await expect(heads.nth(7)).toContainText('Domingo');
  await expect(hours.locator('[data-gap]')).toContainText('03:00–07:00');
  await expect(hours.locator('tr.uncovered')).toHaveCount(4);

  // The trends: the change against a year earlier, a chart named for screen readers, a table.
  const trends = section(page, 'trends');
  await expect(trends.locator('[data-change]')).toContainText('incidentes');
  await expect(trends.getByRole('img')).toHaveAttribute('aria-label', /intervalo del 95/);
  await expect(trends.locator('canvas').first()).toBeVisible();
  await trends.getByText('Ver las cifras en una tabla').click();
  await expect(trends.locator('details tbody tr').first()).toBeVisible();

  // Analysts never see the silent alerts' counts, and the server refuses them too.
  await expect(section(page, 'silent')).toHaveCount(0);
  expect((await page.request.get('/api/observatory/silent')).status()).toBe(403);
  await expectNoAxeViolations(page);

  // Exports: a CSV of the hours and the hot-spot layer as GeoJSON, with the filter on screen.
  const csvLink = hours.getByRole('link', { name: /CSV/ });
  expect(await csvLink.getAttribute('href')).toMatch(
    /^\/api\/observatory\/hours\.csv\?from=\d{4}-\d{2}-\d{2}&to=/,
  );
  const [csv] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
  const csvText = fs.readFileSync((await csv.path())!, 'utf8');
  expect(csvText.split('\n').length).toBeGreaterThan(2);
  const csvRes = await page.request.get((await csvLink.getAttribute('href'))!);
  expect(csvRes.headers()['content-type']).toMatch(/^text\/csv/);

  const geoLink = map.getByRole('link', { name: /GeoJSON/ });
  expect(await geoLink.getAttribute('href')).toContain('layer=count');
  const [geo] = await Promise.all([page.waitForEvent('download'), geoLink.click()]);
  const geoText = fs.readFileSync((await geo.path())!, 'utf8');
  expect(JSON.parse(geoText)).toMatchObject({ type: 'FeatureCollection' });
  const geoRes = await page.request.get((await geoLink.getAttribute('href'))!);
  expect(geoRes.headers()['content-type']).toMatch(/^application\/(geo\+)?json/);

  // The other layers: per registered household, and weighted by harm.
  for (const layer of ['Tasa por hogar registrado', 'Daño ponderado']) {
    await map.getByLabel('Capa').selectOption({ label: layer });
    await settled(page);
    await expect(map.locator('.meta')).toContainText(/n = /);
    expect(await map.getByRole('link', { name: /GeoJSON/ }).getAttribute('href')).toMatch(
      /layer=(rate|harm)/,
    );
  }

  // The emerging patterns: a second map mode with the eight patterns, hot and cold.
  await map.getByRole('button', { name: 'Patrones emergentes' }).click();
  await settled(page);
  await expect(map.getByRole('heading', { name: /patrones emergentes/i })).toBeVisible();
  await expect(map.locator('.legend li')).toHaveCount(16);
  await expect(map.locator('.meta')).toContainText('Mann–Kendall');
  await expectNoAxeViolations(page);

  // Choosing an area offers its public page; the console's addresses stay closed to her.
  await page.getByLabel('Zona').selectOption({ label: 'Centro' });
  await expect(page.getByRole('link', { name: /página pública de esta zona/i })).toHaveAttribute(
    'href',
    /^#\/barrio\/[^/]+\/\d{4}-\d{2}$/,
  );
  await page.goto('/#/plan');
  await expect(page.getByRole('heading', { level: 1, name: 'Observatorio' })).toBeVisible();
  await expect(page.locator('sac-plan-editor, sac-operator-home')).toHaveCount(0);
  await desk.close();
});

test('an operator opens the observatory from the console and sees the silent counts', async ({
  browser,
}) => {
  const desk = await browser.newContext({ viewport: DESKTOP });
  const page = await desk.newPage();
  await openConsole(page, 'operador1');
  await page.getByRole('tab', { name: 'Observatorio' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Observatorio' })).toBeVisible();
  await settled(page);
  const silent = section(page, 'silent');
  await expect(silent.getByRole('heading', { name: /alertas silenciosas/i })).toBeVisible();
  await expect(silent.locator('.meta')).toContainText(/proteger/);
  await expect(silent.locator('table.silent tbody tr').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/observatory-operator-desktop-es.png' });
  // The section scrolls inside the console's panel, not the page.
  await silent.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'test-results/screens/observatory-operator-silent-es.png' });
  await expectNoAxeViolations(page);
  await desk.close();
});

for (const lang of ['es', 'en'] as const) {
  for (const [device, viewport] of viewportsFor(lang)) {
    test(`screens: ${lang} ${device}`, async ({ browser }) => {
      const ctx = await browser.newContext({ viewport });
      const page = await ctx.newPage();
      await openAsAnalyst(page);
      if (lang === 'en') {
        await page.getByRole('button', { name: 'English', exact: true }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Observatory' })).toBeVisible();
      }
      const name = (view: string) =>
        `test-results/screens/observatory-${view}-${device}-${lang}.png`;
      await page.mouse.move(0, 0); // no area name left hovering from the sign-in tap
      await page.screenshot({ path: name('top') });
      for (const view of ['map', 'hours', 'trends']) {
        await section(page, view).scrollIntoViewIfNeeded();
        await section(page, view).screenshot({ path: name(view) });
      }
      await section(page, 'map')
        .getByRole('button', { name: lang === 'es' ? 'Patrones emergentes' : 'Emerging patterns' })
        .click();
      await settled(page);
      await section(page, 'map').screenshot({ path: name('emerging') });
      await expectNoAxeViolations(page);
      await ctx.close();
    });
  }
}

/** Last month in the city's calendar, as the public page's default. */
function lastMonth(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Argentina/Mendoza' }).format(
    new Date(),
  );
  const d = new Date(`${today.slice(0, 7)}-01T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

test("an area's public month needs no sign-in and hides what is under the minimum", async ({
  browser,
}) => {
  // The area of the city's strongest hot spot, so that the page has something to show.
  const analyst = await signIn('analista1');
  const hot = await api<HotspotResult>('/api/observatory/hotspots', { token: analyst.token });
  const areaId = [...hot.cells].sort((a, b) => b.z - a.z)[0]?.areaId ?? 'area-1';
  for (const [device, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    const ctx = await browser.newContext({ viewport });
    const page = await ctx.newPage();
    await page.goto(`/#/barrio/${areaId}/${lastMonth()}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('sac-public-area').getByRole('status')).toHaveCount(0, {
      timeout: 60_000,
    });
    const hours = page.locator('sac-public-area [data-figure="hours"]');
    // A quiet area's month may have nothing at or over the minimum: then the page says so.
    await expect(
      hours.locator('table.hours').or(page.locator('sac-public-area [data-below-min]')),
    ).toBeVisible();
    // Every shown hour is at or over the minimum; the rest read "< 5".
    for (const text of await hours.locator('td .now').allTextContents()) {
      if (text.trim() === '0' || text.startsWith('<')) continue;
      expect(Number(text)).toBeGreaterThanOrEqual(5);
    }
    await page.screenshot({
      path: `test-results/screens/observatory-public-${device}-es.png`,
      fullPage: true,
    });
    await expectNoAxeViolations(page);
    await ctx.close();
  }
});
