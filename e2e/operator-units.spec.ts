import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { loadConfig } from '../server/config.js';
import { startServer, type Running } from '../server/server.js';
import { tFor, type Lang, type MessageKey } from '../shared/i18n/index.js';
import { TestSyncClient, until } from '../server/testing/sync-client.js';
import { expectNoAxeViolations } from './operator-console.js';
import { raiseAs } from './operator-seed.js';
import { viewportsFor } from './support/screens.js';

/**
 * The console tells the truth about units, in a server of its own whose dispatches must be
 * accepted within 2 s (DISPATCH_ACCEPT_SECONDS): who is connected, a confirmation before
 * sending a car nobody is signed in to, the warning with its tone and the next unit one key
 * away, and the resident told "on its way" only once a crew accepted. Screens in Spanish and
 * English, desktop and phone, saved to test-results/screens/units-*.png and checked with axe.
 */
test.describe.configure({ mode: 'serial', timeout: 240_000 });

let server: Running;
let base = '';
const DESK = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

test.beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-e2e-'));
  server = await startServer(
    loadConfig({
      DEMO: '1',
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      DISPATCH_ACCEPT_SECONDS: '2',
    }),
  );
  base = server.url;
});
test.afterAll(async () => server?.close());

/** A browser of one language and size; every tone the page plays is recorded by pitch. */
async function open(browser: Browser, lang: Lang, viewport = DESK) {
  const context = await browser.newContext({
    baseURL: base,
    viewport,
    locale: lang === 'es' ? 'es-AR' : 'en-GB',
    permissions: ['geolocation'],
    geolocation: { latitude: -32.912, longitude: -68.872 },
  });
  await context.addInitScript((l) => localStorage.setItem('sac.lang', l), lang);
  await context.addInitScript(() => {
    const w = window as unknown as { tones: number[] };
    w.tones = [];
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (when?: number) {
      w.tones.push(this.frequency.value);
      start.call(this, when);
    };
  });
  return context;
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel(/usuario|username/i).fill(username);
  await page.getByLabel(/contraseña|password/i).fill('demo1234');
  await page.getByRole('button', { name: /ingresar|log in/i }).click();
  await expect(page.locator('sac-header')).toBeVisible();
}

async function openConsole(page: Page, username: string): Promise<void> {
  await signIn(page, username);
  await expect(page.locator('sac-operator-home')).toBeVisible();
  await page
    .getByRole('button', { name: /ahora no|not now/i })
    .click({ timeout: 3000 })
    .catch(() => undefined);
}

const tones = (page: Page) => page.evaluate(() => (window as unknown as { tones: number[] }).tones);
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screens/units-${name}.png` });
const detail = (page: Page) => page.locator('sac-alert-detail');
const tab = (page: Page, lang: Lang, key: MessageKey) =>
  page.getByRole('tab', { name: new RegExp(tFor(lang, key), 'i') });

/** An alert acknowledged and dispatched by an operator through `ops`, as the console does. */
async function dispatched(username: string, unit: string): Promise<string> {
  const { id } = await raiseAs(base, username, 'general', 'Golpes en la puerta del fondo');
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'operador3', password: 'demo1234' }),
  });
  const { token } = (await res.json()) as { token: string };
  const ops = new TestSyncClient(base, 'ops', token);
  await until(() => ops.synced && ops.map('alerts').has(id), 10_000);
  const alert = ops.map('alerts').get(id) as Y.Map<unknown>;
  alert.set('status', 'acknowledged');
  await until(() => ops.allStored, 10_000);
  ops.doc.transact(() => {
    alert.set('assignedUnit', unit);
    alert.set('status', 'dispatched');
  });
  await until(() => typeof alert.get('acceptOverdueAt') === 'string', 10_000);
  ops.close();
  return id;
}

test('a unit nobody is signed in to, a dispatch nobody accepts, and the next unit', async ({
  browser,
}) => {
  const T = (key: MessageKey) => tFor('es', key);
  const desk = await open(browser, 'es');
  const op = await desk.newPage();
  await openConsole(op, 'operador1');
  const car = await open(browser, 'es', PHONE);
  const officer = await car.newPage();
  await signIn(officer, 'oficial11'); // unit-6
  const phone = await open(browser, 'es', PHONE);
  const resident = await phone.newPage();
  await signIn(resident, 'vecino21');

  // The units board: unit-6 names its connected officer; unit-9 has nobody.
  await tab(op, 'es', 'ops.tab.units').click();
  const row6 = op.locator('sac-units-board tr[data-unit="unit-6"]');
  await expect(row6).toHaveAttribute('data-crew', 'on', { timeout: 10_000 });
  await expect(row6).toContainText(T('ops.crew.connected'));
  const row9 = op.locator('sac-units-board tr[data-unit="unit-9"]');
  await expect(row9).toHaveAttribute('data-crew', 'none');
  await expect(row9).toContainText(T('ops.unit.nobody'));
  await shot(op, 'board-es-desktop');
  await expectNoAxeViolations(op);

  // The resident raises an alert; the operator takes it and picks unit-9: asked to confirm.
  await resident.getByRole('button', { name: /alerta general/i }).click();
  await resident.getByRole('button', { name: /enviar ahora/i }).click();
  await tab(op, 'es', 'ops.tab.queue').click();
  const fresh = op.locator('tr[data-alert].new');
  await expect(fresh).toHaveCount(1, { timeout: 10_000 });
  const id = (await fresh.getAttribute('data-alert'))!;
  await fresh.getByRole('button').first().click();
  await op.keyboard.press('a');
  await op.keyboard.press('d');
  await detail(op).locator('button[data-unit="unit-9"]').click();
  const confirm = detail(op).locator('.confirm-nobody');
  await expect(confirm).toContainText(T('ops.dispatch.nobody_body'));
  await expect(detail(op).locator('[data-status]').first()).toHaveText(T('status.acknowledged'));
  await shot(op, 'confirm-es-desktop');
  await expectNoAxeViolations(op);
  await op.keyboard.press('Enter');
  await expect(detail(op).locator('[data-status]').first()).toHaveText(T('status.dispatched'));
  // Dispatched, not accepted: the resident reads "finding a patrol", not "on its way".
  await expect(resident.getByText(T('status.dispatched')).first()).toBeVisible();
  await expect(resident.getByText(T('status.accepted'))).toHaveCount(0);

  // Nobody accepts within 2 s: a warning, its tone, and unit-6 offered; `m` sends it.
  const warning = detail(op).locator('[data-accept="overdue"]');
  await expect(warning).toBeVisible({ timeout: 10_000 });
  await expect.poll(() => tones(op)).toContain(390);
  await expect(op.locator('[data-banner="overdue"]')).toBeVisible();
  await expect(warning.locator('button[data-redispatch="unit-6"]')).toBeVisible();
  await shot(op, 'overdue-es-desktop');
  await expectNoAxeViolations(op);
  await op.keyboard.press('m');
  await expect(op.getByRole('status').filter({ hasText: /Móvil 6|unit-6/ })).toBeVisible();
  await expect(detail(op).locator('[data-accept="waiting"]')).toBeVisible();
  await expect(op.locator('[data-banner="overdue"]')).toHaveCount(0);

  // unit-6's phone rings; its officer accepts; now, and only now, "on its way".
  await officer.getByRole('button', { name: T('officer.dispatch.accept') }).click();
  await expect(detail(op).locator('[data-accept="taken"]')).toBeVisible();
  await expect(op.locator(`tr[data-alert="${id}"]`)).toContainText(T('status.accepted'));
  await expect(resident.getByText(T('status.accepted')).first()).toBeVisible();
  await resident.screenshot({ path: 'test-results/screens/units-resident-accepted-es-phone.png' });
  await shot(op, 'accepted-es-desktop');
  for (const c of [desk, car, phone]) await c.close();
});

for (const lang of ['es', 'en'] as const) {
  for (const [size, viewport] of viewportsFor(lang)) {
    test(`the board, the warning and the banner off the queue, ${lang} ${size}`, async ({
      browser,
    }) => {
      const T = (key: MessageKey) => tFor(lang, key);
      const resident = lang === 'es' ? 'vecino22' : 'vecino24';
      const late = await dispatched(size === 'phone' ? 'vecino26' : resident, 'unit-10');
      const desk = await open(browser, lang, viewport);
      const op = await desk.newPage();
      await openConsole(op, 'operador2');

      await tab(op, lang, 'ops.tab.units').click();
      await expect(op.locator('tr[data-unit="unit-10"]')).toContainText(T('ops.crew.none'));
      await shot(op, `board-${lang}-${size}`);

      // On another tab, a new alert: the banner, a flash of the screen's edge and a tone.
      await tab(op, lang, 'ops.tab.sirens').click();
      const before = (await tones(op)).filter((f) => f === 880).length;
      await raiseAs(base, size === 'phone' ? 'vecino27' : 'vecino28', 'medical', '');
      const banner = op.locator('[data-banner="waiting"]');
      await expect(banner).toBeVisible();
      await expect(op.locator('.edge-flash')).toHaveCount(1);
      await expect
        .poll(async () => (await tones(op)).filter((f) => f === 880).length)
        .toBeGreaterThan(before);
      await expect(op.locator('[data-banner="overdue"]')).toBeVisible();
      await shot(op, `banner-${lang}-${size}`);
      await expectNoAxeViolations(op);

      // "Show" on the overdue banner leads to the alert, with its warning.
      await op.locator('[data-banner="overdue"] button').click();
      // (the first of those waiting: earlier runs of this test left theirs on unit-10 too)
      await expect(op.locator('[data-detail]')).toBeVisible();
      expect(late).toEqual(expect.any(String));
      await expect(detail(op).locator('[data-accept="overdue"]')).toBeVisible();
      await shot(op, `overdue-${lang}-${size}`);
      await expectNoAxeViolations(op);
      await desk.close();
    });
  }
}

const stacked: string[] = [];

for (const lang of ['es', 'en'] as const) {
  for (const [size, viewport] of viewportsFor(lang)) {
    test(`an opened alert is framed on the map; alerts at one spot draw apart, ${lang} ${size}`, async ({
      browser,
    }) => {
      // One resident pressing three times at home: three alerts at one spot.
      if (!stacked.length)
        for (const note of ['Primera', 'Segunda', 'Tercera'])
          stacked.push((await raiseAs(base, 'vecino30', 'general', note)).id);
      const desk = await open(browser, lang, viewport);
      const op = await desk.newPage();
      await openConsole(op, 'operador2');
      const map = op.locator('sac-map .map');
      for (const id of stacked)
        await expect(map.locator(`.alert-dot[data-alert="${id}"]`)).toHaveCount(1);
      // (earlier tests of this file left other stacks on the map: this one is of three)
      await expect(map.locator('.stack-count').filter({ hasText: /^3$/ })).toHaveCount(1);
      // Read in one go: an update of the room redraws the markers.
      const centres = await map.locator('.alert-dot').evaluateAll(
        (dots, ids) =>
          dots
            .filter((d) => ids.includes((d as HTMLElement).dataset.alert ?? ''))
            .map((d) => {
              const r = d.getBoundingClientRect();
              return `${Math.round(r.x + r.width / 2)},${Math.round(r.y + r.height / 2)}`;
            }),
        stacked,
      );
      expect(centres).toHaveLength(3);
      expect(new Set(centres).size).toBe(3);

      await op.locator(`tr[data-alert="${stacked[1]}"]`).getByRole('button').first().click();
      await expect(op.locator(`[data-detail="${stacked[1]}"]`)).toBeVisible();
      const marker = map.locator(`.alert-dot.selected[data-alert="${stacked[1]}"]`);
      // Framed once the map's column settles: the alert well inside the map, not at its edge.
      await expect
        .poll(async () => {
          const m = await map.boundingBox();
          const b = await marker.boundingBox().catch(() => null);
          if (!m || !b) return false;
          const x = (b.x + b.width / 2 - m.x) / m.width;
          const y = (b.y + b.height / 2 - m.y) / m.height;
          return x > 0.2 && x < 0.8 && y > 0.2 && y < 0.8;
        })
        .toBe(true);
      await op.locator('sac-map').scrollIntoViewIfNeeded();
      await shot(op, `map-${lang}-${size}`);
      await expectNoAxeViolations(op);
      await desk.close();
    });
  }
}
