import type { pwaEs } from './pwa.es.js';

/** English for ./pwa.es.ts. */
export const pwaEn: Record<keyof typeof pwaEs, string> = {
  'update.label': 'SAC update',
  'update.available': 'New version available',
  'update.failed': 'This part of SAC could not be loaded: there may be a new version.',
  'update.action': 'Update',
  'boot.unreachable': 'We could not reach SAC.',
  'boot.unreachable.hint':
    'Check your signal or mobile data. We keep trying on our own; you can also try again now.',
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
