import type { Role } from '../shared/types.js';

/**
 * The first load carries only the login: the shell, lit, the Spanish strings and the sign-in
 * form. Every other screen is fetched when first shown (each `import()` fetches the chunks it
 * needs side by side, Vite's preload list, never one after another): the resident's home and
 * the header around it (`frame`), the patrol and console screens, the observatory and its
 * public page, registration, English, Leaflet (components/sac-map.ts).
 * A returning person's screens start loading as the entry runs (client/app.ts), before the
 * boot draws, so a signed-in reload served by the service worker waits on no extra step.
 * The service worker's install keeps the first load and a resident's home (`CORE_SCREENS`,
 * client/precache-core.ts); each other role's screens are kept once that person has signed
 * in (`warmScreens`, client/data/warm.ts).
 */
export const SCREENS = {
  frame: () => import('./frame.js'),
  resident: () => import('./views/resident/resident-home.js'),
  officer: () => import('./views/officer/officer-home.js'),
  console: () => import('./views/operator/operator-home.js'),
  plan: () => import('./views/officer/plan-editor.js'),
  register: () => import('./views/register/register-view.js'),
  status: () => import('./views/pending/account-status.js'),
  observatory: () => import('./views/observatory/observatory-view.js'),
  public: () => import('./views/observatory/public-area.js'),
} satisfies Record<string, () => Promise<unknown>>;
export type Screen = keyof typeof SCREENS;

/** What a signed-in person's first screen needs beyond the first load. */
export function screensOf(role: Role): Screen[] {
  if (role === 'citizen') return ['frame', 'resident'];
  if (role === 'officer') return ['frame', 'officer'];
  if (role === 'analyst') return ['frame', 'observatory'];
  return ['frame', location.hash.startsWith('#/plan') ? 'plan' : 'console'];
}

/**
 * Everything a role may open, fetched after sign-in so it opens with no network later: the
 * screens and Leaflet (every role's map; the resident's pin picker and neighbourhood).
 */
export function warmScreens(role: Role | null): (() => Promise<unknown>)[] {
  // The same two modules components/sac-map.ts loads when a map is first shown.
  const map = () => Promise.all([import('leaflet'), import('leaflet/dist/leaflet.css?inline')]);
  if (role === null) return [];
  if (role === 'citizen') return [map];
  if (role === 'officer') return [SCREENS.officer, map];
  if (role === 'analyst') return [SCREENS.observatory, SCREENS.public, map];
  return [SCREENS.console, SCREENS.plan, map];
}
