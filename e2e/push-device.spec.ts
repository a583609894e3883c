import {
  expect,
  test,
  type Browser,
  type BrowserContextOptions,
  type Page,
} from '@playwright/test';
import { tFor, type Lang, type MessageKey } from '../shared/i18n/index.js';
import { DESKTOP, PHONE, expectAccessible, login } from './support/app.js';
import { shot } from './support/resident.js';

/**
 * The notifications card as each device should word it, the iPhone's way to notifications
 * (SAC on the Home Screen), and a login screen that logs no error before anyone signs in.
 */
const UA = {
  iphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  // iPadOS Safari asks for desktop sites: it says Macintosh, but has a touch screen.
  ipad: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  android:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
};

const T = (lang: Lang, key: MessageKey) => tFor(lang, key);
const card = (page: Page, lang: Lang, device: 'phone' | 'tablet' | 'computer') =>
  page.getByRole('region', { name: T(lang, `push.prompt.title.${device}`) });

async function open(
  browser: Browser,
  lang: Lang,
  options: BrowserContextOptions,
  ios?: { standalone: boolean },
): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, ...options });
  await context.addInitScript((l) => localStorage.setItem('sac.lang', l), lang);
  if (ios) {
    // Safari on iOS as it is outside the Home Screen: no PushManager, no Notification. From
    // the Home Screen it has both, and says so with `navigator.standalone`.
    await context.addInitScript((standalone: boolean) => {
      Object.defineProperty(Navigator.prototype, 'maxTouchPoints', { get: () => 5 });
      Object.defineProperty(Navigator.prototype, 'standalone', { get: () => standalone });
      if (!standalone) {
        const w = window as unknown as Record<string, unknown>;
        delete w.PushManager;
        delete w.Notification;
      }
    }, ios.standalone);
  }
  return context.newPage();
}

test('a fresh login screen logs no error, nor asks the server for a session it cannot have', async ({
  browser,
}) => {
  const page = await open(browser, 'es', { viewport: DESKTOP });
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  const me: string[] = [];
  page.on('request', (r) => new URL(r.url()).pathname === '/api/me' && me.push(r.url()));
  await page.goto('/');
  await expect(page.getByRole('button', { name: T('es', 'login.submit') })).toBeVisible();
  await page.waitForLoadState('networkidle');
  // Again, now from the service worker.
  await page.reload();
  await expect(page.getByRole('button', { name: T('es', 'login.submit') })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
  expect(me).toEqual([]);

  // Signed in once, the app asks who is here on the next start; signed out, it stops asking.
  await login(page, 'vecino38');
  await page.reload();
  await expect(page.locator('sac-resident-home')).toBeVisible();
  expect(me.length).toBeGreaterThan(0);
  await page.getByRole('button', { name: T('es', 'app.logout') }).click();
  await expect(page.getByRole('button', { name: T('es', 'login.submit') })).toBeVisible();
  const asked = me.length;
  await page.reload();
  await expect(page.getByRole('button', { name: T('es', 'login.submit') })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(me.length).toBe(asked);
  expect(problems).toEqual([]);
  await page.context().close();
});

for (const lang of ['es', 'en'] as const) {
  test(`the card names the device it is on, ${lang}`, async ({ browser }) => {
    // The operator at the monitoring centre's desk.
    const desk = await open(browser, lang, { viewport: DESKTOP });
    await login(desk, lang === 'es' ? 'operador1' : 'operador2');
    await expect(card(desk, lang, 'computer')).toContainText(T(lang, 'push.prompt.text.operator'));
    await expect(card(desk, lang, 'phone')).toHaveCount(0);
    await shot(desk, `push-card-${lang}-desktop`);
    await expectAccessible(desk);
    await desk.context().close();

    // A resident's Android phone, and an officer's.
    const phone = await open(browser, lang, {
      userAgent: UA.android,
      isMobile: true,
      hasTouch: true,
    });
    await login(phone, lang === 'es' ? 'vecino39' : 'vecino40');
    await expect(card(phone, lang, 'phone')).toContainText(T(lang, 'push.prompt.text.citizen'));
    await shot(phone, `push-card-${lang}-phone`);
    await expectAccessible(phone);
    await phone.context().close();
    const patrol = await open(browser, lang, {
      userAgent: UA.android,
      isMobile: true,
      hasTouch: true,
    });
    await login(patrol, lang === 'es' ? 'oficial1' : 'oficial3');
    await expect(card(patrol, lang, 'phone')).toContainText(T(lang, 'push.prompt.text.officer'));
    await patrol.context().close();
  });

  test(`an iPhone in Safari is told how to get notifications, ${lang}`, async ({ browser }) => {
    const iphone = await open(
      browser,
      lang,
      { userAgent: UA.iphone, isMobile: true, hasTouch: true },
      { standalone: false },
    );
    await login(iphone, lang === 'es' ? 'vecino11' : 'vecino12');
    const steps = card(iphone, lang, 'phone');
    await expect(steps).toContainText(T(lang, 'push.ios.text'));
    await expect(steps.getByRole('listitem')).toHaveText([
      T(lang, 'push.ios.step.share'),
      T(lang, 'push.ios.step.add'),
      T(lang, 'push.ios.step.open'),
      T(lang, 'push.ios.step.enable'),
    ]);
    // Nothing to press that could not work.
    await expect(steps.getByRole('button', { name: T(lang, 'push.prompt.activate') })).toHaveCount(
      0,
    );
    await shot(iphone, `push-ios-${lang}-phone`);
    await expectAccessible(iphone);
    // Understood: not repeated at every start.
    await steps.getByRole('button', { name: T(lang, 'push.ios.dismiss') }).click();
    await expect(steps).toHaveCount(0);
    await iphone.reload();
    await expect(iphone.locator('sac-resident-home')).toBeVisible();
    await iphone.waitForTimeout(1000);
    await expect(card(iphone, lang, 'phone')).toHaveCount(0);
    await iphone.context().close();

    // An iPad (desktop-class Safari), same steps.
    const ipad = await open(
      browser,
      lang,
      { userAgent: UA.ipad, viewport: { width: 1180, height: 820 }, hasTouch: true },
      { standalone: false },
    );
    await login(ipad, lang === 'es' ? 'vecino13' : 'vecino14');
    await expect(card(ipad, lang, 'tablet')).toContainText(T(lang, 'push.ios.step.add'));
    await shot(ipad, `push-ios-${lang}-desktop`);
    await expectAccessible(ipad);
    await ipad.context().close();

    // Opened from the Home Screen, the iPhone has push: the usual card, with "Activate".
    const installed = await open(
      browser,
      lang,
      { userAgent: UA.iphone, isMobile: true, hasTouch: true },
      { standalone: true },
    );
    await login(installed, lang === 'es' ? 'vecino11' : 'vecino12');
    const ask = card(installed, lang, 'phone');
    await expect(ask.getByRole('button', { name: T(lang, 'push.prompt.activate') })).toBeVisible();
    await expect(ask).not.toContainText(T(lang, 'push.ios.step.add'));
    await installed.context().close();
  });
}
