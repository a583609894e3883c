import type { Me } from '../../shared/types.js';
import { api } from './api.js';
import { cache } from './cache.js';

/**
 * The resident's settings. "Show my name to neighbours" lives on the server (the projection
 * reads it); the hearing-impaired mode is about this phone only, so it stays on the phone.
 */
export async function setShowName(showName: boolean): Promise<Me> {
  const me = await api.updateProfile({ showName });
  cache.setMe(me);
  return me;
}

const HEARING_KEY = 'sac.hearing';

export function hearingMode(): boolean {
  return localStorage.getItem(HEARING_KEY) === '1';
}

export function setHearingMode(on: boolean): void {
  if (on) localStorage.setItem(HEARING_KEY, '1');
  else localStorage.removeItem(HEARING_KEY);
}
