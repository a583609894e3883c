import { expect, test } from '@playwright/test';
import { TestSyncClient } from '../server/testing/sync-client.js';
import { expectAccessible, login, newPhone } from './support/app.js';
import {
  BASE,
  api,
  neighbourOf,
  opsRoom,
  raiseFor,
  record,
  signIn,
  until,
} from './support/resident.js';
import type { Me } from '../shared/types.js';

/** The resident at phone size: the silent alarm, the neighbourhood feed, hearing-impaired mode. */

test('the silent alarm: neutral, no vibration, no trace once delivered, never to a neighbour', async ({
  browser,
}) => {
  const neighbour = await neighbourOf('vecino10', 'Rosa Videla');
  const phone = await newPhone(browser);
  await phone.addInitScript(() => {
    const calls: unknown[] = [];
    (window as unknown as { vibrations: unknown[] }).vibrations = calls;
    navigator.vibrate = (pattern: VibratePattern | Iterable<number>) => (
      calls.push(typeof pattern === 'number' ? pattern : [...pattern]),
      true
    );
  });
  const page = await phone.newPage();
  await login(page, 'vecino10');
  const ops = await opsRoom();
  const before = new Set(ops.map('alerts').keys());

  await page.getByRole('button', { name: /violencia de género/i }).click();
  // At once: no countdown, no sound or vibration, a screen that names nothing.
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByText('Listo.')).toBeVisible();
  await expect(page.locator('sac-resident-home')).not.toContainText(/violencia|silenciosa/i);
  expect(
    await page.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations),
  ).toEqual([]);
  await expectAccessible(page);

  await until(() => [...ops.map('alerts').keys()].some((k) => !before.has(k)), 10_000);
  const id = [...ops.map('alerts').keys()].find((k) => !before.has(k))!;
  expect(record(ops, 'alerts', id)?.get('type')).toBe('gender_violence');

  await page.getByRole('button', { name: /continuar/i }).click();
  await expect(page.getByRole('heading', { name: /qué está pasando/i })).toBeVisible();
  // Delivered: nowhere in the phone's visible history.
  await expect(page.locator(`li[data-alert="${id}"]`)).toHaveCount(0);
  await page.getByRole('link', { name: 'Mis alertas' }).click();
  await expect(page.getByRole('heading', { name: 'Mis alertas' })).toBeVisible();
  await expect(page.locator(`li[data-alert="${id}"]`)).toHaveCount(0);
  await expect(page.locator('sac-resident-home')).not.toContainText(/violencia|aviso/i);

  // A public alert of the same resident reaches the neighbour; the silent one never does.
  const home = (await api<Me>('/api/me', { token: (await signIn('vecino10')).token })).home!;
  const general = await raiseFor(await signIn('vecino10'), 'general', home);
  const other = await newPhone(browser);
  const theirs = await other.newPage();
  await login(theirs, neighbour.username, 'una-clave-larga');
  await theirs.getByRole('link', { name: 'Barrio' }).click();
  await expect(theirs.locator(`li[data-feed-alert="${general}"]`)).toBeVisible();
  await expect(theirs.locator(`li[data-feed-alert="${id}"]`)).toHaveCount(0);
  await expect(theirs.locator('sac-neighbourhood-feed')).not.toContainText(/violencia/i);
  const area = new TestSyncClient(BASE, `area:${neighbour.user.areaId}`, neighbour.token);
  await until(() => area.synced && area.map('alerts').has(general), 10_000);
  expect(area.map('alerts').has(id)).toBe(false);
  area.close();
  ops.close();
  await other.close();
  await phone.close();
});

test('the neighbourhood feed shows a name only while its owner allows it', async ({ browser }) => {
  const neighbour = await neighbourOf('vecino11', 'Julio Funes');
  const phone = await newPhone(browser);
  const page = await phone.newPage();
  await login(page, 'vecino11');
  await page.getByRole('link', { name: 'Barrio' }).click();
  await expect(page.getByRole('heading', { name: /alertas en tu barrio/i })).toBeVisible();

  const id = await raiseFor(neighbour, 'bicycle_theft', neighbour.home);
  const item = page.locator(`li[data-feed-alert="${id}"]`);
  await expect(item).toContainText(/robo de bicicleta/i);
  await expect(item).toContainText(/avisó julio f\./i);
  await expect(item).toContainText(/zona aproximada: -\d+\.\d{3}, -\d+\.\d{3}/i);
  await expect(page.locator('sac-map path.leaflet-interactive')).not.toHaveCount(0);
  await expectAccessible(page);

  // The neighbour withdraws consent in their profile: the name leaves the feed.
  const other = await newPhone(browser);
  const theirs = await other.newPage();
  await login(theirs, neighbour.username, 'una-clave-larga');
  await theirs.getByRole('link', { name: 'Perfil' }).click();
  const toggle = theirs.getByRole('checkbox', { name: /mostrar mi nombre/i });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(theirs.getByText('Guardado.')).toBeVisible();
  await expect(item).not.toContainText(/avisó/i);
  await expect(item).toContainText(/robo de bicicleta/i);
  await other.close();
  await phone.close();
});

test('hearing-impaired mode: an incoming alert fills the screen, flashing and vibrating', async ({
  browser,
}) => {
  const neighbour = await neighbourOf('vecino12', 'Ana Sosa');
  const phone = await newPhone(browser);
  await phone.addInitScript(() => {
    const calls: unknown[] = [];
    (window as unknown as { vibrations: unknown[] }).vibrations = calls;
    navigator.vibrate = (pattern: VibratePattern | Iterable<number>) => (
      calls.push(typeof pattern === 'number' ? pattern : [...pattern]),
      true
    );
  });
  const page = await phone.newPage();
  await login(page, 'vecino12');
  await page.getByRole('link', { name: 'Perfil' }).click();
  await page.getByRole('checkbox', { name: /personas sordas/i }).check();
  await page.getByRole('link', { name: 'Alertar' }).click();

  await raiseFor(neighbour, 'fire', neighbour.home);
  const overlay = page.getByTestId('hearing-alert');
  await expect(overlay).toBeVisible();
  await expect(overlay).toContainText(/alerta en tu barrio/i);
  await expect(overlay).toContainText(/incendio/i);
  const flashing = await overlay.evaluate((el) => getComputedStyle(el).animationName);
  expect(flashing).toBe('pulse');
  const vibrations = await page.evaluate(
    () => (window as unknown as { vibrations: unknown[] }).vibrations,
  );
  expect(vibrations.some((v) => Array.isArray(v) && v.length > 3)).toBe(true);
  await expectAccessible(page);
  await overlay.getByRole('button', { name: /ver en el barrio/i }).click();
  await expect(page.getByRole('heading', { name: /alertas en tu barrio/i })).toBeVisible();
  await expect(overlay).toHaveCount(0);
  await phone.close();
});
