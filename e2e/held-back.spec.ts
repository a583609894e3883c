import { expect, test, type Browser, type Page } from '@playwright/test';
import { PHONE, login } from './support/app.js';
import { detail, expectNoAxeViolations, openAlert, openConsole, row } from './operator-console.js';
import { raiseAs, type Raised } from './operator-seed.js';
import { sizesFor } from './support/screens.js';

/**
 * The per-resident threshold said plainly: a resident's fourth alert in ten minutes is held
 * back (no siren, no neighbour push), the operator sees what was held back on the queue row and
 * in the detail and releases it with one key (`l`), audited; the resident reads it in plain
 * words. The area's sirens are not connected, so their commands expire: the sirens board says
 * so. Screens in Spanish and English, phone and desktop, saved under test-results/screens/.
 */
test.describe.configure({ mode: 'serial', timeout: 300_000 });

const RESIDENT = 'vecino34';
const SIZES = { phone: PHONE, desktop: { width: 1280, height: 800 } } as const;
const alerts: Raised[] = [];
let firstAt = 0;

const shot = async (page: Page, name: string) => {
  await page.screenshot({ path: `test-results/screens/held-${name}.png`, fullPage: false });
  await expectNoAxeViolations(page);
};

async function pageIn(browser: Browser, lang: 'es' | 'en', size: keyof typeof SIZES) {
  const context = await browser.newContext({ viewport: SIZES[size] });
  await context.addInitScript((l) => localStorage.setItem('sac.lang', l), lang);
  return { context, page: await context.newPage() };
}

test.beforeAll(async ({ baseURL }) => {
  firstAt = Date.now();
  // Four alerts at home in a minute: the fourth is past the threshold (3 in 10 minutes).
  for (let n = 0; n < 4; n++) alerts.push(await raiseAs(baseURL!, RESIDENT, 'general'));
});

const held = () => alerts[3]!.id;

for (const lang of ['es', 'en'] as const)
  for (const size of sizesFor(lang))
    test(`the held-back alert as the operator and the resident see it, ${lang} ${size}`, async ({
      browser,
    }) => {
      const { context, page } = await pageIn(browser, lang, size);
      await openConsole(page, 'operador1');
      const chip = row(page, held()).locator('[data-held]');
      await expect(chip).toHaveAttribute('data-held', 'both');
      await expect(chip).toHaveText(lang === 'es' ? /retenida: sin sirena ni vecinos/i : /held back: no siren, no neighbours/i); // prettier-ignore
      for (const earlier of alerts.slice(0, 3))
        await expect(row(page, earlier.id).locator('[data-held]')).toHaveCount(0);
      await openAlert(page, held());
      const note = detail(page).locator('[data-held="both"]');
      await expect(note).toContainText(lang === 'es' ? /no hizo sonar la sirena ni avisó a los vecinos/ : /sounded no siren and told no neighbours/); // prettier-ignore
      await expect(note.getByRole('button')).toContainText(lang === 'es' ? /liberar/i : /release/i);
      await note.scrollIntoViewIfNeeded();
      await shot(page, `operator-detail-${lang}-${size}`);
      await context.close();

      const phone = await pageIn(browser, lang, size);
      await login(phone.page, RESIDENT);
      await phone.page.goto('/#/alerts');
      const mine = phone.page.locator(`li[data-alert="${held()}"] .held`);
      await expect(mine).toContainText(lang === 'es' ? /no sonó la sirena ni se avisó a tus vecinos/ : /no siren sounded and your neighbours were not told/); // prettier-ignore
      await mine.scrollIntoViewIfNeeded();
      await shot(phone.page, `resident-${lang}-${size}`);
      await phone.context.close();
    });

test('the operator releases it with one key, audited; the resident is told', async ({
  browser,
  baseURL,
}) => {
  const { context, page } = await pageIn(browser, 'es', 'desktop');
  await openConsole(page, 'operador1');
  await openAlert(page, held());
  await page.keyboard.press('l');
  const released = detail(page).locator('[data-held="released"]');
  await expect(released).toContainText(/liberada por .+ a las/i);
  await expect(row(page, held()).locator('[data-held]')).toHaveText(/liberada/i);
  await shot(page, 'operator-released-es-desktop');
  await context.close();

  // The audit log names who released it, with its label.
  const login = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo1234' }),
  });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${baseURL}/api/console/audit?action=alert.released`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const { entries } = (await res.json()) as { entries: { subject: string }[] };
  expect(entries.map((e) => e.subject)).toContain(held());

  const phone = await pageIn(browser, 'es', 'phone');
  await loginAs(phone.page);
  await expect(phone.page.locator(`li[data-alert="${held()}"] .held`)).toContainText(
    /un operador la liberó: sonó la sirena y se avisó a tus vecinos/i,
  );
  await phone.context.close();
});

async function loginAs(page: Page) {
  await login(page, RESIDENT);
  await page.goto('/#/alerts');
}

test('the sirens board shows the units that did not get their command in time', async ({
  browser,
}) => {
  // The area's units never connected: each sound expires when its pattern would have ended.
  await new Promise((r) => setTimeout(r, Math.max(0, firstAt + 66_000 - Date.now())));
  for (const lang of ['es', 'en'] as const)
    for (const size of sizesFor(lang)) {
      const { context, page } = await pageIn(browser, lang, size);
      await openConsole(page, 'operador1');
      await page.getByRole('tab', { name: lang === 'es' ? /^sirenas/i : /^sirens/i }).click();
      const banner = page.locator('.missed[data-missed]');
      await expect(banner).toBeVisible({ timeout: 30_000 });
      await expect(banner).toContainText(lang === 'es' ? /sirenas? no recibi/ : /did not get/);
      await banner.getByRole('button').click();
      await expect(banner.getByRole('button')).toHaveCount(0);
      await expect(page.locator('tr[data-siren]').first()).toContainText(lang === 'es' ? /sonar \(alerta general\), venció/i : /sound \(general alert\), expired/i); // prettier-ignore
      await shot(page, `sirens-board-${lang}-${size}`);
      await context.close();
    }
});
