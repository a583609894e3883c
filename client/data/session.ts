import type { CityInfo, Me } from '../../shared/types.js';
import { ApiFailure, api } from './api.js';
import { cache } from './cache.js';

export type Boot =
  | { kind: 'signed-in'; me: Me; city: CityInfo; offline: boolean }
  | { kind: 'signed-out'; city: CityInfo | null };

/**
 * Who is using the app. Online, the server decides; offline, the last known user is shown
 * so a resident can still raise an alert with no signal (it is delivered later).
 */
export async function boot(): Promise<Boot> {
  const city = await api
    .city()
    .then((c) => (cache.setCity(c), c))
    .catch(() => cache.city());
  try {
    const me = await api.me();
    cache.setMe(me);
    return city ? { kind: 'signed-in', me, city, offline: false } : { kind: 'signed-out', city };
  } catch (error) {
    const cached = cache.me();
    if (error instanceof ApiFailure && error.code === 'offline' && cached && city)
      return { kind: 'signed-in', me: cached, city, offline: true };
    if (error instanceof ApiFailure && error.code !== 'offline') cache.setMe(null);
    return { kind: 'signed-out', city };
  }
}

export async function signIn(username: string, password: string): Promise<Me> {
  await api.login(username, password);
  const me = await api.me();
  const previous = cache.me();
  // Another person on this phone must not see the last one's rooms.
  if (previous && previous.id !== me.id) await clearRooms();
  cache.setMe(me);
  return me;
}

export async function signOut(): Promise<void> {
  await api.logout().catch(() => undefined);
  cache.setMe(null);
  await clearRooms();
}

/** Empties the phone's copy of every room. Dexie is fetched here, not with the login screen. */
async function clearRooms(): Promise<void> {
  const { db } = await import('./db.js');
  await db.delete().then(() => db.open());
}
