import { expect, test, type Page } from '@playwright/test';
import { PHONE, newPhone } from './support/app.js';

/**
 * A first visit on a slow link: the login screen is drawn from the shell and one script, and
 * nothing of a signed-in screen (a resident's home, the map, Leaflet, IndexedDB's library,
 * the other roles' screens) is fetched before it is drawn. What a resident opens on is fetched
 * behind the drawn login; the other roles' screens and Leaflet never before sign-in.
 */

const assetsOf = (urls: string[]) =>
  urls.map((u) => new URL(u).pathname).filter((p) => p.startsWith('/assets/'));

const loginForm = (page: Page) => [
  page.getByLabel(/usuario|username/i),
  page.getByLabel(/contraseña|password/i),
  page.getByRole('button', { name: /ingresar|log in/i }),
];

test('the login screen needs only the shell and one script', async ({ browser }) => {
  const phone = await newPhone(browser);
  // Every other script is refused: if the login needed one, it would never be drawn.
  await phone.route(/\/assets\//, (route) =>
    /\/assets\/index-[\w-]+\.js$/.test(route.request().url()) ? route.fallback() : route.abort(),
  );
  const page = await phone.newPage();
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('/');
  for (const field of loginForm(page)) await expect(field).toBeEnabled();
  // One module, asked for by the shell itself (modulepreload or the script tag, same request).
  const entry = assetsOf(scripts).filter((p) => /^\/assets\/index-/.test(p));
  expect(new Set(entry).size).toBe(1);
  const shell = await (await page.request.get('/')).text();
  expect(shell).toContain(`src="${entry[0]}"`);
  await phone.close();
});

test('a resident’s home comes behind the drawn login; another role’s screens and Leaflet never before sign-in', async ({
  browser,
}) => {
  const phone = await newPhone(browser);
  // The page's clock when the app had drawn its first screen (client/app.ts).
  await phone.addInitScript(() =>
    addEventListener('sac-drawn', () => performance.mark('drawn'), { once: true }),
  );
  const page = await phone.newPage();
  const asked: string[] = [];
  // The page's and the service worker's requests alike.
  phone.on('request', (r) => asked.push(r.url()));
  await page.goto('/');
  for (const field of loginForm(page)) await expect(field).toBeEnabled();
  // The install has kept a resident's app by now: all a signed-out visit fetches.
  await page.evaluate(() => navigator.serviceWorker.ready);
  const timing = await page.evaluate(() => ({
    drawn: performance.getEntriesByName('drawn')[0]?.startTime ?? null,
    scripts: performance
      .getEntriesByType('resource')
      .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime })),
  }));
  expect(timing.drawn).not.toBeNull();
  const early = timing.scripts.filter(
    (s) => s.path.startsWith('/assets/') && s.start < timing.drawn!,
  );
  expect(early.map((s) => s.path)).toEqual([expect.stringMatching(/^\/assets\/index-[\w-]+\.js$/)]);
  const home = timing.scripts.filter((s) => /^\/assets\/resident-home-/.test(s.path));
  expect(home.length).toBe(1);

  const before = assetsOf(asked);
  for (const other of [
    'leaflet',
    'leaflet-src',
    'operator-home',
    'officer-home',
    'plan-editor',
    'observatory-view',
    'register-view',
    'en',
  ])
    expect(
      before.filter((p) => p.startsWith(`/assets/${other}-`)),
      other,
    ).toEqual([]);

  await loginForm(page)[0]!.fill('vecino94');
  await loginForm(page)[1]!.fill('demo1234');
  await loginForm(page)[2]!.click();
  await expect(page.getByRole('button', { name: /alerta general/i })).toBeVisible();
  await phone.close();
});

test('an English phone’s login is drawn in English before the rest of English arrives', async ({
  browser,
}) => {
  const phone = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
  // English's chunk is held back until the login is drawn.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await phone.route(/\/assets\/en-[\w-]+\.js$/, async (route) => {
    await held;
    await route.fallback();
  });
  const page = await phone.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Log in to SAC' })).toBeVisible();
  await expect(page.getByLabel('Username')).toBeEnabled();
  release();
  await page.getByLabel('Username').fill('vecino96');
  await page.getByLabel('Password').fill('demo1234');
  await page.getByRole('button', { name: 'Log in' }).click();
  // The home waits for the whole of English: no Spanish on it.
  await expect(page.getByRole('button', { name: /general alert/i })).toBeVisible();
  await phone.close();
});
