import type { officerFieldEs } from './officer-field.es.js';

/** The patrol officer's dispatch and shift log, in English. */
export const officerFieldEn: Record<keyof typeof officerFieldEs, string> = {
  'compass.n': 'north',
  'compass.ne': 'north-east',
  'compass.e': 'east',
  'compass.se': 'south-east',
  'compass.s': 'south',
  'compass.sw': 'south-west',
  'compass.w': 'west',
  'compass.nw': 'north-west',
  'officer.where.title': 'Where',
  'officer.where.home': 'Home of the person who raised it',
  'officer.where.home_no_fix': 'Registered home: the alert came without a position from the phone',
  'officer.where.from_place': '{distance} {direction} of {place}',
  'officer.where.beside': 'Next to {place}',
  'officer.where.area': 'Area: {area}',
  'officer.where.no_place': 'No position from the phone: ask the centre for more.',
  'officer.where.from_you': '{distance} {direction} of you',
  'officer.where.no_fix':
    'Your position is not known yet: turn on location to see distance and direction.',
  'officer.where.navigate': 'Navigate there',
  'officer.where.open_map': 'Open in OpenStreetMap',
  'officer.reporter.title': 'Who raised it',
  'officer.reporter.call': 'Call {name}: {phone}',
  'officer.reporter.no_phone': 'No phone on record',
  'officer.dispatch.silent_hint':
    'Silent alert: the details of the person who raised it are not shared, and nobody calls them back.',
  'officer.map.you': 'You are here',
  'officer.map.target': 'Dispatch',
  'officer.log.dispatch': 'Dispatch: {type}',
  'officer.log.closed': 'Closed: {status}',
  'officer.log.steps': 'Dispatch steps',
};
