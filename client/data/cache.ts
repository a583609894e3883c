import type { CityInfo, Me } from '../../shared/types.js';

/**
 * The last known user and city, kept so the app opens with no network. The session itself
 * is an HttpOnly cookie the page cannot read; this is only what to show.
 */
const ME = 'sac.me';
const CITY = 'sac.city';

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export const cache = {
  me: () => read<Me>(ME),
  setMe: (me: Me | null) => (me ? localStorage.setItem(ME, JSON.stringify(me)) : localStorage.removeItem(ME)),
  city: () => read<CityInfo>(CITY),
  setCity: (city: CityInfo) => localStorage.setItem(CITY, JSON.stringify(city)),
};
