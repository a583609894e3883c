import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { TestSyncClient, until } from '../server/testing/sync-client.js';
import type { ShiftPlan } from '../shared/plan.js';
import { DESKTOP, PHONE, expectAccessible, login, untilControlled } from './support/app.js';

/**
 * The patrol officer's phone, at 390 × 844: a shift worked without signal on two
 * phones of one unit, merged exactly once; a dispatch accepted offline; the operators' plan
 * view. Demo users: oficial1 + oficial2 (unit-1), oficial3 (unit-2), vecino31, operador3.
 */
const FAR_AWAY = { latitude: -32.95, longitude: -68.82 };

/** What the phone's screen shows (the tab bar is fixed: a full-page capture would misplace it). */
const SCREENS = process.env.SCREENS_DIR ?? 'test-results/screens';
const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: `${SCREENS}/officer-${name}.png`, fullPage });

async function phone(browser: Browser, at = FAR_AWAY): Promise<BrowserContext> {
  return browser.newContext({ viewport: PHONE, permissions: ['geolocation'], geolocation: at });
}

/** Signs in, waits for the shell to be cached (the app must reopen offline) and the plan. */
async function officer(context: BrowserContext, username: string): Promise<Page> {
  const page = await context.newPage();
  await login(page, username);
  await untilControlled(page);
  const later = page.getByRole('button', { name: /ahora no/i });
  if (await later.isVisible()) await later.click();
  await expect(page.getByRole('heading', { level: 1, name: /turno/i })).toBeVisible();
  return page;
}

const tab = (page: Page, name: RegExp) =>
  page.getByRole('navigation').getByRole('button', { name }).click();

async function converse(page: Page, answers: readonly string[], note: string): Promise<void> {
  const questions = page.locator('[data-question]');
  for (let i = 0; i < answers.length; i++) {
    await questions.nth(i).getByRole('button', { name: answers[i]!, exact: true }).click();
  }
  if (note) await page.getByLabel(/nota/i).fill(note);
  await page.getByRole('button', { name: /guardar charla/i }).click();
  await expect(page.getByRole('status').filter({ hasText: /charla guardada/i })).toBeVisible();
}

async function request(page: Page, category: RegExp, text: string): Promise<void> {
  await page.getByRole('button', { name: category }).click();
  await page.getByLabel(/qué pasa y dónde/i).fill(text);
  await page.getByRole('button', { name: /enviar al centro/i }).click();
  await expect(page.getByRole('status').filter({ hasText: /pedido guardado/i })).toBeVisible();
}

const recordIds = (page: Page) =>
  page
    .locator('li[data-record]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-record')!));

async function token(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  return ((await res.json()) as { token: string }).token;
}

test('a shift without signal on two phones of one unit reaches the operators once', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const started = new Date(Date.now() - 60_000).toISOString();
  const first = await phone(browser);
  const a = await officer(first, 'oficial1');
  const plans = (await (await a.request.get('/api/units/unit-1/plan')).json()) as {
    plans: ShiftPlan[];
  };
  const now = new Date().toISOString();
  const plan = plans.plans.find((p) => p.start <= now && now < p.end)!;
  const visit = plan.visits.find((v) => v.end > now);
  const point = plan.points.find((p) => p.id === visit?.point) ?? plan.points[0]!;
  // Phone A stands at the point; phone B, far from it, will be warned.
  await first.setGeolocation({ latitude: point.lat, longitude: point.lng });
  const second = await phone(browser);
  const b = await officer(second, 'oficial2');
  await expect(a.locator('sac-map .pin').first()).toBeVisible();
  await shot(a, 'shift');
  await shot(a, 'shift-full', true);
  await expectAccessible(a);

  // No signal for the whole shift, on both phones; the app reopens from the phone.
  await first.setOffline(true);
  await second.setOffline(true);
  const reopened = await a.reload();
  expect(reopened?.fromServiceWorker()).toBe(true);
  await expect(a.getByRole('heading', { level: 1, name: /turno/i })).toBeVisible();

  await a.getByRole('button', { name: /llegué al punto/i }).click();
  await expect(a.getByRole('button', { name: /me voy del punto/i })).toBeVisible();
  await expect(a.getByTestId('pending')).toContainText(/1 registro solo en este teléfono/i);
  await shot(a, 'shift-checked-in-offline');
  await expectAccessible(a);
  await b.getByRole('button', { name: /llegué al punto/i }).click();
  await expect(b.getByRole('alert')).toContainText(/estás a \d+ m del punto/i);
  await shot(b, 'shift-far-warning');
  await b.getByRole('button', { name: /registrar igual/i }).click();

  await tab(a, /charla/i);
  await shot(a, 'talk-empty');
  await expectAccessible(a);
  await tab(b, /charla/i);
  for (let i = 0; i < 5; i++) {
    await converse(
      a,
      ['Sí', 'No', 'No sabe', 'No', 'Sí'],
      i === 0 ? 'Pide más patrullaje de noche' : '',
    );
    await converse(b, ['No', 'Sí', 'Sí', 'No sabe', 'No'], '');
  }
  // A conversation being answered (not saved: the ten above are the shift's).
  const questions = a.locator('[data-question]');
  await questions.nth(0).getByRole('button', { name: 'No', exact: true }).click();
  await questions.nth(1).getByRole('button', { name: 'Sí', exact: true }).click();
  await questions.nth(2).getByRole('button', { name: 'No sabe', exact: true }).click();
  await shot(a, 'talk-filled');

  await tab(a, /pedido/i);
  await request(a, /alumbrado público/i, 'Luminaria apagada en la esquina de la plaza');
  await a.getByRole('button', { name: /vehículo abandonado/i }).click();
  await a.getByLabel(/qué pasa y dónde/i).fill('Auto sin ruedas hace dos semanas');
  await shot(a, 'request');
  await expectAccessible(a);
  await tab(b, /pedido/i);
  await request(b, /residuos/i, 'Basural en el baldío de la vuelta');

  await tab(a, /turno/i);
  await a.getByRole('button', { name: /me voy del punto/i }).click();
  await tab(a, /registro/i);
  await tab(b, /registro/i);
  await expect(a.locator('li[data-record][data-stored="phone"]')).toHaveCount(8);
  await expect(b.locator('li[data-record][data-stored="phone"]')).toHaveCount(7);
  await shot(a, 'log-offline');
  await expectAccessible(a);
  const ids = [...(await recordIds(a)), ...(await recordIds(b))];
  expect(new Set(ids).size).toBe(15);

  // Signal returns on both phones: everything is stored, and each phone has both officers' log.
  await first.setOffline(false);
  await second.setOffline(false);
  for (const p of [a, b]) {
    await expect(p.getByTestId('log-summary')).toContainText(/todo está guardado/i, {
      timeout: 20_000,
    });
    await expect(p.locator('li[data-record]')).toHaveCount(15);
  }
  await expect(a.locator('li[data-record][data-stored="phone"]')).toHaveCount(0);
  await shot(a, 'log-stored');

  // The operators see all of it exactly once (SQL, through the operators' API).
  const desk = await browser.newContext({ viewport: DESKTOP });
  const ops = await desk.newPage();
  await login(ops, 'operador3');
  const activity = (await (
    await ops.request.get(`/api/units/unit-1/activity?since=${encodeURIComponent(started)}`)
  ).json()) as {
    checkins: { id: string }[];
    conversations: { id: string }[];
    requests: string[];
    stays: { point: string; minutes: number | null }[];
  };
  const mine = (list: string[]) => list.filter((id) => ids.includes(id));
  expect(mine(activity.conversations.map((c) => c.id))).toHaveLength(10);
  expect(new Set(activity.conversations.map((c) => c.id)).size).toBe(activity.conversations.length);
  expect(mine(activity.checkins.map((c) => c.id))).toHaveLength(3);
  expect(mine(activity.requests)).toHaveLength(2);
  expect(activity.stays.find((s) => s.point === point.id)?.minutes).not.toBeNull();

  await ops.goto('/#/plan/unit-1');
  await expect(ops.getByRole('heading', { name: /planes de patrullaje/i })).toBeVisible();
  await expect(ops.getByText(/10 charlas con vecinos/i)).toBeVisible();
  await shot(ops, 'plan-editor-desktop', true);
  await expectAccessible(ops);
  for (const c of [first, second, desk]) await c.close();
});

test('a dispatch accepted without signal reaches the operator when signal returns', async ({
  browser,
  baseURL,
}) => {
  const BASE = baseURL!;
  test.setTimeout(120_000);
  const context = await phone(browser);
  const page = await officer(context, 'oficial3');

  const resident = await token(BASE, 'vecino31');
  const me = (await (
    await fetch(`${BASE}/api/me`, { headers: { authorization: `Bearer ${resident}` } })
  ).json()) as { id: string };
  const own = new TestSyncClient(BASE, `user:${me.id}`, resident);
  const ops = new TestSyncClient(BASE, 'ops', await token(BASE, 'operador3'));
  await until(() => own.synced && ops.synced, 10_000);
  const id = crypto.randomUUID();
  const fields = {
    id,
    type: 'general',
    createdAt: new Date().toISOString(),
    location: { lat: -32.92, lng: -68.86, accuracy: 10 },
    note: 'Ruidos de vidrios rotos',
  };
  own.doc.transact(() => own.map('alerts').set(id, new Y.Map<unknown>(Object.entries(fields))));
  const rec = () => ops.map('alerts').get(id) as Y.Map<unknown> | undefined;
  await until(() => rec()?.get('status') === 'received', 10_000);
  rec()!.set('status', 'acknowledged');
  await until(
    () =>
      rec()?.get('timeline') instanceof Y.Array &&
      (rec()!.get('timeline') as Y.Array<unknown>).length >= 2,
    10_000,
  );
  ops.doc.transact(() => {
    rec()!.set('assignedUnit', 'unit-2');
    rec()!.set('status', 'dispatched');
  });

  const alarm = page.getByRole('alertdialog');
  await expect(alarm).toContainText(/despacho/i, { timeout: 15_000 });
  await expect(alarm).toContainText(/alerta general/i);
  await shot(page, 'dispatch-alarm');
  await expectAccessible(page);

  await context.setOffline(true);
  await alarm.getByRole('button', { name: /aceptar/i }).click();
  const card = page.locator(`[data-dispatch="${id}"]`);
  await expect(card).toHaveAttribute('data-status', 'accepted');
  await expect(card).toContainText(/solo en este teléfono/i);
  await shot(page, 'dispatch-accepted-offline');
  await page.waitForTimeout(1000);
  expect(rec()?.get('unitStatus')).toBeUndefined();

  await context.setOffline(false);
  await until(() => rec()?.get('unitStatus') === 'accepted', 20_000);
  await expect(card).toContainText(/en el servidor/i, { timeout: 15_000 });
  await card.getByRole('button', { name: /en camino/i }).click();
  await card.getByRole('button', { name: /llegamos al lugar/i }).click();
  await until(
    () => rec()?.get('status') === 'on_scene' && rec()?.get('unitStatus') === 'on_scene',
    10_000,
  );
  await until(() => (own.map('alerts').get(id) as Y.Map<unknown>).get('unitStatus') === 'on_scene');
  await shot(page, 'dispatch-on-scene');
  await expectAccessible(page);
  own.close();
  ops.close();
  await context.close();
});
