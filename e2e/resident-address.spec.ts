import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { tFor, type MessageKey } from '../shared/i18n/index.js';
import { DESKTOP, expectAccessible, newPhone, untilControlled } from './support/app.js';
import { api, freshPhone, shot, signIn } from './support/resident.js';
import { loadConfig } from '../server/config.js';
import { startServer } from '../server/server.js';

/**
 * Registering a home by typing its address: the street from the city's list, the number,
 * the pin placed from the list's course and confirmed on the map. Then the first sign-in
 * after approval says so, once. And the map tiles a resident saw stay for offline use.
 */
for (const lang of ['es', 'en'] as const) {
  const T = (key: MessageKey) => tFor(lang, key);

  test(`registration with a typed address, then "approved" once, ${lang}`, async ({ browser }) => {
    const phone = await newPhone(browser);
    await phone.addInitScript((l) => localStorage.setItem('sac.lang', l), lang);
    const page = await phone.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: T('login.register') }).click();
    await expect(page.getByRole('heading', { name: T('register.title') })).toBeVisible();

    // The street list is offered as the resident types (a datalist of the city's streets).
    const street = page.getByLabel(T('address.street'));
    const options = await street.evaluate((el) =>
      [...((el as HTMLInputElement).list?.options ?? [])].map((o) => o.value),
    );
    expect(options).toContain('Tomba');
    expect(options.length).toBeGreaterThan(20);

    const username = `domicilio${lang}${Date.now().toString(36)}`;
    await page.getByLabel(T('register.name')).fill('Rosa Quiroga');
    await page.getByLabel(T('register.phone')).fill(freshPhone());
    await street.fill('tomba');
    await page.getByLabel(T('address.number'), { exact: true }).fill('1200');
    await page.getByRole('button', { name: T('address.find') }).click();
    // Placed from the street's course: the pin and its neighbourhood, to confirm.
    const status = page.locator('.home-status[data-area]');
    await expect(status).toHaveAttribute('data-area', /^area-\d+$/);
    await expect(street).toHaveValue('Tomba');
    await expect(page.getByText(/Tomba 1200/)).toBeVisible();
    await page.getByLabel(T('register.username'), { exact: true }).fill(username);
    await page.getByLabel(T('register.password'), { exact: true }).fill('una-clave-larga');
    await shot(page, `residents-register-address-${lang}-phone`);
    await expectAccessible(page);
    await page.setViewportSize(DESKTOP);
    await shot(page, `residents-register-address-${lang}-desktop`);
    await page.getByRole('button', { name: T('register.submit') }).click();
    await expect(page.getByRole('heading', { name: T('account.registered.title') })).toBeVisible();

    // The operator approves; the stored home is the typed address at the placed point.
    const op = await signIn('operador1');
    const { users } = await api<{
      users: { id: string; username: string; address: string; areaId: string }[];
    }>('/api/users?status=pending', { token: op.token });
    const mine = users.find((u) => u.username === username)!;
    expect(mine.address).toBe('Tomba 1200');
    await api(`/api/users/${mine.id}/approve`, { token: op.token, json: {} });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: T('account.back') }).click();
    await page.getByLabel(T('login.username')).fill(username);
    await page.getByLabel(T('login.password')).fill('una-clave-larga');
    await page.getByRole('button', { name: T('login.submit'), exact: true }).click();
    const notice = page.getByText(T('approved.notice'));
    await expect(notice).toBeVisible();
    await shot(page, `residents-approved-${lang}-phone`);
    await expectAccessible(page);
    await page.setViewportSize(DESKTOP);
    await shot(page, `residents-approved-${lang}-desktop`);
    // Told once: not again on the next start.
    await page.reload();
    await expect(page.getByRole('heading', { name: T('alert.choose') })).toBeVisible();
    await expect(notice).toHaveCount(0);
    await phone.close();
  });
}

// 1×1 PNG: enough for Leaflet to draw a tile and the worker to keep it.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const loadedTiles = (page: Page) =>
  page.evaluate(() => {
    const home = document.querySelector('sac-app')?.shadowRoot;
    const all: HTMLImageElement[] = [];
    const walk = (root: Document | ShadowRoot) => {
      all.push(...root.querySelectorAll<HTMLImageElement>('img.leaflet-tile'));
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(home ?? document);
    return all.filter((i) => i.complete && i.naturalWidth > 0).length;
  });

test('map tiles a resident has seen are kept for offline use', async ({ browser }) => {
  // The demo has no tiles: this city names a tile server, a local one answering with CORS,
  // on a server of its own (the tile origin is in the page's CSP and the worker's routes).
  let served = 0;
  const tiles = http.createServer((_req, res) => {
    served++;
    res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
    res.end(PNG);
  });
  await new Promise<void>((ok) => tiles.listen(0, '127.0.0.1', ok));
  const port = (tiles.address() as AddressInfo).port;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-e2e-tiles-'));
  const city = await startServer(
    loadConfig({
      DEMO: '1',
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      TILES_URL: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`,
      TILES_ATTRIBUTION: '© test tiles',
    }),
  );
  const phone = await newPhone(browser);
  try {
    const page = await phone.newPage();
    await page.goto(`${city.url}/`);
    await page.getByLabel(/usuario|username/i).fill('vecino9');
    await page.getByLabel(/contraseña|password/i).fill('demo1234');
    await page.getByRole('button', { name: /ingresar|log in/i }).click();
    // Signed in before the reload: the worker may be ready before the sign-in is.
    await expect(page.locator('sac-header')).toBeVisible();
    await untilControlled(page);
    await page.reload(); // now every request goes through the worker
    await page.getByRole('link', { name: /barrio/i }).click();
    await expect.poll(() => loadedTiles(page), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect
      .poll(() => page.evaluate(async () => (await (await caches.open('sac-tiles')).keys()).length))
      .toBeGreaterThan(0);
    expect(served).toBeGreaterThan(0);

    // No signal, and the tile server gone: the tiles still draw, from the phone.
    tiles.closeAllConnections();
    await new Promise((done) => tiles.close(done));
    await phone.setOffline(true);
    await page.reload();
    await page.getByRole('link', { name: /barrio/i }).click();
    await expect.poll(() => loadedTiles(page), { timeout: 15_000 }).toBeGreaterThan(0);
    await shot(page, 'residents-tiles-offline-es-phone');
  } finally {
    await phone.close();
    await city.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
