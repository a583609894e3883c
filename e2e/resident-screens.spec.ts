import { expect, test, type Page } from '@playwright/test';
import { tFor, type Lang, type MessageKey } from '../shared/i18n/index.js';
import { expectAccessible, login, newPhone, untilControlled } from './support/app.js';
import {
  api,
  freshPhone,
  neighbourOf,
  opsRoom,
  raiseFor,
  record,
  shot,
  signIn,
  tapMap,
  unitRoom,
  until,
} from './support/resident.js';

/**
 * Every resident screen at 390×844, in Spanish and in English: screenshot (looked at by a
 * person, test-results/screens/resident-*.png) and axe-checked.
 */
const USERS: Record<Lang, string> = { es: 'vecino15', en: 'vecino16' };

for (const lang of ['es', 'en'] as const) {
  const T = (key: MessageKey) => tFor(lang, key);
  const look = async (page: Page, name: string) => {
    await shot(page, `resident-${name}-${lang}`);
    await expectAccessible(page);
  };

  test(`signed-out screens, ${lang}`, async ({ browser }) => {
    const phone = await newPhone(browser);
    await phone.addInitScript((l) => localStorage.setItem('sac.lang', l), lang);
    const page = await phone.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: T('login.register') }).click();
    await expect(page.getByRole('heading', { name: T('register.title') })).toBeVisible();
    await expect(page.locator('sac-map .leaflet-container')).toBeVisible();
    await look(page, 'register');

    const username = `pantalla${lang}${Date.now().toString(36)}`;
    // A phone that already has an account: registration neither says so nor refuses it (the
    // approving operator sees the duplicate). A taken username and a common password are named.
    const usedPhone = freshPhone();
    await api('/api/auth/register', {
      json: {
        username: `${username}x`,
        password: 'una-clave-larga',
        name: 'Otra Persona',
        phone: usedPhone,
        address: 'Perú 452',
        home: { lat: -32.93, lng: -68.85 },
      },
    });
    await page.getByLabel(T('register.name')).fill('Elena Godoy');
    await page.getByLabel(T('register.phone')).fill(usedPhone);
    await page.getByLabel(T('address.street')).fill('Perú');
    await page.getByLabel(T('address.number'), { exact: true }).fill('450');
    await tapMap(page);
    await page.getByLabel(T('register.username'), { exact: true }).fill('vecino1');
    await page.getByLabel(T('register.password'), { exact: true }).fill('una-clave-larga');
    await page.getByRole('button', { name: T('register.submit') }).click();
    await expect(page.getByRole('alert')).toHaveText(T('register.username_taken'));
    await page.getByLabel(T('register.username'), { exact: true }).fill(username);
    await page.getByLabel(T('register.password'), { exact: true }).fill('12345678');
    await page.getByRole('button', { name: T('register.submit') }).click();
    await expect(page.getByRole('alert')).toHaveText(T('register.password_common'));
    await look(page, 'register-weak-password');
    await page.getByLabel(T('register.password'), { exact: true }).fill('una-clave-larga');
    await shot(page, `resident-register-filled-${lang}`);
    await page.getByRole('button', { name: T('register.submit') }).click();
    await expect(page.getByRole('heading', { name: T('account.registered.title') })).toBeVisible();
    await look(page, 'registered');

    await page.getByRole('button', { name: T('account.back') }).click();
    const signInAs = async () => {
      await page.getByLabel(T('login.username')).fill(username);
      await page.getByLabel(T('login.password')).fill('una-clave-larga');
      await page.getByRole('button', { name: T('login.submit'), exact: true }).click();
    };
    await signInAs();
    await expect(page.getByRole('heading', { name: T('account.pending.title') })).toBeVisible();
    await look(page, 'pending');

    // Rejected (or suspended): the account is not active.
    const op = await signIn('operador1');
    const { users } = await api<{ users: { id: string; username: string }[] }>(
      '/api/users?status=pending',
      { token: op.token },
    );
    const id = users.find((u) => u.username === username)!.id;
    await api(`/api/users/${id}/reject`, { token: op.token, json: {} });
    await page.getByRole('button', { name: T('account.back') }).click();
    await signInAs();
    await expect(page.getByRole('heading', { name: T('account.suspended.title') })).toBeVisible();
    await look(page, 'suspended');
    await phone.close();
  });

  test(`resident screens, ${lang}`, async ({ browser }) => {
    const username = USERS[lang];
    const neighbour = await neighbourOf(username, lang === 'es' ? 'Lucía Ferreyra' : 'Pablo Ortiz');
    await raiseFor(neighbour, 'general', neighbour.home);
    const phone = await newPhone(browser);
    await phone.addInitScript((l) => localStorage.setItem('sac.lang', l), lang);
    const page = await phone.newPage();
    await login(page, username);
    await untilControlled(page);
    const ops = await opsRoom();

    // Alertar: the buttons, then the countdown, then the alert under them.
    await expect(page.getByRole('heading', { name: T('alert.choose') })).toBeVisible();
    await look(page, 'raise');
    await page.getByRole('button', { name: T('alert.type.medical') }).click();
    // Screenshot only: the 5-second window would close under axe (e2e/screens.spec checks it).
    await shot(page, `resident-countdown-${lang}`);
    await page.getByRole('button', { name: T('alert.send_now') }).click();
    const card = page.locator('li[data-alert]').first();
    await expect(card).toContainText(T('status.delivered'));
    const id = (await card.getAttribute('data-alert'))!;
    await look(page, 'raise-sent');

    // Mis alertas: the operator takes it and sends a patrol.
    await until(() => record(ops, 'alerts', id) !== undefined, 10_000);
    record(ops, 'alerts', id)!.set('status', 'acknowledged');
    ops.doc.transact(() => {
      record(ops, 'alerts', id)!.set('assignedUnit', 'unit-4');
      record(ops, 'alerts', id)!.set('status', 'dispatched');
    });
    // …and its crew sets off (oficial7 rides in unit-4).
    const crew = await unitRoom('oficial7', 'unit-4');
    await until(() => record(crew, 'dispatches', id) !== undefined, 10_000);
    crew.doc.transact(() => {
      record(crew, 'dispatches', id)!.set('status', 'en_route');
      record(crew, 'dispatches', id)!.set('enRouteAt', new Date().toISOString());
    });
    await until(() => crew.allStored, 10_000);
    crew.close();
    await page.getByRole('link', { name: T('tab.mine'), exact: true }).click();
    await expect(page.locator(`li[data-alert="${id}"] li[data-step="en_route"]`)).toContainText(
      /\d\d:\d\d/,
    );
    await look(page, 'mine');

    // Barrio: the neighbour's alert on the map and in the list.
    await page.getByRole('link', { name: T('tab.area'), exact: true }).click();
    await expect(page.locator('li[data-feed-alert]').first()).toBeVisible();
    await expect(page.locator('sac-map path.leaflet-interactive').first()).toBeVisible();
    await look(page, 'area');

    // Pedidos: the form, then a request answered by the municipality.
    await page.getByRole('link', { name: T('tab.requests'), exact: true }).click();
    await page.getByRole('button', { name: T('requests.new') }).click();
    await page.getByLabel(T('request.category.tree_pruning')).check();
    await page
      .getByLabel(T('requests.description'))
      .fill(lang === 'es' ? 'El árbol tapa la luminaria' : 'The tree hides the street light');
    await tapMap(page);
    await look(page, 'request-form');
    await page.getByRole('button', { name: T('requests.submit') }).click();
    const request = page.locator('li[data-request]').first();
    await expect(request).toContainText(T('request.status.open'));
    const rid = (await request.getAttribute('data-request'))!;
    await until(() => record(ops, 'requests', rid) !== undefined, 10_000);
    ops.doc.transact(() => {
      record(ops, 'requests', rid)!.set('status', 'acknowledged');
      record(ops, 'requests', rid)!.set(
        'reply',
        lang === 'es' ? 'Lo agendamos para la semana próxima.' : 'Scheduled for next week.',
      );
    });
    await expect(request).toContainText(T('request.status.acknowledged'));
    await look(page, 'requests');

    // Perfil, then hearing-impaired mode on and a neighbour's alert arriving.
    await page.getByRole('link', { name: T('tab.profile'), exact: true }).click();
    await expect(page.getByRole('heading', { name: T('profile.title') })).toBeVisible();
    await look(page, 'profile');
    await page.getByRole('checkbox', { name: T('profile.hearing') }).check();
    await raiseFor(neighbour, 'fire', neighbour.home);
    await expect(page.getByTestId('hearing-alert')).toBeVisible();
    await look(page, 'hearing');
    await page.getByRole('button', { name: T('hearing.dismiss') }).click();

    // The silent alarm's neutral screen.
    await page.getByRole('link', { name: T('tab.raise'), exact: true }).click();
    await page.getByRole('button', { name: T('alert.type.gender_violence') }).click();
    await expect(page.getByRole('heading', { name: T('alert.neutral_done') })).toBeVisible();
    await look(page, 'neutral');
    await page.getByRole('button', { name: T('app.continue') }).click();

    // No signal: the banner, the saved alert and the phone's own ways out.
    await phone.setOffline(true);
    await page.reload(); // an open WebSocket survives Chromium's offline mode
    await page.getByRole('button', { name: T('alert.type.bicycle_theft') }).click();
    await page.getByRole('button', { name: T('alert.send_now') }).click();
    await expect(page.locator('li[data-alert]').first()).toContainText(T('status.saved_local'));
    await expect(page.getByTestId('offline-banner')).toContainText(T('offline.banner'));
    await look(page, 'offline');
    await phone.setOffline(false);
    await expect(page.locator('li[data-alert]').first()).toContainText(T('status.delivered'), {
      timeout: 15_000,
    });
    ops.close();
    await phone.close();
  });
}
