import { expect, test, type Page } from '@playwright/test';
import { login, newDesk, newPhone } from './support/app.js';
import { openAlert, openConsole, row, detail } from './operator-console.js';
import { raiseAs } from './operator-seed.js';

/**
 * The operator console with two operators, a resident and an officer in separate
 * browsers: live collaboration, dispatch to the unit's room and the resident's phone, stamps in
 * SQL, a refused transition shown to the operator, suspension of a connected resident.
 * Residents vecino21–30 and the officers of unit-10 (which no other spec dispatches to).
 */

async function times(page: Page, id: string) {
  const res = await page.request.get(`/api/console/alerts/${id}/times`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { times: Record<string, string | null> }).times;
}

test('two operators work one alert from the console to the end, by keyboard', async ({
  browser,
}) => {
  const desk1 = await newDesk(browser);
  const desk2 = await newDesk(browser);
  const op1 = await desk1.newPage();
  const op2 = await desk2.newPage();
  await openConsole(op1, 'operador1');
  await openConsole(op2, 'operador2');

  const car = await newPhone(browser);
  const officer = await car.newPage();
  await login(officer, 'oficial19'); // unit-10

  const phone = await newPhone(browser);
  const resident = await phone.newPage();
  await login(resident, 'vecino21');
  const before = new Set(
    await op1
      .locator('tr[data-alert]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-alert'))),
  );
  await resident.getByRole('button', { name: /alerta general/i }).click();
  await resident.getByRole('button', { name: /enviar ahora/i }).click();

  // The new alert is impossible to miss: highlighted, with the waiting banner.
  const fresh = op1.locator('tr[data-alert].new');
  await expect(fresh).toHaveCount(1, { timeout: 5000 });
  const id = (await fresh.getAttribute('data-alert'))!;
  expect(before.has(id)).toBe(false);
  await expect(op1.getByText(/esperan? que alguien la/i)).toBeVisible();

  // Presence: each sees who else is looking at it.
  await openAlert(op1, id);
  await openAlert(op2, id);
  await expect(detail(op1).getByText(/también la está mirando/i)).toContainText(/\w+/);
  await expect(row(op1, id).locator('.chip')).toHaveCount(1);

  // Operator 1 takes it; operator 2 sees it at once.
  await op1.keyboard.press('a');
  await expect(row(op2, id)).toContainText(/en atención/i);

  // Operator 2 writes a note and ticks a protocol step; operator 1 sees both.
  await op2.keyboard.press('n');
  await op2.keyboard.type('Llamé al vecino: confirma dos personas en el patio.');
  await op2.keyboard.press('Control+Enter');
  await expect(detail(op1).getByText(/confirma dos personas/)).toBeVisible();
  await detail(op2)
    .getByRole('checkbox', { name: /llamar al vecino/i })
    .check();
  await expect(detail(op1).getByRole('checkbox', { name: /llamar al vecino/i })).toBeChecked();

  // Dispatch by keyboard: d, then the unit (unit-10 is chosen by its row).
  await op1.keyboard.press('d');
  await detail(op1).locator('button[data-unit="unit-10"]').click();
  // Sent, not yet accepted: nobody is told a car is coming.
  await expect(row(op2, id)).toContainText(/buscando un móvil/i);
  await expect(resident.getByText(/buscando un móvil/i).first()).toBeVisible();
  await expect(officer.getByText(/alerta general/i).first()).toBeVisible();
  await officer.getByRole('button', { name: 'Aceptar' }).click();
  await expect(row(op2, id)).toContainText(/móvil en camino/i);
  await expect(resident.getByText(/móvil en camino/i).first()).toBeVisible();

  // Escalation to 911, recorded with time and operator.
  await op1.keyboard.press('e');
  await op1.keyboard.press('Enter');
  await expect(detail(op2).locator('.timeline')).toContainText(/escalada al 911/i);

  await op1.keyboard.press('s');
  await expect(row(op2, id)).toContainText(/móvil en el lugar/i);
  await op1.keyboard.press('r');
  await op1.keyboard.press('1');
  await expect(detail(op2).locator('[data-status]').first()).toHaveText(/resuelta/i);
  await expect(resident.getByText(/resuelta/i).first()).toBeVisible();

  // Every stamp is stored in SQL, and today's medians include this alert.
  const stamps = await times(op1, id);
  for (const stage of [
    'receivedAt',
    'acknowledgedAt',
    'dispatchedAt',
    'onSceneAt',
    'closedAt',
    'escalatedAt',
  ])
    expect(stamps[stage], stage).toEqual(expect.any(String));
  await expect(op1.locator('sac-stats-bar dd[data-stage="closed"]')).not.toHaveText('—', {
    timeout: 5000,
  });

  for (const c of [desk1, desk2, car, phone]) await c.close();
});

test('a transition made on a stale screen is refused by the server, and the operator is told', async ({
  browser,
  baseURL,
}) => {
  const desk1 = await newDesk(browser);
  const desk2 = await newDesk(browser);
  const op1 = await desk1.newPage();
  const op2 = await desk2.newPage();
  await openConsole(op1, 'operador1');
  await openConsole(op2, 'operador2');
  const { id } = await raiseAs(baseURL!, 'vecino22', 'medical', 'Se desmayó en la vereda');
  await openAlert(op1, id);
  await op1.keyboard.press('a');
  await openAlert(op2, id);
  await expect(row(op2, id)).toContainText(/en atención/i);

  // Operator 2 loses the connection; meanwhile operator 1 closes the alert as a false alarm.
  await desk2.setOffline(true);
  await op1.keyboard.press('f');
  await op1.keyboard.press('Enter');
  await expect(row(op1, id)).toHaveCount(0); // closed alerts leave the open queue
  // Operator 2, still seeing "acknowledged", dispatches a unit.
  await op2.keyboard.press('d');
  await op2.keyboard.press('1');
  // Nobody of that unit is signed in: the console asks once more; Enter confirms.
  await expect(detail(op2).locator('.confirm-nobody')).toBeVisible();
  await op2.keyboard.press('Enter');
  await expect(row(op2, id)).toContainText(/buscando un móvil/i);
  await desk2.setOffline(false);

  // The server refuses it (false_alarm → dispatched is no transition); operator 2 is told
  // and sees the server's state.
  await expect(op2.getByRole('alert')).toContainText(/rechazó «despachar móvil»/i, {
    timeout: 20_000,
  });
  await op2.screenshot({ path: 'test-results/screens/operator-refused.png' });
  await op2.getByRole('combobox', { name: /estado/i }).selectOption('all');
  await expect(row(op2, id)).toContainText(/falsa alarma/i);
  const stamps = await times(op1, id);
  expect(stamps.dispatchedAt).toBeNull();
  expect(stamps.closedAt).toEqual(expect.any(String));
  for (const c of [desk1, desk2]) await c.close();
});

test('suspending a resident with repeated false alarms signs out their open app at once', async ({
  browser,
  baseURL,
}) => {
  const desk = await newDesk(browser);
  const op = await desk.newPage();
  await openConsole(op, 'operador3');
  for (const note of ['Prueba', 'Otra prueba']) {
    const { id } = await raiseAs(baseURL!, 'vecino23', 'general', note);
    await openAlert(op, id);
    await op.keyboard.press('f');
    await op.keyboard.press('Enter');
    await expect(row(op, id)).toHaveCount(0);
  }
  const phone = await newPhone(browser);
  const resident = await phone.newPage();
  await login(resident, 'vecino23');
  await expect(resident.locator('sac-resident-home')).toBeVisible();

  await op.getByRole('tab', { name: /registros/i }).click();
  const flagged = op.locator('table[data-list="flagged"] tr[data-user="vecino23"]');
  await expect(flagged).toContainText(/falsas alarmas/i);
  await flagged.getByRole('button', { name: /suspender/i }).click();
  await expect(op.getByRole('status').filter({ hasText: /se suspendió la cuenta/i })).toBeVisible();
  // The resident's sockets were closed with 4401: the app leaves the signed-in screen.
  await expect(resident.locator('sac-resident-home')).toHaveCount(0, { timeout: 10_000 });

  // Reinstated, so the demo account stays usable.
  const suspended = op.locator('table[data-list="suspended"] tr[data-user="vecino23"]');
  await suspended.getByRole('button', { name: /rehabilitar/i }).click();
  await expect(suspended).toHaveCount(0);
  for (const c of [desk, phone]) await c.close();
});
