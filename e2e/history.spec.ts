import { expect, test, type Browser, type Page } from '@playwright/test';
import { tFor, type Lang, type MessageKey } from '../shared/i18n/index.js';
import { DESKTOP, PHONE, login } from './support/app.js';
import { detail, expectNoAxeViolations, openConsole, row } from './operator-console.js';
import { markAs, raiseAs, register, type Raised } from './operator-seed.js';
import { sizesFor } from './support/screens.js';

/**
 * The console beyond today: a day of the seeded year browsed and the whole history searched
 * from the queue, figures that say what they count, the registrations screen with a map of
 * the applicant's home and every resident listed, and an audit log that reads in words.
 * Screens in Spanish and English, phone and desktop, saved to test-results/screens/.
 */
test.describe.configure({ mode: 'serial', timeout: 300_000 });

let open: Raised;
let pending = '';

/** A day of last month in the city's calendar, as the date picker writes it. */
const dayLastMonth = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Argentina/Mendoza' }).format(
    Date.now() - 30 * 86_400_000,
  );
const shown = (day: string) => day.split('-').reverse().join('/');

test.beforeAll(async ({ baseURL }) => {
  open = await raiseAs(baseURL!, 'vecino33', 'general', 'Portón forzado en la cochera');
  pending = await register(baseURL!, 'Rocío Benítez');
  // Something in the audit log for the screens, whichever test runs first.
  const taken = await raiseAs(baseURL!, 'vecino34', 'medical', 'Se desmayó en la vereda');
  await markAs(baseURL!, 'operador2', taken.id, 'acknowledged');
});

const queue = (page: Page) => page.locator('sac-alert-queue');

test('a day of last month is browsed, the history searched, the counts hold', async ({
  browser,
}) => {
  const page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await openConsole(page, 'operador1');
  await expect(row(page, open.id)).toBeVisible();
  const count = queue(page).locator('header .count');
  const before = await count.textContent();
  expect(before).toMatch(/\d+ abiertas/);
  // The header counts what is open whatever the filter shows.
  await queue(page).getByLabel('Filtrar por estado').selectOption('closed');
  await expect(row(page, open.id)).toHaveCount(0);
  await expect(count).toHaveText(before!);
  await queue(page).getByLabel('Filtrar por estado').selectOption('open');

  // What each figure counts is said where it is shown.
  const closing = page.locator('sac-stats-bar div:has(> dd[data-stage="closed"])');
  await expect(closing).toHaveAttribute('title', /No cuenta las \d+ que canceló el vecino/);

  const day = dayLastMonth();
  await queue(page).getByLabel('Desde', { exact: true }).fill(day);
  await queue(page).getByLabel('Hasta', { exact: true }).fill(day);
  await expect(queue(page).getByRole('heading', { name: 'Historial de alertas' })).toBeVisible();
  await expect(queue(page).locator('.range')).toContainText(
    new RegExp(`\\d+ alertas del ${shown(day)}`),
  );
  const rows = queue(page).locator('tr[data-alert]');
  await expect(rows.first()).toBeVisible();
  await expect(count).toHaveText(before!);
  const first = await rows.first().getAttribute('data-alert');
  await rows.first().getByRole('button').first().click();
  await expect(page.locator(`[data-detail="${first}"]`)).toBeVisible();
  await expect(rows.first()).toContainText(shown(day).slice(0, 5));
  await detail(page)
    .getByRole('button', { name: /cerrar|close/i })
    .first()
    .click();

  // Back to the live queue, then a search of the whole history.
  await queue(page).getByRole('button', { name: 'Volver a las alertas en curso' }).click();
  await expect(row(page, open.id)).toBeVisible();
  await queue(page).getByRole('searchbox').fill('incendio');
  const started = Date.now();
  await queue(page)
    .getByRole('button', { name: /Buscar «incendio» en todo el historial/ })
    .click();
  await expect(queue(page).locator('.range')).toContainText(/\d+ alertas en todo el historial/);
  console.log(`history search shown in ${Date.now() - started} ms`);
  await expect(rows.first()).toContainText('Incendio');
  expect(await rows.count()).toBe(50);
  for (const text of await rows.locator('td:first-child button').allTextContents())
    expect(text).toContain('Incendio');
  await queue(page).getByRole('button', { name: 'Más antiguas ›' }).click();
  await expect(queue(page).locator('.pager')).toContainText(/51–\d+ de \d+/);
  await page.context().close();
});

test('registrations show the applicant’s home on a map and list every resident', async ({
  browser,
}) => {
  const page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await openConsole(page, 'operador1');
  await page.locator('#tab-registrations').click();
  // Other specs leave applicants waiting too: open this one's record by its name.
  await page.locator(`table[data-list="pending"] tr[data-user="${pending}"] th button`).click();
  const card = page.locator(`sac-resident-detail section[data-resident="${pending}"]`);
  await expect(card).toBeVisible();
  await expect(card).toContainText('Paso de los Andes 1450');
  await expect(card.locator('sac-map .leaflet-interactive').first()).toBeVisible();

  const list = page.locator('sac-residents-list');
  await expect(list.locator('tr[data-resident]').first()).toBeVisible();
  // vecino117: a username no other one starts with (vecino7 would also find vecino70…79).
  await list.getByRole('searchbox').fill('vecino117');
  await expect(list.locator('tr[data-resident]')).toHaveCount(1);
  await list.getByRole('button', { name: /Ver la ficha de/ }).click();
  const found = page.locator('sac-resident-detail section[data-resident="vecino117"]');
  await expect(found).toBeVisible();
  await expect(found.locator('sac-map .leaflet-interactive').first()).toBeVisible();
  await page.context().close();
});

test('the audit log reads in words, in the city’s time', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await openConsole(page, 'admin');
  await row(page, open.id).getByRole('button').first().click();
  await page.keyboard.press('a');
  await expect(detail(page).locator('[data-status]').first()).toHaveText(/en atención/i);
  await page.keyboard.press('d');
  await page.keyboard.press('1');
  // Nobody of that unit is signed in: the console asks once more; Enter confirms.
  await expect(detail(page).locator('.confirm-nobody')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(detail(page).locator('[data-status]').first()).toHaveText(/buscando un móvil/i);
  await page.keyboard.press('r');
  await page.keyboard.press('1');
  await expect(detail(page).locator('[data-status]').first()).toHaveText(/resuelta/i);
  await page.locator('#tab-audit').click();
  const entries = page.locator('sac-audit-view tr[data-audit]');
  await expect(entries.first()).toBeVisible();
  const text = (await page.locator('sac-audit-view tbody').innerText()).replace(/\s+/g, ' ');
  expect(text).toMatch(
    /Despachó un móvil .*Alerta general · .+ · \d\d\/\d\d\/\d{4} \d\d:\d\d Móvil: Móvil \d+/,
  );
  expect(text).toContain('Resultado: Atendida en el lugar');
  expect(text).not.toMatch(/unit-\d|attended|\b[0-9a-f]{8}\b/);
  await page.context().close();
});

type Size = 'phone' | 'desktop';

async function desk(browser: Browser, lang: Lang, size: Size): Promise<Page> {
  const context = await browser.newContext({ viewport: size === 'phone' ? PHONE : DESKTOP });
  await context.addInitScript((l) => localStorage.setItem('sac.lang', l), lang);
  const page = await context.newPage();
  await login(page, 'admin');
  await expect(page.locator('sac-operator-home')).toBeVisible();
  await page
    .getByRole('button', { name: /ahora no|not now/i })
    .click({ timeout: 3000 })
    .catch(() => undefined);
  return page;
}

for (const lang of ['es', 'en'] as const)
  for (const size of sizesFor(lang))
    test(`screens: history, registrations, residents, audit — ${lang}, ${size}`, async ({
      browser,
    }) => {
      const T = (key: MessageKey, params?: Record<string, string | number>) =>
        tFor(lang, key, params);
      const page = await desk(browser, lang, size);
      const shot = async (name: string) => {
        await page.screenshot({ path: `test-results/screens/history-${name}-${lang}-${size}.png` });
        await expectNoAxeViolations(page);
      };
      const day = dayLastMonth();
      await queue(page).getByLabel(T('history.from'), { exact: true }).fill(day);
      await queue(page).getByLabel(T('history.to'), { exact: true }).fill(day);
      await queue(page)
        .getByRole('searchbox')
        .fill(lang === 'es' ? 'robo' : 'theft');
      await expect(queue(page).locator('.range')).toContainText(/\d+/);
      await expect(queue(page).locator('tr[data-alert]').first()).toBeVisible();
      await shot('queue');

      await page.locator('#tab-registrations').click();
      await expect(
        page.locator('sac-resident-detail sac-map .leaflet-interactive').first(),
      ).toBeVisible();
      await shot('registrations');
      await page.locator('sac-residents-list').scrollIntoViewIfNeeded();
      await page.locator('sac-residents-list tr[data-resident]').first().scrollIntoViewIfNeeded();
      await shot('residents');

      await page.locator('#tab-audit').click();
      await expect(page.locator('sac-audit-view tr[data-audit]').first()).toBeVisible();
      await shot('audit');
      await page.context().close();
    });
