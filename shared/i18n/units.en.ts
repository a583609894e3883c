import type { unitsEs } from './units.es.js';

export const unitsEn: Record<keyof typeof unitsEs, string> = {
  'status.accepted': 'Patrol on its way',
  'ops.units.crew': 'Crew',
  'ops.crew.none': 'Nobody signed in',
  'ops.crew.seen': 'last seen {time} ago',
  'ops.crew.never': 'not connected since the system started',
  'ops.crew.connected': 'connected',
  'ops.unit.nobody': 'Nobody signed in',
  'ops.dispatch.nobody_title': 'Nobody in {unit} has the app open',
  'ops.dispatch.nobody_body':
    'The dispatch may ring no phone. If you send it anyway, watch that someone accepts.',
  'ops.dispatch.nobody_yes': 'Dispatch anyway',
  'ops.dispatch.nobody_other': 'Choose another unit',
  'ops.accept.waiting': 'Waiting for {unit} to accept (dispatched {time} ago)',
  'ops.accept.taken': '{unit} accepted at {time}',
  'ops.accept.overdue': '{unit} has not accepted the dispatch: waiting for {time}',
  'ops.accept.offer': 'Send {unit} ({distance})',
  'ops.accept.offer_hint': 'the nearest free unit with someone signed in',
  'ops.accept.no_other': 'No other free unit has anyone signed in: call the crew.',
  'ops.accept.sent': 'Alert sent to {unit}.',
  'ops.accept.failed':
    'Could not send another unit: the alert changed or the connection is down. Check its status.',
  'ops.overdue.one': '1 dispatch not accepted',
  'ops.overdue.many': '{count} dispatches not accepted',
  'ops.overdue.open': 'Show',
  'ops.keys.redispatch': 'Send the next unit (dispatch not accepted)',
  'officer.dispatch.reassigned': 'The centre sent another unit to this alert.',
};
