import type { firstEn } from './first.en.js';
import type { pwaEs } from './pwa.es.js';

/** English for ./pwa.es.ts (the first screen's strings are in ./first.en.ts). */
export const pwaEn: Record<Exclude<keyof typeof pwaEs, keyof typeof firstEn>, string> = {
  'push.prompt.title.phone': 'Alerts on this phone',
  'push.prompt.title.tablet': 'Alerts on this tablet',
  'push.prompt.title.computer': 'Alerts on this computer',
  'push.prompt.text.officer':
    "Turn on notifications to receive your unit's dispatches even with the app closed.",
  'push.prompt.text.operator':
    'Turn on notifications to hear about every new alert even with SAC closed or in another tab.',
  'push.ios.text': 'On iPhone and iPad, notifications work only with SAC on your Home Screen:',
  'push.ios.step.share': 'Tap Share (the square with an arrow pointing up).',
  'push.ios.step.add': 'Choose “Add to Home Screen” and tap “Add”.',
  'push.ios.step.open': 'Open SAC from the new icon on your Home Screen.',
  'push.ios.step.enable': 'Log in and tap “Activate” on this card.',
  'push.ios.too_old':
    'To receive notifications, update your iPhone or iPad to iOS 16.4 or later, then add SAC to your Home Screen.',
  'push.ios.dismiss': 'Got it',
};
