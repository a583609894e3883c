import { expect, test, type Browser, type Route, type WebSocketRoute } from '@playwright/test';
import { tFor, type Lang } from '../shared/i18n/index.js';
import { expectAccessible, login, newDesk, newPhone, untilControlled } from './support/app.js';
import { shot } from './support/resident.js';
import { openAlert, openConsole } from './operator-console.js';

/**
 * The installed app opens from what the phone holds: the first install keeps a resident's
 * app (and nothing of the other roles), and a phone whose link swallows every packet while
 * the browser still says "online" shows the alert buttons as if it were offline.
 */

test('the first install keeps a resident’s app, and nothing of the other roles, and it opens offline', async ({
  browser,
}) => {
  const phone = await newPhone(browser);
  const page = await phone.newPage();
  await login(page, 'vecino90');
  await untilControlled(page);
  const kept = await page.evaluate(async () =>
    (await (await caches.open('sac-app')).keys()).map((r) => new URL(r.url).pathname),
  );
  expect(kept).toContain('/index.html');
  expect(kept.some((p) => /^\/assets\/index-[\w-]+\.js$/.test(p))).toBe(true);
  // The resident's pin picker and neighbourhood map, kept after sign-in.
  expect(kept.some((p) => /^\/assets\/leaflet-src-[\w-]+\.js$/.test(p))).toBe(true);
  // Never the console, the patrol, the observatory or English on a resident's data plan.
  for (const other of ['operator-home', 'officer-home', 'plan-editor', 'observatory-view', 'en'])
    expect(kept.filter((p) => p.startsWith(`/assets/${other}-`))).toEqual([]);

  await phone.setOffline(true);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('button', { name: /alerta general/i })).toBeVisible();
  await phone.close();
});

test('on a hung link the installed app shows the alert buttons at once, and the alert raised then arrives once', async ({
  browser,
}) => {
  const desk = await newDesk(browser);
  const operator = await desk.newPage();
  await openConsole(operator, 'operador3');

  const phone = await newPhone(browser);
  const page = await phone.newPage();
  await login(page, 'vecino91');
  await untilControlled(page);

  // Lie-fi: the browser stays online, every request and socket waits for ever.
  let hung = true;
  const held: Route[] = [];
  const sockets: WebSocketRoute[] = [];
  await phone.route('**', (route) => (hung ? void held.push(route) : route.fallback()));
  await phone.routeWebSocket(/\/sync\//, (ws) =>
    hung ? void sockets.push(ws) : ws.connectToServer(),
  );

  await page.reload();
  await expect(page.getByRole('button', { name: /alerta general/i })).toBeVisible();
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);
  // /api/me and /api/city were asked for, and are still waiting: nothing waited on them.
  expect(held.map((r) => new URL(r.request().url()).pathname)).toEqual(
    expect.arrayContaining(['/api/me', '/api/city']),
  );

  await page.getByRole('button', { name: /alerta general/i }).click();
  await page.getByRole('button', { name: /enviar ahora/i }).click();
  const card = page.locator('li[data-alert]').first();
  await expect(card).toBeVisible();
  const id = await card.getAttribute('data-alert');
  await expect(operator.locator(`tr[data-alert="${id}"]`)).toHaveCount(0);

  // The link comes back: what hung fails, as a dead connection does, and new ones go through.
  hung = false;
  for (const route of held.splice(0)) await route.abort('connectionfailed').catch(() => null);
  for (const ws of sockets.splice(0)) await ws.close();
  await expect(page.locator(`li[data-alert="${id}"]`)).toContainText(
    /entregada al centro de monitoreo/i,
    { timeout: 20_000 },
  );
  await expect(operator.locator(`tr[data-alert="${id}"]`)).toHaveCount(1);
  await operator.waitForTimeout(500);
  await expect(operator.locator(`tr[data-alert="${id}"]`)).toHaveCount(1);
  // Closed as a drill, so it leaves the open queue other specs read.
  await openAlert(operator, id!);
  await operator.keyboard.press('a');
  await operator.keyboard.press('f');
  await operator.keyboard.press('Enter');
  await expect(operator.locator(`tr[data-alert="${id}"]`)).toHaveCount(0);
  await phone.close();
  await desk.close();
});

/** Signed in, but the city never reached this phone, and the server does not answer for it. */
async function withoutCity(browser: Browser, lang: Lang, username: string, size: 'phone' | 'desk') {
  const ctx =
    size === 'phone'
      ? await newPhone(browser)
      : await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await ctx.addInitScript((l) => {
    localStorage.setItem('sac.lang', l);
    localStorage.setItem('sac.push.later', String(Date.now()));
  }, lang);
  // Every load starts with no city kept (the first one has none anyway).
  await ctx.addInitScript(() => localStorage.removeItem('sac.city'));
  const page = await ctx.newPage();
  await login(page, username);
  let down = true;
  await ctx.route('**/api/city', (r) => (down ? r.abort('connectionfailed') : r.fallback()));
  await page.reload();
  return { ctx, page, up: () => (down = false) };
}

for (const [lang, size, username] of [
  ['es', 'phone', 'vecino92'],
  ['en', 'desk', 'vecino93'],
] as const) {
  test(`a signed-in phone with no city says it cannot reach SAC and retries (${lang} ${size})`, async ({
    browser,
  }) => {
    const { ctx, page, up } = await withoutCity(browser, lang, username, size);
    const failed = page.getByRole('alert');
    await expect(failed).toContainText(tFor(lang, 'boot.unreachable'));
    await shot(page, `boot-unreachable-${lang}-${size === 'phone' ? 'phone' : 'desktop'}`);
    await expectAccessible(page);
    up();
    await page.getByRole('button', { name: tFor(lang, 'app.retry') }).click();
    await expect(page.locator('sac-resident-home')).toBeVisible();
    await ctx.close();
  });
}
