import './app.js';

/**
 * The service worker precaches the shell so the app opens with no network. It is
 * registered after load (and its helper fetched then) so it never competes with the first paint.
 */
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  addEventListener('load', () => {
    void import('workbox-window').then(({ Workbox }) => new Workbox('/sw.js').register());
  });
}
