import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { tFor, type Lang, type MessageKey } from '../shared/i18n/index.js';
import { DESKTOP, PHONE, expectAccessible, login, untilControlled } from './support/app.js';
import { openConsole } from './operator-console.js';
import { buildRelease, deploy } from './support/deploy.js';
import { freePort } from './support/ports.js';
import { startOwnServer, type SpawnedServer } from './support/push-server.js';
import { shot } from './support/resident.js';

/**
 * A new release reaches open pages: the service worker of the new release waits, the page
 * says "New version available", and only the person's "Update" switches to it. The spec
 * has its own server, serving a copy of the built client that it replaces with a second,
 * real build (e2e/support/deploy.ts), as a deploy does: the old chunks leave the server.
 */
test.describe.configure({ mode: 'serial', timeout: 240_000 });

let server: SpawnedServer;
let dir = '';
const live = () => path.join(dir, 'live');

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-e2e-release-'));
  deploy('dist/client', live());
  server = await startOwnServer(freePort(), { CLIENT_DIR: live() });
});
test.afterAll(async () => {
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const T = (lang: Lang, key: MessageKey) => tFor(lang, key);
const banner = (page: Page, lang: Lang) =>
  page.getByRole('status', { name: T(lang, 'update.label') });
const release = (page: Page) =>
  page.evaluate(() => document.querySelector('meta[name="sac-build"]')?.getAttribute('content'));
/** What a page does every half hour and on coming back to the screen (app-update.ts). */
const checkForUpdate = (page: Page) =>
  page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

async function open(browser: Browser, lang: Lang, size: 'phone' | 'desktop'): Promise<Page> {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: size === 'phone' ? PHONE : DESKTOP,
    ...(size === 'phone'
      ? { permissions: ['geolocation'], geolocation: { latitude: -32.912, longitude: -68.872 } }
      : {}),
  });
  await context.addInitScript((l) => {
    localStorage.setItem('sac.lang', l);
    localStorage.setItem('sac.push.later', String(Date.now()));
  }, lang);
  return context.newPage();
}

test('a new release waits for "Update", and never interrupts an alert being written', async ({
  browser,
}) => {
  // Release A, open: the console in Spanish and English, a resident's phone in both.
  const desk = {
    es: await open(browser, 'es', 'desktop'),
    en: await open(browser, 'en', 'desktop'),
  };
  await openConsole(desk.es, 'operador1');
  await openConsole(desk.en, 'operador2');
  const phone = { es: await open(browser, 'es', 'phone'), en: await open(browser, 'en', 'phone') };
  await login(phone.es, 'vecino36');
  await login(phone.en, 'vecino37');
  // A second tab of the resident's app, in the same browser.
  const tab = await phone.es.context().newPage();
  await tab.goto('/');
  await expect(tab.locator('sac-resident-home')).toBeVisible();
  const pages = [desk.es, desk.en, phone.es, phone.en, tab];
  for (const page of pages) await untilControlled(page);
  const planA = fs
    .readdirSync(path.join(live(), 'assets'))
    .find((f) => /^plan-editor-.*\.js$/.test(f))!;

  // Release B goes live: A's chunks are gone from the server.
  await buildRelease(path.join(dir, 'b'), 'B');
  deploy(path.join(dir, 'b'), live());
  expect((await fetch(`${server.url}/assets/${planA}`)).status).toBe(404);

  for (const page of pages) await checkForUpdate(page);
  for (const [lang, page] of [
    ['es', desk.es],
    ['en', desk.en],
    ['es', phone.es],
    ['en', phone.en],
  ] as const) {
    await expect(banner(page, lang)).toContainText(T(lang, 'update.available'));
    await expect(
      banner(page, lang).getByRole('button', { name: T(lang, 'update.action') }),
    ).toBeVisible();
    expect(await release(page)).toBeUndefined();
  }
  await shot(desk.es, 'update-banner-es-desktop');
  await shot(desk.en, 'update-banner-en-desktop');
  await shot(phone.es, 'update-banner-es-phone');
  await shot(phone.en, 'update-banner-en-phone');
  await expectAccessible(desk.es);
  await expectAccessible(phone.en);

  // Until then, the open console keeps release A whole: a screen it had not opened yet,
  // whose chunk the server no longer has, still opens (from the waiting worker's precache).
  await desk.es.evaluate(() => (location.hash = '#/plan'));
  await expect(
    desk.es.getByRole('heading', { level: 1, name: T('es', 'plan.title') }),
  ).toBeVisible();
  await desk.es.evaluate(() => (location.hash = '#/'));

  // "Actualizar": the new release takes over and the page reloads into it.
  await Promise.all([
    desk.es.waitForEvent('load'),
    banner(desk.es, 'es')
      .getByRole('button', { name: T('es', 'update.action') })
      .click(),
  ]);
  await expect.poll(() => release(desk.es)).toBe('B');
  await expect(desk.es.locator('sac-operator-home')).toBeVisible();
  await expect(banner(desk.es, 'es')).toHaveCount(0);

  // The resident writes an alert's note in one tab, and accepts the update in the other.
  const resident = phone.es;
  await resident.evaluate(() => ((window as { sameDocument?: boolean }).sameDocument = true));
  await resident.getByRole('button', { name: T('es', 'alert.type.general') }).click();
  await resident.getByRole('button', { name: T('es', 'alert.add_note') }).click();
  await resident.getByLabel(T('es', 'alert.note')).fill('Hay alguien en el patio');
  // Nothing competes with the alert being written.
  await expect(banner(resident, 'es')).toHaveCount(0);
  await Promise.all([
    tab.waitForEvent('load'),
    banner(tab, 'es')
      .getByRole('button', { name: T('es', 'update.action') })
      .click(),
  ]);
  await expect.poll(() => release(tab)).toBe('B');
  // The writing tab was not reloaded: the note is still there, on release A.
  await resident.waitForTimeout(1500);
  expect(await resident.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(
    true,
  );
  await expect(resident.getByLabel(T('es', 'alert.note'))).toHaveValue('Hay alguien en el patio');
  expect(await release(resident)).toBeUndefined();
  // Done (here: cancelled), the update is offered again and loads when accepted.
  await resident.getByRole('button', { name: T('es', 'alert.cancel_send') }).click();
  await expect(banner(resident, 'es')).toContainText(T('es', 'update.available'));
  await Promise.all([
    resident.waitForEvent('load'),
    banner(resident, 'es')
      .getByRole('button', { name: T('es', 'update.action') })
      .click(),
  ]);
  await expect.poll(() => release(resident)).toBe('B');
  for (const page of pages)
    await page
      .context()
      .close()
      .catch(() => undefined);
});

test('a screen whose chunk is gone reloads the page once, then says so', async ({ browser }) => {
  // No service worker (a first visit during a deploy): the screen's chunk comes from the
  // server, which no longer has it.
  for (const lang of ['es', 'en'] as const) {
    const context = await browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block' });
    await context.addInitScript((l) => {
      localStorage.setItem('sac.lang', l);
      localStorage.setItem('sac.push.later', String(Date.now()));
    }, lang);
    await context.route(/\/assets\/plan-editor-[^/]+\.js$/, (r) =>
      r.fulfill({ status: 404, body: 'gone' }),
    );
    const page = await context.newPage();
    await openConsole(page, lang === 'es' ? 'operador3' : 'admin');
    let loads = 0;
    page.on('load', () => loads++);
    await page.evaluate(() => (location.hash = '#/plan'));
    // The screen says so in its place, with the one thing that helps; no banner repeats it.
    const failed = page.locator('main', {
      has: page.getByRole('heading', { level: 1, name: T(lang, 'update.failed') }),
    });
    await expect(failed).toBeVisible();
    await expect(banner(page, lang)).toHaveCount(0);
    // One reload, and no more however long the page stays.
    expect(loads).toBe(1);
    await page.waitForTimeout(2000);
    expect(loads).toBe(1);
    await shot(page, `update-failed-${lang}-desktop`);
    await expectAccessible(page);
    // "Update" is the person's own reload: still the one screen that cannot load, no loop.
    await Promise.all([
      page.waitForEvent('load'),
      failed.getByRole('button', { name: T(lang, 'update.action') }).click(),
    ]);
    await expect(failed).toBeVisible();
    await page.waitForTimeout(1500);
    expect(loads).toBe(2);
    await context.close();
  }
});
