import { chromium } from 'playwright-core';
import { chromiumLaunch } from '../../e2e/support/browser.js';

export interface OfflineReload {
  /** median of the runs, ms from reload to alert buttons visible and enabled */
  ms: number;
  runs: number[];
  fromServiceWorker: boolean;
}

/**
 * Deep query through open shadow roots: are the composer's buttons there and usable? A
 * function, not a string: the app's Content-Security-Policy has no 'unsafe-eval', and
 * Playwright evaluates a string predicate with eval in the page. No named inner functions
 * (tsx would wrap them in a helper the page does not have): a loop over roots instead.
 */
const composerReady = (): boolean => {
  const roots: (Document | ShadowRoot)[] = [document];
  let composer: Element | null = null;
  while (roots.length > 0 && composer === null) {
    const root = roots.shift()!;
    composer = root.querySelector('sac-alert-composer');
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  }
  const buttons = composer?.shadowRoot ? [...composer.shadowRoot.querySelectorAll('button')] : [];
  return (
    buttons.length > 0 && buttons.every((b) => !b.disabled && b.getBoundingClientRect().height > 0)
  );
};
const controlled = async (): Promise<boolean> => {
  await navigator.serviceWorker.ready;
  return navigator.serviceWorker.controller !== null;
};

/**
 * A resident's phone in Chromium: log in online, let the service worker take control, go
 * offline, throttle the CPU 4× (DevTools `Emulation.setCPUThrottlingRate`), reload, and time
 * until the alert buttons are visible and enabled.
 */
export async function offlineReload(
  baseUrl: string,
  username: string,
  password: string,
  runs = 3,
): Promise<OfflineReload> {
  const browser = await chromium.launch({ ...chromiumLaunch(), headless: true });
  try {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      permissions: ['geolocation'],
      geolocation: { latitude: -32.912, longitude: -68.872 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(baseUrl + '/');
    await page.getByLabel(/usuario|username/i).fill(username);
    await page.getByLabel(/contraseña|password/i).fill(password);
    await page.getByRole('button', { name: /ingresar|log in/i }).click();
    await page.waitForFunction(composerReady, undefined, { polling: 100 });
    await page.waitForFunction(controlled);
    await context.setOffline(true);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const times: number[] = [];
    let fromServiceWorker = true;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const response = await page.reload({ waitUntil: 'commit' });
      fromServiceWorker &&= response?.fromServiceWorker() ?? false;
      await page.waitForFunction(composerReady, undefined, { polling: 'raf' });
      times.push(performance.now() - started);
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const sorted = [...times].sort((a, b) => a - b);
    return { ms: sorted[Math.floor(sorted.length / 2)]!, runs: times, fromServiceWorker };
  } finally {
    await browser.close();
  }
}
