import type { Role } from '../shared/types.js';

/**
 * The first load carries the login screen and the resident's home, the two that must be
 * fast: nearly every user is a resident, and an alert may be raised right after an offline
 * reload (as a chunk fetched once this module ran, that home cost about 400 ms more of the
 * reload at 4× CPU throttling). Everything else is fetched when first shown: the patrol and
 * console screens, the observatory and its public page (each `import()` fetches the chunks it
 * needs side by side, Vite's preload list, never one after another), registration, English,
 * Leaflet (components/sac-map.ts).
 * The service worker's install keeps only the first load (a resident's app); each role's
 * screens are kept once that person has signed in (`warmScreens`, client/data/warm.ts).
 */
export const SCREENS = {
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
  if (role === 'citizen') return [];
  if (role === 'officer') return ['officer'];
  if (role === 'analyst') return ['observatory'];
  return [location.hash.startsWith('#/plan') ? 'plan' : 'console'];
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
