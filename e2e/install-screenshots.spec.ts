import { expect, test, type Browser, type Page } from '@playwright/test';
import { SCREENSHOTS, type InstallScreenshot } from '../client/install-screenshots.js';
import { login } from './support/app.js';
import { openConsole } from './operator-console.js';
import { markAs, raiseAs } from './operator-seed.js';
import { opsRoom, record, unitRoom, until } from './support/resident.js';

/**
 * Makes the install sheet's screenshots (the manifest's `screenshots`, listed in
 * client/install-screenshots.ts) from the real app with the demo city, into
 * client/public/screenshots/, to be committed:
 *
 *   npm run build && SAC_INSTALL_SCREENSHOTS=1 npx playwright test e2e/install-screenshots.spec.ts
 *
 * Skipped otherwise: it rewrites committed files. Rerun when the screens change.
 */
test.skip(!process.env.SAC_INSTALL_SCREENSHOTS, 'writes client/public/screenshots/');
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const OUT = 'client/public/screenshots';
const RESIDENT = 'vecino31';
/** A phone's user agent, so the app names the device as a phone would see it. */
const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

const spec = (file: string): InstallScreenshot => SCREENSHOTS.find((s) => s.file === file)!;

async function open(browser: Browser, s: InstallScreenshot): Promise<Page> {
  const phone = s.form_factor === 'narrow';
  const context = await browser.newContext({
    viewport: s.viewport,
    deviceScaleFactor: s.scale,
    ...(phone
      ? {
          userAgent: PHONE_UA,
          isMobile: true,
          hasTouch: true,
          permissions: ['geolocation'],
          geolocation: { latitude: -32.912, longitude: -68.872 },
        }
      : {}),
  });
  // The install sheet shows the app at work, not the notifications card.
  await context.addInitScript(() => localStorage.setItem('sac.push.later', String(Date.now())));
  return context.newPage();
}

async function save(page: Page, s: InstallScreenshot): Promise<void> {
  // No hover tooltip left over from the last click.
  await page.mouse.move(0, s.viewport.height - 1);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${OUT}/${s.file}`, animations: 'disabled' });
}

test('the resident raises an alert, and follows it', async ({ browser, baseURL }) => {
  const page = await open(browser, spec('phone-alert.png'));
  await login(page, RESIDENT);
  await expect(page.locator('sac-alert-composer button.type').first()).toBeVisible();
  await save(page, spec('phone-alert.png'));

  // An alert sent from the app, taken by the monitoring centre and a patrol on its way.
  const ops = await opsRoom();
  await page.locator('sac-alert-composer button[data-type="medical"]').click();
  await page.getByRole('button', { name: /enviar ahora/i }).click();
  const card = page.locator('li[data-alert]').first();
  await expect(card).toBeVisible();
  const id = (await card.getAttribute('data-alert'))!;
  await until(() => record(ops, 'alerts', id) !== undefined, 10_000);
  record(ops, 'alerts', id)!.set('status', 'acknowledged');
  ops.doc.transact(() => {
    record(ops, 'alerts', id)!.set('assignedUnit', 'unit-4');
    record(ops, 'alerts', id)!.set('status', 'dispatched');
  });
  const crew = await unitRoom('oficial7', 'unit-4');
  await until(() => record(crew, 'dispatches', id) !== undefined, 10_000);
  crew.doc.transact(() => {
    record(crew, 'dispatches', id)!.set('status', 'en_route');
    record(crew, 'dispatches', id)!.set('enRouteAt', new Date().toISOString());
  });
  await until(() => crew.allStored, 10_000);
  crew.close();
  ops.close();
  await page.goto(`${baseURL}/#/alert/${id}`);
  await expect(page.locator(`li[data-alert="${id}"] li[data-step="en_route"]`)).toContainText(
    /\d\d:\d\d/,
  );
  await save(page, spec('phone-my-alert.png'));
});

test('the monitoring centre sees the alerts on the map', async ({ browser, baseURL }) => {
  const base = baseURL!;
  const queue = [
    await raiseAs(base, 'vecino32', 'general', 'Dos personas saltando el tapial del vecino'),
    await raiseAs(base, 'vecino33', 'fire', 'Sale humo del baldío de la esquina'),
    await raiseAs(base, 'vecino34', 'medical', 'Mi papá se descompuso, respira mal'),
    await raiseAs(base, 'vecino35', 'bicycle_theft', 'Se llevaron la bici del garaje'),
  ];
  await markAs(base, 'operador3', queue[2]!.id, 'acknowledged');
  const page = await open(browser, spec('desktop-console.png'));
  await openConsole(page, 'operador1');
  await expect(page.locator(`tr[data-alert="${queue[0]!.id}"]`)).toBeVisible();
  await save(page, spec('desktop-console.png'));
});
