import { expect, test } from '@playwright/test';
import { expectAccessible, login, newPhone } from './support/app.js';
import { api, freshPhone, opsRoom, record, signIn, unitRoom, until } from './support/resident.js';

/** The resident at phone size (390×844): the resident app, each path end to end. */

test('registration → pending → approval → first alert', async ({ browser }) => {
  const phone = await newPhone(browser);
  const page = await phone.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: /registrate/i }).click();
  await expect(page.getByRole('heading', { name: /crear una cuenta/i })).toBeVisible();
  await expectAccessible(page);

  const username = `vecina${Date.now().toString(36)}`;
  const number = freshPhone();
  await page.getByLabel('Nombre y apellido').fill('Marta Quiroga');
  await page.getByLabel('Teléfono celular').fill(number);
  await page.getByLabel('Calle').fill('San Martín');
  await page.getByLabel('Número', { exact: true }).fill('1200');
  await page.getByRole('button', { name: /usar mi ubicación/i }).click();
  await expect(page.getByText(/casa marcada en el barrio/i)).toBeVisible();
  await page.getByLabel('Usuario').fill(username);
  await page.getByLabel('Contraseña').fill('una-clave-larga');
  await page.getByRole('button', { name: /enviar solicitud/i }).click();
  await expect(page.getByRole('heading', { name: /recibimos tu solicitud/i })).toBeVisible();
  await expectAccessible(page);

  // Not approved yet: signing in explains why, instead of an error line.
  await page.getByRole('button', { name: /volver a ingresar/i }).click();
  await page.getByLabel(/usuario/i).fill(username);
  await page.getByLabel(/contraseña/i).fill('una-clave-larga');
  await page.getByRole('button', { name: /^ingresar$/i }).click();
  await expect(page.getByRole('heading', { name: /pendiente de aprobación/i })).toBeVisible();
  await expect(page.getByRole('link', { name: /llamar al 911/i })).toHaveAttribute(
    'href',
    'tel:911',
  );

  // The same phone again: registration never says it is taken (that would tell anyone who
  // uses SAC); the second account waits like any other and the operator sees the duplicate.
  await page.getByRole('button', { name: /volver a ingresar/i }).click();
  await page.getByRole('button', { name: /registrate/i }).click();
  await page.getByLabel('Nombre y apellido').fill('Otra Persona');
  await page.getByLabel('Teléfono celular').fill(number);
  await page.getByLabel('Calle').fill('Belgrano');
  await page.getByLabel('Número', { exact: true }).fill('10');
  await page.getByRole('button', { name: /usar mi ubicación/i }).click();
  await expect(page.getByText(/casa marcada en el barrio/i)).toBeVisible();
  await page.getByLabel('Usuario').fill(`${username}x`);
  await page.getByLabel('Contraseña').fill('una-clave-larga');
  await page.getByRole('button', { name: /enviar solicitud/i }).click();
  await expect(page.getByRole('heading', { name: /recibimos tu solicitud/i })).toBeVisible();

  // An operator approves (the console is another screen; its API is enough here).
  const op = await signIn('operador1');
  const pending = await api<{
    users: { id: string; username: string; areaId: string; samePhone: { username: string }[] }[];
  }>('/api/users?status=pending', { token: op.token });
  const mine = pending.users.find((u) => u.username === username)!;
  expect(mine.areaId).toMatch(/^area-/);
  expect(mine.samePhone.map((o) => o.username)).toEqual([`${username}x`]);
  await api(`/api/users/${mine.id}/approve`, { token: op.token, json: {} });

  await login(page, username, 'una-clave-larga');
  const ops = await opsRoom();
  await page.getByRole('button', { name: /alerta general/i }).click();
  await page.getByRole('button', { name: /enviar ahora/i }).click();
  const card = page.locator('li[data-alert]').first();
  await expect(card).toContainText(/entregada al centro de monitoreo/i);
  const id = (await card.getAttribute('data-alert'))!;
  await until(() => record(ops, 'alerts', id)?.get('reporterId') === mine.id, 10_000);
  expect(record(ops, 'alerts', id)?.get('areaId')).toBe(mine.areaId);
  ops.close();
  await phone.close();
});

test('a suspended resident is told why and what to do', async ({ browser }) => {
  const op = await signIn('operador1');
  const who = await signIn('vecino20');
  await api(`/api/users/${who.user.id}/suspend`, { token: op.token, json: {} });
  try {
    const phone = await newPhone(browser);
    const page = await phone.newPage();
    await page.goto('/');
    await page.getByLabel(/usuario/i).fill('vecino20');
    await page.getByLabel(/contraseña/i).fill('demo1234');
    await page.getByRole('button', { name: /^ingresar$/i }).click();
    await expect(page.getByRole('heading', { name: /tu cuenta no está activa/i })).toBeVisible();
    await expect(page.getByText(/falsas alarmas repetidas/i)).toBeVisible();
    await expect(
      page.getByRole('link', { name: /llamar al centro de monitoreo/i }),
    ).toHaveAttribute('href', /^tel:\+?\d+$/);
    await expectAccessible(page);
    await phone.close();
  } finally {
    await api(`/api/users/${who.user.id}/reinstate`, { token: op.token, json: {} });
  }
});

test('an alert is followed to the end, each step with its time', async ({ browser }) => {
  const phone = await newPhone(browser);
  const page = await phone.newPage();
  await login(page, 'vecino9');
  const ops = await opsRoom();
  await page.getByRole('button', { name: /emergencia médica/i }).click();
  await page.getByRole('button', { name: /enviar ahora/i }).click();
  const card = page.locator('li[data-alert]').first();
  await expect(card).toContainText(/entregada/i);
  const id = (await card.getAttribute('data-alert'))!;

  await card.getByRole('link', { name: /ver seguimiento/i }).click();
  await expect(page).toHaveURL(new RegExp(`#/alert/${id}$`));
  const item = page.locator(`li[data-alert="${id}"]`);
  const step = (kind: string) => item.locator(`li[data-step="${kind}"]`);
  await expect(step('saved')).toContainText(/guardada en este teléfono.*a las \d\d:\d\d/is);
  await expect(step('received')).toContainText(/entregada.*a las \d\d:\d\d/is);
  await expect(step('acknowledged')).toContainText(/pendiente/i);

  await until(() => record(ops, 'alerts', id) !== undefined, 10_000);
  const rec = record(ops, 'alerts', id)!;
  rec.set('status', 'acknowledged');
  await expect(step('acknowledged')).toContainText(/un operador la está atendiendo.*a las/is);
  ops.doc.transact(() => {
    rec.set('assignedUnit', 'unit-3');
    rec.set('status', 'dispatched');
  });
  // Asked, not yet coming: "on its way" waits, without a time, until the crew accepts.
  await expect(step('dispatched')).toContainText(/se avisó a móvil 3.*a las/is);
  await expect(step('en_route')).toContainText(/pendiente/i);
  // The crew sets off: the resident sees it between "dispatched" and "on scene".
  const crew = await unitRoom('oficial5', 'unit-3');
  await until(() => record(crew, 'dispatches', id) !== undefined, 10_000);
  const dispatch = record(crew, 'dispatches', id)!;
  crew.doc.transact(() => {
    dispatch.set('status', 'en_route');
    dispatch.set('enRouteAt', new Date().toISOString());
  });
  await expect(step('en_route')).toContainText(/móvil 3 en camino.*a las/is);
  crew.close();
  rec.set('status', 'on_scene');
  await expect(step('on_scene')).toContainText(/llegó al lugar.*a las/is);
  rec.set('status', 'resolved');
  await expect(step('resolved')).toContainText(/resuelta.*a las/is);
  await expect(item.locator('li[data-step]')).toHaveCount(7);
  await expectAccessible(page);

  // "It was a mistake": the resident cancels; the timeline ends there.
  await page.getByRole('link', { name: 'Alertar' }).click();
  await page.getByRole('button', { name: /incendio/i }).click();
  await page.getByRole('button', { name: /enviar ahora/i }).click();
  const second = page.locator('li[data-alert]').first();
  await expect(second).toContainText(/entregada/i);
  const id2 = (await second.getAttribute('data-alert'))!;
  await second.getByRole('button', { name: /fue un error/i }).click();
  await expect(second).toContainText(/cancelada/i);
  await page.getByRole('link', { name: 'Mis alertas' }).click();
  await expect(page.locator(`li[data-alert="${id2}"] li[data-step="cancelled"]`)).toContainText(
    /cancelada por vos/i,
  );
  await until(() => record(ops, 'alerts', id2)?.get('status') === 'cancelled', 10_000);
  ops.close();
  await phone.close();
});

test('the language is chosen in the profile and stays on this phone', async ({ browser }) => {
  const phone = await newPhone(browser);
  const page = await phone.newPage();
  await login(page, 'vecino17');
  await page.getByRole('link', { name: 'Perfil' }).click();
  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toContainText('My alerts');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
  await page.getByRole('radio', { name: 'Español' }).check();
  await expect(page.getByRole('heading', { name: 'Tu perfil' })).toBeVisible();
  await phone.close();
});
