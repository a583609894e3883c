import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 768 };
/** Somewhere in Godoy Cruz, near vecino1's home area. */
export const GODOY_CRUZ = { latitude: -32.912, longitude: -68.872 };

export async function newPhone(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: PHONE,
    permissions: ['geolocation'],
    geolocation: GODOY_CRUZ,
  });
}

export async function newDesk(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: DESKTOP });
}

export async function login(page: Page, username: string, password = 'demo1234'): Promise<void> {
  await page.goto('/');
  await page.getByLabel(/usuario|username/i).fill(username);
  await page.getByLabel(/contraseña|password/i).fill(password);
  await page.getByRole('button', { name: /ingresar|log in/i }).click();
  await expect(page.locator('sac-header')).toBeVisible();
}

/** Waits until the service worker controls the page, so a reload works offline. */
/**
 * The worker controls the page and has kept what this person's role needs offline (the
 * install keeps only a resident's app; the rest after sign-in, client/data/warm.ts).
 */
export async function untilControlled(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return (
      navigator.serviceWorker.controller !== null &&
      document.documentElement.dataset.offlineReady === 'true'
    );
  });
}

export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}
