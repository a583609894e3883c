import { expect, test } from '@playwright/test';
import { login, newPhone } from './support/app.js';
import { api, raiseFor, signIn } from './support/resident.js';
import type { Me } from '../shared/types.js';

/**
 * The demo as the README tells a newcomer to try it: two seeded residents of one area, one
 * raises an alert at home and the other sees it, with no registration first. vecino41 and
 * vecino81 share area-1 with vecino1 (three residents per area); no other spec uses them.
 */
test('seeded neighbours: vecino81 raises an alert at home and vecino41 sees it', async ({
  browser,
}) => {
  const reporter = await signIn('vecino81');
  const watcher = await signIn('vecino41');
  expect(reporter.user.areaId).toBe('area-1');
  expect(watcher.user.areaId).toBe('area-1');

  const home = (await api<Me>('/api/me', { token: reporter.token })).home!;
  const id = await raiseFor(reporter, 'general', home);

  const phone = await newPhone(browser);
  const page = await phone.newPage();
  await login(page, 'vecino41');
  await page.getByRole('link', { name: 'Barrio' }).click();
  await expect(page.locator(`li[data-feed-alert="${id}"]`)).toBeVisible();
  await phone.close();
});
