import type { staffEs } from './staff.es.js';

/** English for staff.es.ts. */
export const staffEn: Record<keyof typeof staffEs, string> = {
  'audit.action.user.created': 'Created a staff account',
  'ops.tab.staff': 'Staff',
  'staff.new': 'New analyst or operator account',
  'staff.list': 'Staff accounts',
  'staff.name': 'Full name',
  'staff.username': 'Username',
  'staff.username_hint': '3 to 32 letters, digits, dots or dashes, no spaces.',
  'staff.role': 'Role',
  'staff.password': 'First password',
  'staff.password_hint':
    'At least 8 characters, not like the username. Hand it over in person: the account is active once created.',
  'staff.create': 'Create account',
  'staff.created': 'Done: {name} can now sign in as {username} ({role}).',
  'staff.since': 'Created',
  'staff.none': 'No analyst or operator accounts yet.',
  'staff.offline': 'No connection: the account was not created. Try again when the signal returns.',
};
