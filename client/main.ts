import './early.js';
import { appUpdate } from './data/app-update.js';
import './app.js';
import './components/update-banner.js';

appUpdate.watchChunks();

/**
 * The service worker keeps the app so it opens with no network. It registers as soon as the
 * app has drawn its first screen (not after `load`, which waits for every image and the
 * map): on a slow link the install starts seconds earlier, and the first screen never waits
 * for it. From then on the page watches for new versions and offers them
 * (client/data/app-update.ts).
 */
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  addEventListener('sac-drawn', () => void appUpdate.start('/sw.js').catch(() => undefined), {
    once: true,
  });
}
