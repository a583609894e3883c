import { expect, test } from '@playwright/test';
import { login, newPhone } from './support/app.js';

/**
 * A browser connects one WebSocket per host at a time: the resident's own room (where an
 * alert is written) connects first, and the neighbourhood's only once it is open.
 */
test('the resident’s own room connects before the neighbourhood’s', async ({ browser }) => {
  const phone = await newPhone(browser);
  await phone.addInitScript(() => {
    const log: { url: string; made: number; opened: number | null }[] = [];
    (window as unknown as { __sockets: typeof log }).__sockets = log;
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        const entry = { url: String(url), made: performance.now(), opened: null as number | null };
        log.push(entry);
        this.addEventListener('open', () => (entry.opened = performance.now()), { once: true });
      }
    };
  });
  const page = await phone.newPage();
  await login(page, 'vecino95');
  await page.reload();
  await expect(page.getByRole('button', { name: /alerta general/i })).toBeVisible();
  const sockets = () =>
    page.evaluate(
      () =>
        (window as unknown as { __sockets: { url: string; made: number; opened: number | null }[] })
          .__sockets,
    );
  await expect.poll(async () => (await sockets()).filter((s) => s.opened !== null).length).toBe(2);
  const [own, area] = await sockets();
  expect(decodeURIComponent(own!.url)).toMatch(/\/sync\/user:/);
  expect(decodeURIComponent(area!.url)).toMatch(/\/sync\/area:/);
  expect(area!.made).toBeGreaterThanOrEqual(own!.opened!);
  await phone.close();
});
