/**
 * Which language × size a screens test runs. Every screen is shot and axe-checked in Spanish
 * and English, at phone and desktop size, by whoever changes it: `E2E_SCREENS=all npx playwright
 * test e2e/x.spec.ts`. The gate runs one size per language (Spanish on a phone, English on a
 * desktop), so both languages and both layouts stay checked at half the cost.
 */
import type { Lang } from '../../shared/i18n/index.js';
import { DESKTOP, PHONE } from './app.js';

export type ScreenSize = 'phone' | 'desktop';

const everySize = () => process.env.E2E_SCREENS === 'all';

export function sizesFor(lang: Lang): ScreenSize[] {
  return everySize() ? ['phone', 'desktop'] : [lang === 'es' ? 'phone' : 'desktop'];
}

export function viewportsFor(lang: Lang): [ScreenSize, typeof PHONE][] {
  return sizesFor(lang).map((s) => [s, s === 'phone' ? PHONE : DESKTOP]);
}
