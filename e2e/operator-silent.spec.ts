import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, PHONE } from './support/app.js';
import { detail, openAlert, openConsole } from './operator-console.js';
import { markAs, raiseAs } from './operator-seed.js';

/**
 * A silent alert in the console: no one named until "Ver identidad", its false alarm counted
 * against no one (the confirmation says so), and the reporter's identity view lists none of
 * her silent alerts. Screens in Spanish and English, desktop and phone, saved to
 * test-results/screens/ to be looked at.
 */
test.describe.configure({ timeout: 180_000 });

// At phone width the detail is below the queue: the whole page.
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screens/silent-${name}.png`, fullPage: true });

test('a silent alert closed as a false alarm counts against no one', async ({
  browser,
  baseURL,
}) => {
  // Two silent alerts from one resident: the first stays in the queue, the second is closed.
  const earlier = await raiseAs(baseURL!, 'vecino37', 'gender_violence');
  await markAs(baseURL!, 'operador3', earlier.id, 'false_alarm');
  const silent = await raiseAs(baseURL!, 'vecino37', 'gender_violence', '', 0.002);
  for (const [lang, viewport] of [
    ['es', DESKTOP],
    ['en', { width: 1280, height: 800 }],
    ['es', PHONE],
    ['en', PHONE],
  ] as const) {
    const desk = await browser.newContext({ viewport });
    const page = await desk.newPage();
    await openConsole(page, 'operador2');
    if (lang === 'en') await page.getByRole('button', { name: 'English', exact: true }).click();
    await openAlert(page, silent.id);
    await expect(detail(page).getByText(/identidad protegida|identity protected/i)).toBeVisible();
    await page.keyboard.press('f');
    await expect(detail(page).getByText(/no cuenta en el historial de nadie|counts in no one/i)).toBeVisible(); // prettier-ignore
    await shot(page, `false-alarm-${lang}-${viewport.width}`);
    await page.keyboard.press('Escape');
    await desk.close();
  }

  const desk = await browser.newContext({ viewport: DESKTOP });
  const page = await desk.newPage();
  await openConsole(page, 'operador2');
  await openAlert(page, silent.id);
  await page.keyboard.press('i');
  await expect(detail(page).getByText(/registrada en la auditoría/i)).toBeVisible();
  // Her history (a year of demo alerts) lists no silent alert, not even this one's sibling.
  const history = detail(page).locator('details.history');
  if (await history.count()) {
    await history.locator('summary').click();
    await expect(history).not.toContainText(/violencia de género/i);
  }
  await shot(page, 'identity-es-1366');
  await desk.close();
});
