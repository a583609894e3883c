import { expect, test, type Browser, type Page } from '@playwright/test';
import { tFor, type Lang, type MessageKey } from '../shared/i18n/index.js';
import { BlackholeProxy } from '../server/testing/blackhole-proxy.js';
import { DESKTOP, PHONE, expectAccessible, GODOY_CRUZ } from './support/app.js';
import { openConsole, row } from './operator-console.js';

/**
 * A resident on a link that goes silent under an open socket (a flapping mobile link: nothing
 * closes, the server's keep-alives may even trickle in). The phone reaches the server only
 * through a proxy the spec black-holes; the operator is on the centre's own network.
 */
let proxy: BlackholeProxy;
// Two browsers, waits of several deadlines and axe: slower than most on a loaded machine.
test.setTimeout(150_000);
test.beforeAll(async () => {
  proxy = await new BlackholeProxy(new URL(`http://127.0.0.1:${process.env.E2E_PORT}`)).start();
});
test.afterAll(async () => proxy?.close());
test.beforeEach(() => {
  proxy.holdNew = false;
});

async function residentThroughProxy(browser: Browser, username: string, lang: Lang) {
  const context = await browser.newContext({
    viewport: lang === 'es' ? PHONE : { width: 1280, height: 800 },
    permissions: ['geolocation', 'background-sync'],
    geolocation: GODOY_CRUZ,
  });
  await context.addInitScript((l) => localStorage.setItem('sac.lang', l), lang);
  const page = await context.newPage();
  const T = (key: MessageKey) => tFor(lang, key);
  await page.goto(`http://localhost:${proxy.port}/`);
  await page.getByLabel(T('login.username')).fill(username);
  await page.getByLabel(T('login.password')).fill('demo1234');
  await page.getByRole('button', { name: T('login.submit') }).click();
  await expect(page.getByRole('heading', { name: T('alert.choose') })).toBeVisible();
  return { context, page, T };
}

async function raise(page: Page, T: (key: MessageKey) => string): Promise<string> {
  await page
    .getByRole('button', { name: T('alert.type.general') })
    .first()
    .click();
  await page.getByRole('button', { name: /enviar ahora|send now/i }).click();
  const card = page.locator('li[data-alert]').first();
  await expect(card).toBeVisible();
  return (await card.getAttribute('data-alert'))!;
}

test('a socket gone silent: the alert still reaches the operator, once', async ({ browser }) => {
  const desk = await browser.newContext({ viewport: DESKTOP });
  const op = await desk.newPage();
  await openConsole(op, 'operador2');
  const { context, page, T } = await residentThroughProxy(browser, 'vecino3', 'es');
  // Synced: the socket is open and idle, as before a link drops.
  await page.waitForTimeout(1_000);
  proxy.holdLive();
  const id = await raise(page, T);
  await expect(row(op, id)).toHaveCount(1, { timeout: 15_000 });
  await expect(page.locator(`li[data-alert="${id}"]`)).toContainText(T('status.delivered'), {
    timeout: 15_000,
  });
  await page.waitForTimeout(2_000);
  await expect(row(op, id)).toHaveCount(1);
  await context.close();
  await desk.close();
});

for (const [lang, user] of [
  ['es', 'vecino7'],
  ['en', 'vecino8'],
] as const) {
  test(`neither path answers: the phone says so and offers the phone's fallbacks, ${lang}`, async ({
    browser,
  }) => {
    const desk = await browser.newContext({ viewport: DESKTOP });
    const op = await desk.newPage();
    await openConsole(op, 'operador3');
    const { context, page, T } = await residentThroughProxy(browser, user, lang);
    await page.waitForTimeout(1_000);
    proxy.holdLive();
    proxy.holdNew = true;
    const id = await raise(page, T);
    const banner = page.getByTestId('offline-banner');
    await expect(banner).toContainText(T('alert.sending'));
    await expect(banner).toHaveAttribute('data-state', 'not-reached', { timeout: 15_000 });
    await expect(banner).toContainText(T('alert.not_reached'));
    await expect(banner.getByRole('link', { name: /911/ })).toHaveAttribute('href', 'tel:911');
    await expect(banner.locator('a[href^="sms:"]')).toHaveCount(1);
    await expect(page.locator(`li[data-alert="${id}"]`)).toContainText(T('status.not_reached'));
    await page.screenshot({
      path: test.info().outputPath(`receipt-not-reached-${lang}.png`),
      fullPage: true,
    });
    await expectAccessible(page);
    expect(await row(op, id).count()).toBe(0);

    // The link is back: the next try lands, and the phone says delivered.
    proxy.holdNew = false;
    await expect(row(op, id)).toHaveCount(1, { timeout: 15_000 });
    await expect(page.locator(`li[data-alert="${id}"]`)).toContainText(T('status.delivered'), {
      timeout: 15_000,
    });
    await expect(banner).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath(`receipt-delivered-${lang}.png`) });
    await context.close();
    await desk.close();
  });
}
