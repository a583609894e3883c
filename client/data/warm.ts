import type { Role } from '../../shared/types.js';
import { warmScreens } from '../screens.js';

/** How long the page waits for the worker to say it kept everything (an old worker never does). */
const ANSWER_WAIT_MS = 60_000;
let round = 0;

/**
 * What a role needs offline beyond the resident's first load, fetched once the app is usable
 * and never before: the service worker's install holds only what a resident needs to open
 * and raise an alert (client/sw-precache.ts), so a resident on prepaid data never downloads
 * the console. This role's screens are fetched through the worker (which keeps them), and the
 * worker is told which of the app's files this page already has, fetched before the worker
 * controlled it (English, a screen opened on the first visit): it copies them from the
 * browser's HTTP cache. `data-offline-ready` on <html> says it is done (the e2e specs wait
 * for it before they take the network away).
 */
export function warmOffline(role: Role | null): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  const mine = ++round;
  delete document.documentElement.dataset.offlineReady;
  void (async () => {
    const reg = await navigator.serviceWorker.ready;
    await Promise.allSettled(warmScreens(role).map((load) => load()));
    const urls = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/'))
      .map((u) => u.pathname);
    if (reg.active) await ask(reg.active, { type: 'KEEP', urls });
    if (mine === round) document.documentElement.dataset.offlineReady = 'true';
  })().catch(() => undefined);
}

function ask(worker: ServiceWorker, message: unknown): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(resolve, ANSWER_WAIT_MS);
    channel.port1.onmessage = () => (clearTimeout(timer), resolve());
    worker.postMessage(message, [channel.port2]);
  });
}
