import type { heldEs } from './held.es.js';

/** English for held.es.ts. */
export const heldEn: Record<keyof typeof heldEs, string> = {
  'held.ops.title': 'Held back by the alert limit',
  'held.ops.both':
    'This resident sent more than {count} alerts in {minutes} minutes: this one sounded no siren and told no neighbours. Only the centre has it.',
  'held.ops.siren':
    'This resident sent more than {count} alerts in {minutes} minutes: this one sounded no siren. Only the centre has it.',
  'held.ops.neighbours':
    'This resident sent more than {count} alerts in {minutes} minutes: this one told no neighbours. Only the centre has it.',
  'held.ops.release_both': 'Release: sound the siren and tell the neighbours',
  'held.ops.release_siren': 'Release: sound the siren',
  'held.ops.release_neighbours': 'Release: tell the neighbours',
  'held.ops.released': 'Released by {name} at {time}: what the limit held back went out.',
  'held.ops.done': 'Alert released: what the limit held back is going out.',
  'held.ops.failed': 'Could not release the alert ({code}).',
  'held.short.both': 'Held back: no siren, no neighbours',
  'held.short.siren': 'Held back: no siren',
  'held.short.neighbours': 'Held back: no neighbours told',
  'held.short.released': 'Released',
  'held.mine.both':
    'You sent several alerts in a few minutes, so this one reached only the monitoring centre: no siren sounded and your neighbours were not told. An operator is looking at it and can send them.',
  'held.mine.siren':
    'You sent several alerts in a few minutes, so this one reached only the monitoring centre: no siren sounded. An operator is looking at it and can sound it.',
  'held.mine.neighbours':
    'You sent several alerts in a few minutes, so this one reached only the monitoring centre: your neighbours were not told. An operator is looking at it and can tell them.',
  'held.mine.released_both':
    'An operator released it: the siren sounded and your neighbours were told.',
  'held.mine.released_siren': 'An operator released it: the siren sounded.',
  'held.mine.released_neighbours': 'An operator released it: your neighbours were told.',
  'ops.keys.release': 'Release an alert held back by the limit',
  'audit.action.alert.released': 'Released an alert held back by the limit',

  'sirens.missed.one': '1 siren did not get its command in time',
  'sirens.missed.many': '{count} sirens did not get their command in time',
  'sirens.missed.hint':
    'They were offline or did not answer, and the command expired before it arrived (a siren that comes back late does not sound for an old alert). Check them on site.',
  'sirens.missed.column': 'Expired command',
  'sirens.missed.cell': '{cmd}, expired at {time}',
  'sirens.missed.for_alert': '{cmd} ({type}), expired at {time}',
  'sirens.cmd.sound': 'Sound',
  'sirens.cmd.silence': 'Silence',
  'sirens.cmd.test': 'Test',
  'sirens.show_missed': 'With expired commands',
};
