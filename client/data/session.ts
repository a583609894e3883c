import type { CityInfo, Me } from '../../shared/types.js';
import { ApiFailure, api } from './api.js';
import { cache } from './cache.js';
import { db } from './db.js';

export type Boot =
  | { kind: 'signed-in'; me: Me; city: CityInfo; offline: boolean }
  | { kind: 'signed-out'; city: CityInfo | null };

/**
 * Who is using the app. Online, the server decides; offline, the last known user is shown
 * so a resident can still raise an alert with no signal (it is delivered later).
 */
export async function boot(): Promise<Boot> {
  // Both requests at once: one after the other cost a round trip on every start, and
  // offline the second waited for the main thread to handle the first's failure.
  const cityCall = api
    .city()
    .then((c) => (cache.setCity(c), c))
    .catch(() => cache.city());
  // Only someone who signed in on this browser can have a session: asking the server for
  // anyone else only earns a 401, which the browser logs as an error on the login screen.
  // The session cookie is HttpOnly, so the last known user (kept on sign-in, dropped on
  // sign-out or when the server refuses the session) is the hint.
  if (!cache.me()) return { kind: 'signed-out', city: await cityCall };
  const meCall = api.me();
  meCall.catch(() => undefined); // handled below, after the city
  const city = await cityCall;
  try {
    const me = await meCall;
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
  if (previous && previous.id !== me.id) await db.delete().then(() => db.open());
  cache.setMe(me);
  return me;
}

export async function signOut(): Promise<void> {
  await api.logout().catch(() => undefined);
  cache.setMe(null);
  await db.delete().then(() => db.open());
}
