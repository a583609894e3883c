import { appUpdate } from './data/app-update.js';
import './app.js';
import './components/update-banner.js';

appUpdate.watchChunks();

/**
 * The service worker precaches the shell so the app opens with no network. It is
 * registered after load so it never competes with the first paint; from then on the page
 * watches for new versions and offers them (client/data/app-update.ts).
 */
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  addEventListener('load', () => void appUpdate.start('/sw.js').catch(() => undefined));
}
