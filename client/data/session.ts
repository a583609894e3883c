import type { Me } from '../../shared/types.js';
import { api } from './api.js';
import type { BootSource } from './boot.js';
import { cache } from './cache.js';

/** The phone's store and the server, for `startBoot` (client/data/boot.ts). */
export const bootSource: BootSource = {
  cachedMe: () => cache.me(),
  cachedCity: () => cache.city(),
  fetchMe: () => api.me(),
  fetchCity: () => api.city(),
  keepMe: (me) => cache.setMe(me),
  keepCity: (city) => cache.setCity(city),
};

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

/**
 * Empties the phone's copy of every room. IndexedDB's library comes with the signed-in
 * screens, never with the login: by sign-out it is here already.
 */
async function clearRooms(): Promise<void> {
  const { db } = await import('./db.js');
  await db.delete().then(() => db.open());
}
