import { cache } from './data/cache.js';
import { SCREENS, screensOf } from './screens.js';

/**
 * The first module the entry runs: a returning person's screens (a resident's home) are asked
 * for now, before the rest of the entry (lit, the strings, the login) has even run, so a
 * signed-in reload fetches them from the worker side by side with that work. `app.ts` asks
 * again when it draws; the browser loads each module once.
 */
const known = cache.me();
if (known)
  for (const screen of screensOf(known.role)) void SCREENS[screen]().catch(() => undefined);
