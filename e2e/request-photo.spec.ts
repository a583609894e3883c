import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, PHONE, expectAccessible, login, untilControlled } from './support/app.js';
import { BASE, neighbourOf, opsRoom, record, signIn, tapMap, until } from './support/resident.js';
import * as Y from 'yjs';
import { openConsole } from './operator-console.js';
import { sniffPhoto } from '../server/requests/image.js';

/**
 * A neighbour request with a photo, from the phone to the console: taken and shrunk on the
 * phone with no signal, sent when the signal returns, seen by the operator with the request's
 * conversation, published, then seen by a neighbour. Screens in es/en, phone and desktop,
 * saved to test-results/screens/ to be looked at, each checked with axe.
 */
test.describe.configure({ timeout: 240_000 });

const GPS = 'GPSLatitude -32.9123 GPSLongitude -68.8712';
const shot = async (page: Page, name: string) => {
  // The console's request detail scrolls on its own: show it from the top.
  const detail = page.locator('sac-requests-queue .detail');
  if (await detail.count()) await detail.evaluate((d) => d.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/screens/request-photo-${name}.png`, fullPage: true });
};

/**
 * A camera's picture: 3000×2000 px, with an EXIF segment naming where it was taken (the
 * reporter's home, often). Drawn in the page: a street lamp, off, at night.
 */
async function cameraPhoto(page: Page): Promise<Buffer> {
  const b64 = await page.evaluate(async () => {
    const c = document.createElement('canvas');
    c.width = 3000;
    c.height = 2000;
    const g = c.getContext('2d')!;
    const sky = g.createLinearGradient(0, 0, 0, 2000);
    sky.addColorStop(0, '#1b2a4a');
    sky.addColorStop(1, '#4a4a58');
    g.fillStyle = sky;
    g.fillRect(0, 0, 3000, 2000);
    g.fillStyle = '#2b2b30';
    g.fillRect(0, 1500, 3000, 500);
    g.fillStyle = '#777';
    g.fillRect(1400, 400, 80, 1150);
    g.fillRect(1400, 400, 500, 60);
    g.fillStyle = '#333';
    g.fillRect(1800, 440, 160, 90);
    g.fillStyle = '#fff';
    g.font = 'bold 140px sans-serif';
    g.fillText('Luminaria apagada', 200, 300);
    const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), 'image/jpeg', 0.92));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (const x of bytes) s += String.fromCharCode(x);
    return btoa(s);
  });
  const jpeg = Buffer.from(b64, 'base64');
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from(GPS)]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, exif.length + 2]), exif]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

async function choosePhoto(page: Page, photo: Buffer): Promise<void> {
  await page.locator('sac-photo-picker input#gallery').setInputFiles({
    name: 'IMG_20261204_2231.jpg',
    mimeType: 'image/jpeg',
    buffer: photo,
  });
  await expect(page.locator('sac-photo-picker img')).toBeVisible();
  await expect(page.getByText(/foto lista|photo ready/i)).toBeVisible();
}

async function fillRequest(page: Page, description: string): Promise<void> {
  await page.getByRole('link', { name: /pedidos|requests/i }).click();
  await page.getByRole('button', { name: /nuevo pedido|new request/i }).click();
  await page.getByLabel(/alumbrado público|street lighting/i).check();
  await page.getByLabel(/descripción|description/i).fill(description);
  await tapMap(page);
}

test('a request with a photo: offline on the phone, then sent, seen, answered and published', async ({
  browser,
}) => {
  const phone = await browser.newContext({ viewport: PHONE, serviceWorkers: 'allow' });
  const page = await phone.newPage();
  await login(page, 'vecino34');
  await untilControlled(page);
  const photo = await cameraPhoto(page);

  // No signal: the request and its photo stay on the phone, through a reload.
  await phone.setOffline(true);
  await page.reload();
  await fillRequest(page, 'La luminaria de la esquina está apagada desde el domingo');
  await choosePhoto(page, photo);
  await expectAccessible(page);
  await shot(page, 'form-es-phone');
  await page.getByRole('button', { name: 'Enviar pedido' }).click();
  const item = page.locator('li[data-request]').first();
  await expect(item).toContainText(/guardado en este teléfono/i);
  await expect(item.locator('[data-photo="waiting"]')).toContainText(/se envía cuando haya señal/i);
  const id = (await item.getAttribute('data-request'))!;
  await page.reload();
  await expect(page.locator(`li[data-request="${id}"] [data-photo="waiting"]`)).toBeVisible();
  await shot(page, 'waiting-es-phone');

  // Signal again: the request is received, then its photo sent.
  await phone.setOffline(false);
  const mine = page.locator(`li[data-request="${id}"]`);
  await expect(mine).toContainText(/recibido por el municipio/i, { timeout: 20_000 });
  await expect(mine.locator('[data-photo="sent"]')).toBeVisible({ timeout: 20_000 });
  await expect(mine.locator('[data-photo="sent"] img')).toHaveJSProperty('complete', true);

  // What the server holds: shrunk to 1280 px on the long side, and no GPS position.
  const resident = await signIn('vecino34');
  const held = await fetch(`${BASE}/api/requests/${id}/photo`, {
    headers: { authorization: `Bearer ${resident.token}` },
  });
  expect(held.status).toBe(200);
  const bytes = new Uint8Array(await held.arrayBuffer());
  expect(sniffPhoto(bytes)).toEqual({ type: 'image/jpeg', width: 1280, height: 853 });
  expect(Buffer.from(bytes).toString('latin1')).not.toContain('GPSLatitude');
  expect(bytes.length).toBeLessThan(400 * 1024);

  // Another operator answers first (a status and a reply), so there is a conversation to see.
  const ops = await opsRoom();
  await until(() => record(ops, 'requests', id) !== undefined, 10_000);
  ops.doc.transact(() => {
    record(ops, 'requests', id)!.set('status', 'acknowledged');
    record(ops, 'requests', id)!.set('reply', 'Recibido. Lo pasamos a Alumbrado.');
  });

  // A neighbour of the same area may not see the photo until it is published.
  const neighbour = await neighbourOf('vecino34', 'Marta Quiroga');
  const asNeighbour = () =>
    fetch(`${BASE}/api/requests/${id}/photo`, {
      headers: { authorization: `Bearer ${neighbour.token}` },
    }).then((r) => r.status);
  expect(await asNeighbour()).toBe(404);

  const desk = await browser.newContext({ viewport: DESKTOP });
  const centre = await desk.newPage();
  await openConsole(centre, 'operador1');
  await centre.getByRole('tab', { name: /^pedidos/i }).click();
  await centre.locator(`tr[data-request="${id}"] button`).click();
  const thread = centre.locator('ol.thread');
  await expect(thread.locator('li[data-kind="filed"]')).toContainText(/hizo el pedido/i);
  await expect(thread.locator('li[data-kind="photo"]')).toContainText(/adjuntó una foto/i);
  await expect(thread.locator('li[data-kind="status"]')).toContainText(/lo pasó a visto/i);
  await expect(thread.locator('li[data-kind="reply"]')).toContainText(/lo pasamos a alumbrado/i);
  // By name, never an id.
  await expect(thread).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}/);
  const img = centre.locator('section.photo img');
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(1280);
  await centre.getByLabel(/respuesta al vecino/i).fill('La cuadrilla pasa el jueves a la mañana.');
  await centre.getByRole('button', { name: /enviar respuesta/i }).click();
  await expect(thread.locator('li[data-kind="reply"]')).toHaveCount(2);
  await expect(centre.getByLabel(/respuesta al vecino/i)).toHaveValue('');
  await expectAccessible(centre);
  await shot(centre, 'console-es-desktop');

  await centre.getByRole('button', { name: 'Publicar foto' }).click();
  await expect(centre.locator('[data-photo="published"]')).toContainText(/publicada el/i);
  await expect(thread.locator('li[data-kind="photo_published"]')).toContainText(/publicó la foto/i);
  expect(await asNeighbour()).toBe(200);
  await shot(centre, 'console-published-es-desktop');
  await expect(mine.locator('[data-photo="published"]')).toBeVisible();
  await expect(mine).toContainText(/la cuadrilla pasa el jueves/i);
  await shot(page, 'published-es-phone');

  ops.close();
  await desk.close();
  await phone.close();
});

test('the request form with a photo and the console’s request view, es/en, phone/desktop', async ({
  browser,
}) => {
  const viewports = [
    ['phone', PHONE],
    ['desktop', { width: 1280, height: 800 }],
  ] as const;
  let id = '';
  for (const [lang, [size, viewport]] of [
    ['en', viewports[0]],
    ['es', viewports[1]],
    ['en', viewports[1]],
  ] as const) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await login(page, 'vecino35');
    if (lang === 'en') await page.getByRole('button', { name: 'English', exact: true }).click();
    await fillRequest(page, 'The street lamp on the corner has been off since Sunday');
    await choosePhoto(page, await cameraPhoto(page));
    await expectAccessible(page);
    await shot(page, `form-${lang}-${size}`);
    if (!id) {
      await page.getByRole('button', { name: /send request/i }).click();
      const item = page.locator('li[data-request]').first();
      await expect(item.locator('[data-photo="sent"]')).toBeVisible({ timeout: 20_000 });
      id = (await item.getAttribute('data-request'))!;
    }
    await context.close();
  }

  for (const [lang, [size, viewport]] of [
    ['en', viewports[1]],
    ['es', viewports[0]],
    ['en', viewports[0]],
  ] as const) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await openConsole(page, 'operador3');
    if (lang === 'en') await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('tab', { name: /^pedidos|^requests/i }).click();
    await page.locator(`tr[data-request="${id}"] button`).click();
    await expect(page.locator('section.photo img')).toBeVisible();
    await expect(page.locator('ol.thread li[data-kind="photo"]')).toBeVisible();
    await expectAccessible(page);
    await shot(page, `console-${lang}-${size}`);
    await page.locator('ol.thread').scrollIntoViewIfNeeded();
    await page.screenshot({
      path: `test-results/screens/request-photo-thread-${lang}-${size}.png`,
    });
    await context.close();
  }
});

test('an officer files a request for a neighbour with a photo; the console sees it', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: PHONE,
    permissions: ['geolocation'],
    geolocation: { latitude: -32.93, longitude: -68.85 },
  });
  const page = await context.newPage();
  await login(page, 'oficial17');
  const later = page.getByRole('button', { name: /ahora no/i });
  if (await later.isVisible()) await later.click();
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /pedido/i })
    .click();
  await page.getByRole('button', { name: /poda de árboles/i }).click();
  await page.getByLabel(/qué pasa y dónde/i).fill('Rama caída sobre el cable, avisa la vecina');
  await choosePhoto(page, await cameraPhoto(page));
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/screens/request-photo-officer-es-phone.png' });
  await page.getByRole('button', { name: /enviar al centro/i }).click();
  await expect(page.getByRole('status').filter({ hasText: /pedido guardado/i })).toBeVisible();
  await expect(page.locator('sac-photo-picker img')).toHaveCount(0);

  const ops = await opsRoom();
  const filed = () =>
    [...ops.map('requests').values()].find(
      (r) => r instanceof Y.Map && String(r.get('description')).startsWith('Rama caída'),
    ) as Y.Map<unknown> | undefined;
  await until(() => filed()?.get('photo') !== undefined, 20_000);
  const id = filed()!.get('id') as string;
  const operator = await signIn('operador1');
  const held = await fetch(`${BASE}/api/requests/${id}/photo`, {
    headers: { authorization: `Bearer ${operator.token}` },
  });
  expect(held.status).toBe(200);
  expect(sniffPhoto(new Uint8Array(await held.arrayBuffer()))).toMatchObject({ width: 1280 });
  ops.close();
  await context.close();
});

test('a request and its photo taken with no signal are sent by the service worker with the app closed', async ({
  browser,
}) => {
  const phone = await browser.newContext({ viewport: PHONE });
  await phone.grantPermissions(['background-sync']);
  const page = await phone.newPage();
  await login(page, 'vecino36');
  await untilControlled(page);
  const photo = await cameraPhoto(page);
  // Offline from the start of this page's life (an open WebSocket survives offline mode).
  await phone.setOffline(true);
  await page.reload();
  await fillRequest(page, 'Malezas altas en el cantero central');
  await choosePhoto(page, photo);
  await page.getByRole('button', { name: 'Enviar pedido' }).click();
  const item = page.locator('li[data-request]').first();
  await expect(item.locator('[data-photo="waiting"]')).toBeVisible();
  const id = (await item.getAttribute('data-request'))!;

  // The app closed: only the service worker can send them now, the request first.
  await page.close();
  const ops = await opsRoom();
  await phone.setOffline(false);
  await until(() => record(ops, 'requests', id)?.get('photo') !== undefined, 30_000);
  const operator = await signIn('operador1');
  const held = await fetch(`${BASE}/api/requests/${id}/photo`, {
    headers: { authorization: `Bearer ${operator.token}` },
  });
  expect(held.status).toBe(200);

  // Next open: nothing waits on the phone any more.
  const next = await phone.newPage();
  await next.goto('/#/requests');
  await expect(next.locator(`li[data-request="${id}"] [data-photo="sent"]`)).toBeVisible();
  ops.close();
  await phone.close();
});
