import type { CrewMember } from './console.js';
import type { AlertStatus } from './types.js';

/** The crew's steps that mean someone took the dispatch (server/units carries them). */
const TAKEN: readonly string[] = ['accepted', 'en_route', 'on_scene', 'done'];

interface Progress {
  status?: AlertStatus;
  unitStatus?: string;
  acceptedAt?: string;
}

/** A crew accepted the alert's current dispatch: only now is a unit on its way. */
export function crewTook(a: Progress): boolean {
  return typeof a.acceptedAt === 'string' || TAKEN.includes(a.unitStatus ?? '');
}

/**
 * The message key for an alert's status as people read it: `dispatched` says "finding a
 * patrol" until a crew accepted, then "patrol on its way".
 */
export function statusKey(a: Progress): `status.${AlertStatus}` | 'status.accepted' {
  const status = a.status ?? 'received';
  return status === 'dispatched' && crewTook(a) ? 'status.accepted' : `status.${status}`;
}

/** A unit nobody of its crew has the app open for: a dispatch to it may ring no phone. */
export function unmanned(u: { crew?: CrewMember[] }): boolean {
  return !u.crew?.length;
}
