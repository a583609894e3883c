import { expect, test, type Page } from '@playwright/test';
import { login, newDesk, newPhone, untilControlled } from './support/app.js';

/**
 * The app works under its Content-Security-Policy: the header is there, strict for scripts,
 * and none of the main screens (sign-in, the resident's home and map, the patrol shift, the
 * operator console and its map) reports a violation.
 */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Refused to load: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return seen;
}

test('the shell carries a strict CSP and the other security headers', async ({ request }) => {
  const res = await request.get('/');
  const csp = res.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(res.headers()['referrer-policy']).toBe('no-referrer');
  expect(res.headers()['permissions-policy']).toContain('geolocation=(self)');
  const sw = await request.get('/sw.js');
  expect(sw.headers()['content-security-policy']).toBeTruthy();
  expect((await request.get('/manifest.webmanifest')).ok()).toBe(true);
});

test('no CSP violation on the main screens', async ({ browser }) => {
  const phone = await newPhone(browser);
  const page = await phone.newPage();
  const seen = await watchViolations(page);
  await page.goto('/');
  await expect(page.getByRole('button', { name: /ingresar/i })).toBeVisible();
  await login(page, 'vecino5');
  await untilControlled(page);
  await page.getByRole('link', { name: /barrio/i }).click();
  await expect(page.locator('sac-map .leaflet-container')).toBeVisible();
  await phone.close();

  const patrol = await newPhone(browser);
  const officer = await patrol.newPage();
  const seenPatrol = await watchViolations(officer);
  await login(officer, 'oficial3');
  await expect(officer.locator('sac-map .leaflet-container').first()).toBeVisible();
  await patrol.close();

  const desk = await newDesk(browser);
  const operator = await desk.newPage();
  const seenOps = await watchViolations(operator);
  await login(operator, 'operador2');
  await expect(operator.locator('sac-map .leaflet-container').first()).toBeVisible();
  await desk.close();
  expect([...seen, ...seenPatrol, ...seenOps]).toEqual([]);
});
