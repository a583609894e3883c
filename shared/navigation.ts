/**
 * Links that hand a destination to the phone's own maps: one tap from a dispatch to turn-by-turn
 * directions. `geo:` (RFC 5870, with the `q=` query Android's map apps read) opens the app the
 * officer chose; the web link works on any phone, iPhones included, and on a desk.
 */
import type { GeoPoint } from './types.js';

/** Six decimals: about 0.1 m, finer than any GPS fix; no float noise in the link. */
const coord = (n: number): string => String(Math.round(n * 1e6) / 1e6);

/** Parentheses would end the label early in the `geo:` query; commas are kept. */
const label = (text: string): string => encodeURIComponent(text.replace(/[()]/g, ' ').trim());

/** `geo:lat,lng?q=lat,lng(label)`: a pin with a name, so the app does not show bare numbers. */
export function geoUri(p: GeoPoint, name: string): string {
  const at = `${coord(p.lat)},${coord(p.lng)}`;
  const named = name.trim() ? `(${label(name)})` : '';
  return `geo:${at}?q=${at}${named}`;
}

/** `geo:0,0?q=<address>`: a destination known only by its address (an alert without GPS). */
export function geoAddressUri(address: string): string {
  return `geo:0,0?q=${label(address)}`;
}

/** The point on OpenStreetMap, zoomed to the street. */
export function osmLink(p: GeoPoint): string {
  const lat = coord(p.lat);
  const lng = coord(p.lng);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=18/${lat}/${lng}`;
}

/** An address searched on OpenStreetMap. */
export function osmSearchLink(address: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
}

/** A phone number as a `tel:` link takes it: digits and a leading +. */
export function telUri(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return `tel:${digits.startsWith('+') ? '+' : ''}${digits.replace(/\+/g, '')}`;
}
