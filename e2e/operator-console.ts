import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { login } from './support/app.js';

/** Signs an operator in and waits for the console, with the notifications card put aside. */
export async function openConsole(page: Page, username: string): Promise<void> {
  await login(page, username);
  await expect(page.locator('sac-operator-home')).toBeVisible();
  // The card appears once the permission check has run; it is the push issue's, not ours.
  const later = page.getByRole('button', { name: /ahora no|not now/i });
  await later.click({ timeout: 3000 }).catch(() => undefined);
  await expect(page.getByRole('heading', { name: /alertas en curso|open alerts/i })).toBeVisible();
}

export const row = (page: Page, id: string) => page.locator(`tr[data-alert="${id}"]`);
export const detail = (page: Page) => page.locator('sac-alert-detail');

/** Opens an alert from the queue (its first cell's button). */
export async function openAlert(page: Page, id: string): Promise<void> {
  await row(page, id).getByRole('button').first().click();
  await expect(page.locator(`[data-detail="${id}"]`)).toBeVisible();
}

/** axe, like support/app.ts `expectAccessible`, naming each failing element. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const found = result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
  );
  expect(found).toEqual([]);
}
