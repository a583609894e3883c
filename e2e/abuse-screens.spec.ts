import { expect, test, type Browser, type Page } from '@playwright/test';
import { tFor, type Lang, type MessageKey } from '../shared/i18n/index.js';
import { expectAccessible, login } from './support/app.js';
import { api, freshPhone, shot, tapMap } from './support/resident.js';
import { sizesFor } from './support/screens.js';

/**
 * The screens that guard against guessing and abuse, in Spanish and English, at phone and
 * desktop size: sign-in made to wait, registration refusing a name with hidden characters,
 * and the operator's registrations board with a duplicate phone and a blocked sign-in.
 * Screenshots in test-results/screens/abuse-*.png, each axe-checked.
 */
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
type Size = keyof typeof SIZES;

/** Made to wait once by six wrong passwords (the address's budget is barely touched). */
const LOCKED = `bloqueado${Date.now().toString(36)}`;
test.beforeAll(async () => {
  for (let i = 0; i < 6; i++)
    await api('/api/auth/login', { json: { username: LOCKED, password: `mal-${i}` } }).catch(
      () => undefined,
    );
});

async function open(browser: Browser, lang: Lang, size: Size): Promise<Page> {
  const context = await browser.newContext({
    viewport: SIZES[size],
    permissions: ['geolocation'],
    geolocation: { latitude: -32.912, longitude: -68.872 },
  });
  await context.addInitScript((l) => localStorage.setItem('sac.lang', l), lang);
  return context.newPage();
}

for (const lang of ['es', 'en'] as const) {
  const T = (key: MessageKey, params?: Record<string, string | number>) => tFor(lang, key, params);
  for (const size of sizesFor(lang)) {
    test(`sign-in waits after failed attempts, ${lang}, ${size}`, async ({ browser }) => {
      const page = await open(browser, lang, size);
      await page.goto('/');
      await page.getByLabel(T('login.username')).fill(LOCKED);
      await page.getByLabel(T('login.password')).fill('otra-vez-mal');
      await page.getByRole('button', { name: T('login.submit'), exact: true }).click();
      await expect(page.getByRole('alert')).toContainText(
        T('login.too_many', { wait: '…' }).slice(0, 20),
      );
      // The button counts the wait down and stays shut until it ends.
      const wait = page.locator('button[type="submit"]');
      await expect(wait).toBeDisabled();
      await expect(wait).toHaveText(new RegExp(T('login.wait', { wait: '' }).trim()));
      await shot(page, `abuse-login-wait-${lang}-${size}`);
      await expectAccessible(page);
      await page.context().close();
    });

    test(`registration refuses hidden characters, ${lang}, ${size}`, async ({ browser }) => {
      const page = await open(browser, lang, size);
      await page.goto('/');
      await page.getByRole('button', { name: T('login.register') }).click();
      await page.getByLabel(T('register.name')).fill('Elena\u202e Godoy');
      await page.getByLabel(T('register.phone')).fill(freshPhone());
      await page.getByLabel(T('address.street')).fill('Perú');
      await page.getByLabel(T('address.number'), { exact: true }).fill('450');
      await tapMap(page);
      await page
        .getByLabel(T('register.username'), { exact: true })
        .fill(`oculta${lang}${size}${Date.now().toString(36)}`);
      await page.getByLabel(T('register.password'), { exact: true }).fill('una-clave-larga');
      await page.getByRole('button', { name: T('register.submit') }).click();
      await expect(page.getByRole('alert')).toHaveText(T('register.name_invalid'));
      await shot(page, `abuse-register-invalid-${lang}-${size}`);
      await expectAccessible(page);
      await page.context().close();
    });
  }
}

test('the operator sees duplicate phones and blocked sign-ins, and releases one', async ({
  browser,
}) => {
  const phone = freshPhone();
  const first = `gemela${Date.now().toString(36)}`;
  for (const username of [first, `${first}b`])
    await api('/api/auth/register', {
      json: {
        username,
        password: 'una-clave-larga',
        name: username === first ? 'Marta Sosa' : 'Marta S.',
        phone,
        address: 'Perú 452',
        home: { lat: -32.93, lng: -68.85 },
      },
    });
  for (const lang of ['es', 'en'] as const) {
    const T = (key: MessageKey) => tFor(lang, key);
    for (const size of sizesFor(lang)) {
      const page = await open(browser, lang, size);
      await login(page, 'operador1');
      await page.getByRole('tab', { name: new RegExp(`^${T('ops.tab.registrations')}`) }).click();
      await expect(
        page.locator(`tr[data-user="${first}b"] [data-same-phone="${first}"]`),
      ).toBeVisible();
      await expect(page.locator(`tr[data-lock="account:${LOCKED}"]`)).toBeVisible();
      await shot(page, `abuse-operator-registrations-${lang}-${size}`);
      await expectAccessible(page);
      await page.context().close();
    }
  }
  // Released: the account may try again at once.
  const page = await open(browser, 'es', 'desktop');
  await login(page, 'operador1');
  await page.getByRole('tab', { name: /^Registros/ }).click();
  await page
    .locator(`tr[data-lock="account:${LOCKED}"]`)
    .getByRole('button', { name: tFor('es', 'ops.users.release') })
    .click();
  await expect(page.locator(`tr[data-lock="account:${LOCKED}"]`)).toHaveCount(0);
  await page.context().close();
});
