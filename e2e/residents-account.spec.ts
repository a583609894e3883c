import { expect, test, type Page } from '@playwright/test';
import { tFor, type Lang, type MessageKey } from '../shared/i18n/index.js';
import { DESKTOP, PHONE, expectAccessible, login, newDesk, newPhone } from './support/app.js';
import { openConsole } from './operator-console.js';
import { shot } from './support/resident.js';

/**
 * A resident's account after registration: the phone changes at once, a new home waits for
 * an operator (the old one stays, shown "pending approval"), and a forgotten password is
 * reset with a one-time code an operator reads out. Screens at phone and desktop size.
 */
const RESIDENTS: Record<Lang, { change: string; reset: string }> = {
  es: { change: 'vecino21', reset: 'vecino23' },
  en: { change: 'vecino22', reset: 'vecino24' },
};

/** Both sizes of the same screen, axe-checked at phone size. */
async function both(page: Page, name: string): Promise<void> {
  await page.setViewportSize(PHONE);
  await shot(page, `${name}-phone`);
  await expectAccessible(page);
  await page.setViewportSize(DESKTOP);
  await shot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
}

async function registrations(page: Page, lang: Lang): Promise<void> {
  await openConsole(page, 'operador2');
  await page
    .getByRole('tab', { name: new RegExp(`^${tFor(lang, 'ops.tab.registrations')}`, 'i') })
    .click();
  await expect(page.locator('sac-profile-changes table')).toBeVisible();
}

for (const lang of ['es', 'en'] as const) {
  const T = (key: MessageKey) => tFor(lang, key);
  const { change: resident, reset } = RESIDENTS[lang];

  test(`a resident changes the phone and asks for a new home; an operator approves, ${lang}`, async ({
    browser,
  }) => {
    const phone = await newPhone(browser);
    await phone.addInitScript((l) => localStorage.setItem('sac.lang', l), lang);
    const page = await phone.newPage();
    await login(page, resident);
    await page.getByRole('link', { name: T('tab.profile'), exact: true }).click();
    const contact = page.locator('sac-profile-contact');
    const before = (await contact.locator('[data-address]').textContent())!.trim();

    // The phone: changed at once.
    await contact
      .getByRole('button', { name: `${T('profile.edit')}: ${T('profile.phone')}` })
      .click();
    await contact.getByLabel(T('profile.phone'), { exact: true }).fill('+54 261 555 7788');
    await both(page, `residents-phone-edit-${lang}`);
    await contact.getByRole('button', { name: T('profile.save') }).click();
    await expect(contact.locator('[data-phone]')).toHaveText('+542615557788');

    // The home: typed, placed on the map, sent for approval; the old one stays meanwhile.
    await contact.getByRole('button', { name: T('profile.home_change') }).click();
    await contact.getByLabel(T('address.street')).fill('Beltrán');
    await contact.getByLabel(T('address.number'), { exact: true }).fill('2500');
    await contact.getByRole('button', { name: T('address.find') }).click();
    await expect(contact.locator('.home-status[data-area]')).toHaveAttribute('data-area', /area-/);
    await both(page, `residents-home-edit-${lang}`);
    await contact.getByRole('button', { name: T('profile.save') }).click();
    const pending = contact.locator('[data-pending]');
    await expect(pending).toContainText('Beltrán 2500');
    await expect(contact.locator('[data-address]')).toHaveText(before);
    await both(page, `residents-home-pending-${lang}`);

    // The operator sees the change next to the home in force, and approves it.
    const desk = await newDesk(browser);
    await desk.addInitScript((l) => localStorage.setItem('sac.lang', l), lang);
    const op = await desk.newPage();
    await registrations(op, lang);
    const row = op.locator(`tr[data-home-change="${resident}"]`);
    await expect(row).toContainText('Beltrán 2500');
    await expect(row).toContainText(before);
    await row.scrollIntoViewIfNeeded();
    await shot(op, `residents-operator-changes-${lang}-desktop`);
    await op.setViewportSize(PHONE);
    await shot(op, `residents-operator-changes-${lang}-phone`);
    await op.setViewportSize(DESKTOP);
    await row.getByRole('button', { name: new RegExp(`^${T('changes.approve')}`) }).click();
    await expect(op.getByRole('status').filter({ hasText: T('changes.approved') })).toBeVisible();
    await expect(row).toHaveCount(0);

    // Back in the profile, the new home is in force and nothing waits.
    await page.reload();
    await page.getByRole('link', { name: T('tab.profile'), exact: true }).click();
    await expect(contact.locator('[data-address]')).toHaveText('Beltrán 2500');
    await expect(pending).toHaveCount(0);
    await desk.close();
    await phone.close();
  });

  test(`an operator resets a password; the resident signs in with the code, ${lang}`, async ({
    browser,
  }) => {
    const desk = await newDesk(browser);
    await desk.addInitScript((l) => localStorage.setItem('sac.lang', l), lang);
    const op = await desk.newPage();
    await registrations(op, lang);
    const changes = op.locator('sac-profile-changes');
    await changes.getByLabel(T('reset.user')).fill(reset);
    await changes.getByRole('button', { name: T('reset.issue') }).click();
    const issued = changes.locator('[data-reset-code]');
    await expect(issued).toBeVisible();
    const code = (await issued.locator('strong').textContent())!.trim();
    expect(code).toMatch(/^\d{4} \d{4}$/);
    await issued.scrollIntoViewIfNeeded();
    await shot(op, `residents-operator-reset-${lang}-desktop`);

    const phone = await newPhone(browser);
    await phone.addInitScript((l) => localStorage.setItem('sac.lang', l), lang);
    const page = await phone.newPage();
    await page.goto('/');
    await expect(page.getByRole('button', { name: T('login.forgot') })).toBeVisible();
    await both(page, `residents-login-${lang}`);
    await page.getByRole('button', { name: T('login.forgot') }).click();
    await expect(page.getByRole('heading', { name: T('reset.title') })).toBeVisible();
    await page.getByLabel(T('login.username')).fill(reset);
    await page.getByLabel(T('reset.code')).fill(code);
    await page.getByLabel(T('reset.password')).fill('nueva-clave-segura');
    await both(page, `residents-reset-${lang}`);
    // A wrong code first: the same answer as any wrong code.
    await page.getByLabel(T('reset.code')).fill('0000 0000');
    await page.getByRole('button', { name: T('reset.submit') }).click();
    await expect(page.getByRole('alert')).toHaveText(T('reset.invalid'));
    await page.getByLabel(T('reset.code')).fill(code);
    await page.getByRole('button', { name: T('reset.submit') }).click();
    // Signed in with the new password at once.
    await expect(page.getByRole('heading', { name: T('alert.choose') })).toBeVisible();
    await desk.close();
    await phone.close();
  });
}
