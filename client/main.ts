import { Workbox } from 'workbox-window';
import './app.js';

/**
 * The service worker precaches the shell so the app opens with no network. It is
 * registered after load so it never competes with the first paint.
 */
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  addEventListener('load', () => {
    void new Workbox('/sw.js').register();
  });
}
