import type { firstEn } from './first.en.js';
import type { residentsEs } from './residents.es.js';

/** English for ./residents.es.ts (the first screen's strings are in ./first.en.ts). */
export const residentsEn: Record<
  Exclude<keyof typeof residentsEs, keyof typeof firstEn>,
  string
> = {
  'push.approved.title': 'Your SAC account was approved',
  'push.approved.body': 'You can now sign in and ask for help from the app.',
  'push.home_approved.title': 'Your new home was approved',
  'push.home_approved.body': 'Alerts at home and your neighbourhood now use {address}.',
  'push.home_rejected.title': 'Your change of home was not approved',
  'push.home_rejected.body': '{address} stays in force. Call the municipality with any questions.',

  'audit.action.user.phone_changed': 'Changed their phone',
  'audit.action.user.home_requested': 'Asked to change their home',
  'audit.action.user.home_approved': 'Approved a change of home',
  'audit.action.user.home_rejected': 'Rejected a change of home',
  'audit.action.user.reset_code': 'Gave a password reset code',
  'audit.action.user.password_reset': 'Reset their password with a code',

  'profile.contact': 'Your details',
  'profile.phone': 'Phone',
  'profile.phone_hint': 'The monitoring centre calls you on this number.',
  'profile.address': 'Home address',
  'profile.edit': 'Change',
  'profile.save': 'Save',
  'profile.cancel': 'Cancel',
  'profile.phone_invalid': 'Check the number: digits, spaces, dashes and + only.',
  'profile.offline': 'This cannot be changed offline. Try again when you have signal.',
  'profile.home_change': 'Change home address',
  'profile.home_change_hint':
    'An operator reviews the change. Until it is approved, alerts at home and your neighbourhood keep using your current home.',
  'profile.home_pending': 'Pending approval: {address} ({area})',
  'profile.home_pending_withdraw': 'Withdraw the request',
  'profile.home_sent': 'Sent. An operator will review it.',
  'profile.home_outside': 'That point is outside the city.',
  'profile.home_missing': 'Confirm on the map where your home is.',

  'address.street': 'Street',
  'address.number': 'Number',
  'address.number_hint': 'The street number. Leave it empty if there is none.',
  'address.detail': 'Floor, flat or landmark (optional)',
  'address.street_hint': 'Start typing and pick your street from the list.',
  'address.free_hint': 'Street and number, as you would write it on an envelope.',
  'address.find': 'Find on the map',
  'address.found':
    'We placed {address} in {area}. If the dot is not your home, tap the map where it is.',
  'address.not_found':
    'We could not find that address. Look at your neighbourhood on the map and tap where your home is.',
  'address.confirm_hint': 'Confirm on the map: tap where your home is to move the dot.',
  'address.area': 'Neighbourhood (to centre the map)',
  'address.area_any': 'Choose your neighbourhood',

  'approved.notice': 'Your account was approved. You can now ask for help from SAC.',
  'approved.ok': 'Got it',

  'changes.title': 'Changes of home address',
  'changes.none': 'No changes of home address waiting.',
  'changes.from': 'Now',
  'changes.to': 'Asks for',
  'changes.requested': 'Asked {time}',
  'changes.approve': 'Approve home',
  'changes.reject': 'Reject',
  'changes.approved': 'Home approved.',
  'changes.rejected': 'Change rejected: the previous home stays.',
  'reset.issue': 'Reset password',
  'reset.issued':
    'Code for {name}: read it out on the phone. It is valid until {time} and works once.',
  'reset.phone':
    'Registered phone: {phone}. If unsure who is calling, hang up and call that number.',
  'reset.user': 'Username to reset',
  'reset.find': 'Find',
  'reset.none': 'No resident has that username.',
  // An alert whose receipt has not come by either path (client/data/watchdog.ts)
  'alert.not_reached': 'Your alert has not reached the monitoring centre yet',
  'alert.not_reached_help': 'We keep trying. If it is urgent, call or send a text:',
  'alert.not_reached_call': 'We keep trying. If it is urgent, call:',
  'status.not_reached': 'Not at the monitoring centre yet',
};
