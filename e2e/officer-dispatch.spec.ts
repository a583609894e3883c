import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { TestSyncClient, until } from '../server/testing/sync-client.js';
import { heading } from '../shared/geo.js';
import type { AlertTypeCode, GeoPoint } from '../shared/types.js';
import { PHONE, expectAccessible, login } from './support/app.js';

/**
 * A dispatch on the officer's phone says where to go and whom to call: the operator dispatches
 * a resident's alert raised at home, and the crew sees the address, the area, how far and
 * which way from them (updated as they move, with "you are here" on the map), the note, a
 * `tel:` link and one tap to navigate; the shift log lists the dispatch with each step and its
 * time. A silent alert shows the place and the note, never the person. Screens in Spanish and
 * English at phone and desktop size. Demo users: oficial13 + oficial14 (unit-7, which no other
 * spec dispatches to), vecino38, vecino39, operador2.
 */
const SCREENS = process.env.SCREENS_DIR ?? 'test-results/screens';
const UNIT = 'unit-7';

async function token(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** `p` moved `north` and `east` metres (planar: exact enough over a kilometre). */
const moved = (p: GeoPoint, north: number, east: number): GeoPoint => ({
  lat: p.lat + north / 111_195,
  lng: p.lng + east / (111_195 * Math.cos((p.lat * Math.PI) / 180)),
});
const geo = (p: GeoPoint) => ({ latitude: p.lat, longitude: p.lng });
/** As the card writes it: metres rounded to ten. */
const metres = (from: GeoPoint, to: GeoPoint) =>
  `${Math.round(heading(from, to).metres / 10) * 10} m`;

interface Raised {
  id: string;
  home: GeoPoint;
  ops: () => Y.Map<unknown>;
  close: () => void;
}

/** The resident raises an alert at home; an operator (its socket) takes it and dispatches. */
async function raiseAndDispatch(
  base: string,
  username: string,
  type: AlertTypeCode,
  note: string,
): Promise<Raised> {
  const resident = await token(base, username);
  const me = (await (
    await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${resident}` } })
  ).json()) as { id: string; home: GeoPoint };
  const own = new TestSyncClient(base, `user:${me.id}`, resident);
  const ops = new TestSyncClient(base, 'ops', await token(base, 'operador2'));
  await until(() => own.synced && ops.synced, 10_000);
  const id = crypto.randomUUID();
  const fields = {
    id,
    type,
    createdAt: new Date().toISOString(),
    location: { ...me.home, accuracy: 12 },
    note,
  };
  own.doc.transact(() => own.map('alerts').set(id, new Y.Map<unknown>(Object.entries(fields))));
  const rec = () => ops.map('alerts').get(id) as Y.Map<unknown>;
  await until(() => rec()?.get('status') === 'received', 10_000);
  rec().set('status', 'acknowledged');
  await until(() => (rec().get('timeline') as Y.Array<unknown>).length >= 2, 10_000);
  ops.doc.transact(() => {
    rec().set('assignedUnit', UNIT);
    rec().set('status', 'dispatched');
  });
  return { id, home: me.home, ops: rec, close: () => (own.close(), ops.close()) };
}

async function officer(context: BrowserContext, username: string): Promise<Page> {
  const page = await context.newPage();
  await login(page, username);
  await expect(page.locator('sac-officer-home')).toBeVisible();
  const later = page.getByRole('button', { name: /ahora no|not now/i });
  await later.click({ timeout: 3000 }).catch(() => undefined);
  return page;
}

/** The partner's phone in each language and size: the same card, the same log. */
async function screens(page: Page, name: string, ready: (p: Page) => Promise<void>) {
  for (const lang of ['es', 'en'] as const) {
    await page.evaluate((l) => localStorage.setItem('sac.lang', l), lang);
    await page.reload();
    for (const [size, viewport] of [
      ['phone', PHONE],
      ['desktop', { width: 1280, height: 800 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await ready(page);
      await page.screenshot({ path: `${SCREENS}/officer-${name}-${lang}-${size}.png` });
      await expectAccessible(page);
    }
  }
  await page.evaluate(() => localStorage.setItem('sac.lang', 'es'));
  await page.reload();
  await page.setViewportSize(PHONE);
}

test('the crew sees where to go, whom to call and how to get there; the log keeps each step', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const BASE = baseURL!;
  const resident = await token(BASE, 'vecino38');
  const home = (
    (await (
      await fetch(`${BASE}/api/me`, { headers: { authorization: `Bearer ${resident}` } })
    ).json()) as { home: GeoPoint }
  ).home;
  // The car is about 650 m south-west of the home: the home lies to the north-east.
  const start = moved(home, -460, -460);
  const car = await browser.newContext({
    viewport: PHONE,
    permissions: ['geolocation'],
    geolocation: geo(start),
  });
  const page = await officer(car, 'oficial13');
  // The partner's phone is set to another time zone: the log still reads the city's time.
  const partnerContext = await browser.newContext({
    timezoneId: 'Asia/Tokyo',
    viewport: PHONE,
    permissions: ['geolocation'],
    geolocation: geo(moved(home, 300, 900)),
  });
  const partner = await officer(partnerContext, 'oficial14');

  const alert = await raiseAndDispatch(BASE, 'vecino38', 'general', 'Portón verde, tocar timbre 2');
  const address = String(alert.ops().get('reporterAddress'));
  const phone = String(alert.ops().get('reporterPhone'));
  expect(address).not.toBe('');

  // The alarm already says where, how far and which way.
  const alarm = page.getByRole('alertdialog');
  await expect(alarm).toContainText(/despacho/i, { timeout: 15_000 });
  await expect(alarm).toContainText(address);
  await expect(alarm).toContainText(`A ${metres(start, home)} al noreste de vos`);
  await expect(alarm).toContainText('Portón verde, tocar timbre 2');
  await page.screenshot({ path: `${SCREENS}/officer-dispatch-alarm-where.png` });
  await alarm.getByRole('button', { name: /aceptar/i }).click();

  const card = page.locator(`[data-dispatch="${alert.id}"]`);
  await expect(card).toHaveAttribute('data-status', 'accepted');
  await expect(card).toContainText(address);
  await expect(card).toContainText(/domicilio de quien avisó/i);
  await expect(card).toContainText(/zona: /i);
  await expect(card.getByTestId('from-you')).toHaveText(
    `A ${metres(start, home)} al noreste de vos`,
  );
  await expect(card).toContainText('Nota: Portón verde, tocar timbre 2');
  // One tap to call the resident, and one to navigate (the phone's maps, or OpenStreetMap).
  const call = card.getByRole('link', { name: /llamar a/i });
  await expect(call).toHaveAttribute('href', `tel:${phone.replace(/[^\d+]/g, '')}`);
  await expect(call).toContainText(phone);
  const navigate = card.getByRole('link', { name: /navegar hasta ahí/i });
  const at = (n: number) => String(Math.round(n * 1e6) / 1e6);
  await expect(navigate).toHaveAttribute(
    'href',
    `geo:${at(home.lat)},${at(home.lng)}?q=${at(home.lat)},${at(home.lng)}(${encodeURIComponent(address)})`,
  );
  await expect(card.getByRole('link', { name: /openstreetmap/i })).toHaveAttribute(
    'href',
    `https://www.openstreetmap.org/?mlat=${at(home.lat)}&mlon=${at(home.lng)}#map=18/${at(home.lat)}/${at(home.lng)}`,
  );

  // "You are here" on the map, and the heading follows the car as it moves.
  await expect(page.locator('sac-map').getByText('Vos estás acá')).toBeVisible();
  await expect(page.locator('sac-map').getByText('Despacho', { exact: true })).toBeVisible();
  const closer = moved(home, 0, -200);
  await car.setGeolocation(geo(closer));
  await expect(card.getByTestId('from-you')).toHaveText(
    `A ${metres(closer, home)} al este de vos`,
    { timeout: 10_000 },
  );
  await page.screenshot({ path: `${SCREENS}/officer-dispatch-card-moved.png`, fullPage: true });
  await page.locator('sac-map').screenshot({ path: `${SCREENS}/officer-dispatch-map.png` });
  await expectAccessible(page);

  // The partner's phone, in each language and size: the card with the map under it.
  await screens(partner, 'dispatch-card', async (p) => {
    await expect(p.locator(`[data-dispatch="${alert.id}"] [data-testid="call"]`)).toBeVisible();
  });

  // The crew works it to the end; the centre closes the alert.
  for (const step of [/en camino/i, /llegamos al lugar/i, /terminamos/i])
    await card.getByRole('button', { name: step }).click();
  await until(() => alert.ops().get('unitStatus') === 'done', 15_000);
  alert.ops().doc!.transact(() => {
    alert.ops().set('status', 'resolved');
    alert.ops().set('outcome', 'attended');
  });

  // The shift log lists the dispatch with each step and its time, in the city's zone.
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /registro/i })
    .click();
  const entry = page.locator(`li[data-record="${alert.id}"]`);
  await expect(entry).toContainText(/despacho: alerta general/i);
  await expect(entry).toContainText(address);
  for (const step of ['dispatched', 'accepted', 'en_route', 'on_scene', 'done', 'closed'])
    await expect(entry.locator(`[data-step="${step}"]`)).toBeVisible({ timeout: 10_000 });
  await expect(entry.locator('[data-step="closed"]')).toContainText(/cerrada: resuelta/i);
  const dispatchedAt = await entry
    .locator('[data-step="dispatched"] time')
    .getAttribute('datetime');
  const shown = new Intl.DateTimeFormat('es-AR', {
    timeZone: 'America/Argentina/Mendoza',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(dispatchedAt!));
  await expect(entry.locator('[data-step="dispatched"] time')).toHaveText(shown);
  await page.screenshot({ path: `${SCREENS}/officer-log-dispatch.png` });
  await expectAccessible(page);

  await partner
    .getByRole('navigation')
    .getByRole('button', { name: /registro/i })
    .click();
  await expect(
    partner.locator(`li[data-record="${alert.id}"] [data-step="dispatched"] time`),
  ).toHaveText(shown);
  await screens(partner, 'log-dispatch', async (p) => {
    await p
      .getByRole('navigation')
      .getByRole('button', { name: /registro|log/i })
      .click();
    await expect(p.locator(`li[data-record="${alert.id}"] [data-step="closed"]`)).toBeVisible();
  });
  alert.close();
  for (const c of [car, partnerContext]) await c.close();
});

test('a silent alert’s dispatch shows the place and the note, never the person', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const BASE = baseURL!;
  const car = await browser.newContext({
    viewport: PHONE,
    permissions: ['geolocation'],
    geolocation: { latitude: -32.93, longitude: -68.85 },
  });
  const page = await officer(car, 'oficial13');
  const alert = await raiseAndDispatch(BASE, 'vecino39', 'gender_violence', 'Gritos en el fondo');
  const alarm = page.getByRole('alertdialog');
  await expect(alarm).toContainText(/violencia de género/i, { timeout: 15_000 });
  await expect(alarm).toContainText(/silenciosa/i);
  await expect(alarm.locator('a[href^="tel:"]')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/officer-dispatch-silent-alarm.png` });
  await alarm.getByRole('button', { name: /aceptar/i }).click();
  const card = page.locator(`[data-dispatch="${alert.id}"]`);
  await expect(card).toContainText(/alerta silenciosa/i);
  await expect(card).toContainText('Nota: Gritos en el fondo');
  await expect(card).toContainText(/zona: /i);
  await expect(card.getByRole('link', { name: /navegar hasta ahí/i })).toBeVisible();
  await expect(card.locator('a[href^="tel:"]')).toHaveCount(0);
  await expect(card).not.toContainText(/domicilio/i);
  await expect(card).not.toContainText(/quién avisó/i);
  await page.screenshot({ path: `${SCREENS}/officer-dispatch-silent-es-phone.png` });
  await expectAccessible(page);
  await card.getByRole('button', { name: /en camino/i }).click();
  alert.close();
  await car.close();
});
