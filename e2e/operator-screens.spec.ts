import { expect, test, type Page } from '@playwright/test';
import { newDesk } from './support/app.js';
import { detail, expectNoAxeViolations, openAlert, openConsole, row } from './operator-console.js';
import { busyQueue, fileRequest, markAs, raiseAs, register, type Raised } from './operator-seed.js';

/**
 * Every operator screen at 1366×768 with a busy queue (ten alerts from vecino21–30, a second
 * operator looking, requests, a pending registration, a repeat false-alarmer), saved to
 * test-results/screens/ to be looked at, and checked with axe.
 */
const shot = async (page: Page, name: string) => {
  await page.screenshot({ path: `test-results/screens/operator-${name}.png` });
  await expectNoAxeViolations(page);
};

// Serial: one busy night, seeded once, looked at in three parts (axe over a busy console
// takes tens of seconds on a loaded 2-core machine, so each part has its own time budget).
test.describe.configure({ mode: 'serial', timeout: 480_000 });

let raised: Raised[] = [];
let pending = '';

test.beforeAll(async ({ baseURL }) => {
  const base = baseURL!;
  // A repeat false-alarmer, for the registrations screen.
  for (const note of ['', '']) {
    const { id } = await raiseAs(base, 'vecino29', 'general', note);
    await markAs(base, 'operador3', id, 'false_alarm');
  }
  pending = await register(base, 'Lorena Castillo');
  await fileRequest(
    base,
    'vecino24',
    'street_lighting',
    'La luminaria de la esquina está apagada hace una semana.',
  );
  await fileRequest(base, 'vecino26', 'trash', 'No pasó el camión de la basura el martes.');
  raised = await busyQueue(base);
  // Some of the queue already being worked, as on a real night.
  await markAs(base, 'operador3', raised[3]!.id, 'acknowledged');
  await markAs(base, 'operador3', raised[6]!.id, 'acknowledged');
});

const byUser = (username: string) => raised.find((r) => r.username === username)!;

test('the queue and an alert, worked with a second operator looking', async ({ browser }) => {
  const deskA = await newDesk(browser);
  const deskB = await newDesk(browser);
  const admin = await deskA.newPage();
  const other = await deskB.newPage();
  await openConsole(admin, 'admin');
  await openConsole(other, 'operador2');
  for (const r of raised) await expect(row(admin, r.id)).toBeVisible();
  await openAlert(other, raised[0]!.id);
  await expect(row(admin, raised[0]!.id).locator('.chip')).toHaveCount(1);
  await shot(admin, 'queue');

  const general = byUser('vecino21');
  await openAlert(admin, general.id);
  await admin.keyboard.press('a');
  await expect(detail(admin).locator('[data-status]').first()).toHaveText(/en atención/i);
  await shot(admin, 'detail');
  await admin.keyboard.press('d');
  await expect(detail(admin).locator('sac-dispatch-picker')).toBeVisible();
  await shot(admin, 'dispatch');
  await admin.keyboard.press('Escape');
  await admin.keyboard.press('r');
  await shot(admin, 'resolve');
  await admin.keyboard.press('Escape');

  const silent = raised.find((r) => r.type === 'gender_violence')!;
  await openAlert(admin, silent.id);
  await expect(detail(admin).getByText(/identidad protegida/i)).toBeVisible();
  await shot(admin, 'silent');
  await admin.keyboard.press('i');
  await expect(detail(admin).getByText(/registrada en la auditoría/i)).toBeVisible();
  await shot(admin, 'silent-identity');

  await admin.keyboard.press('?');
  await expect(admin.getByRole('dialog')).toBeVisible();
  await shot(admin, 'help');
  await admin.keyboard.press('Escape');
  await deskA.close();
  await deskB.close();
});

test('the boards: units, sirens, requests, registrations, audit', async ({ browser }) => {
  const desk = await newDesk(browser);
  const admin = await desk.newPage();
  await openConsole(admin, 'admin');
  const tabs: [RegExp, string, string][] = [
    [/^móviles/i, 'units', 'tr[data-unit]'],
    [/^sirenas/i, 'sirens', 'tr[data-siren]'],
    [/^pedidos/i, 'requests', 'tr[data-request]'],
    [/^registros/i, 'registrations', `tr[data-user="${pending}"]`],
    [/^auditoría/i, 'audit', 'tr[data-audit]'],
  ];
  for (const [name, file, ready] of tabs) {
    await admin.getByRole('tab', { name }).click();
    await expect(admin.locator(ready).first()).toBeVisible();
    if (file === 'requests') {
      // Work one: seen, then a reply back to the resident.
      await admin.locator('tr[data-request] button').first().click();
      await admin.getByRole('button', { name: /^visto$/i }).click();
      await admin.getByLabel(/respuesta al vecino/i).fill('Gracias, el martes pasa la cuadrilla.');
      await admin.getByRole('button', { name: /enviar respuesta/i }).click();
      await expect(admin.locator('tr[data-request]').first()).toContainText(/visto/i);
    }
    if (file === 'sirens') {
      // The test command goes to the server (POST /api/sirens/:id/test), which retries it.
      await admin
        .locator('tr[data-siren]')
        .first()
        .getByRole('button', { name: /probar/i })
        .click();
      await expect(admin.getByRole('status').filter({ hasText: /prueba enviada/i })).toBeVisible();
    }
    if (file === 'registrations')
      await expect(
        admin.locator('table[data-list="flagged"] tr[data-user="vecino29"]'),
      ).toBeVisible();
    await shot(admin, file);
  }

  await desk.close();
});

test('in English', async ({ browser }) => {
  const desk = await newDesk(browser);
  const admin = await desk.newPage();
  await openConsole(admin, 'admin');
  await admin.getByRole('button', { name: 'English', exact: true }).click();
  await expect(admin.getByRole('heading', { name: /open alerts/i })).toBeVisible();
  await shot(admin, 'queue-en');
  await openAlert(admin, byUser('vecino21').id);
  await shot(admin, 'detail-en');
  await desk.close();
});
