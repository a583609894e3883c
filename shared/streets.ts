import type { GeoPoint } from './types.js';

/**
 * A street of the city's list (city.json `streets`), offered as people type their address.
 * With `line` (its course, [lng, lat] as in GeoJSON) an address on it can be placed on the
 * map: house numbers run from `from` at the first vertex to `to` at the last, spread along
 * the line by length. Without a line the street is only a suggestion for the name.
 */
export interface Street {
  name: string;
  from?: number;
  to?: number;
  line?: [number, number][];
}

/** Names compare without case, accents, "Av." or extra spaces: "avenida san martin" finds it. */
export function streetKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^(av(da)?\.?|avenida)\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function findStreet(streets: readonly Street[], name: string): Street | undefined {
  const key = streetKey(name);
  if (!key) return undefined;
  return streets.find((s) => streetKey(s.name) === key);
}

/** Metres between two [lng, lat] vertices, flat over a city's few kilometres. */
function segmentMetres(a: [number, number], b: [number, number]): number {
  const kx = 111_195 * Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  return Math.hypot((b[0] - a[0]) * kx, (b[1] - a[1]) * 111_195);
}

/**
 * Where `number` falls on the street: interpolated along its line between the numbers of
 * its ends (clamped to them); with no number, the middle of the street. Null when the
 * street has no line: the resident then places the pin by hand.
 */
export function locateAddress(street: Street, number: number | null): GeoPoint | null {
  const line = street.line;
  if (!line || line.length === 0) return null;
  if (line.length === 1) return { lat: line[0]![1], lng: line[0]![0] };
  const lengths = line.slice(1).map((p, i) => segmentMetres(line[i]!, p));
  const total = lengths.reduce((a, b) => a + b, 0);
  let fraction = 0.5;
  if (number !== null && street.from !== undefined && street.to !== undefined) {
    const span = street.to - street.from;
    fraction = span === 0 ? 0 : Math.min(1, Math.max(0, (number - street.from) / span));
  }
  let left = fraction * total;
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i]!;
    if (left <= len || i === lengths.length - 1) {
      const f = len === 0 ? 0 : Math.min(1, left / len);
      const [a, b] = [line[i]!, line[i + 1]!];
      return { lat: a[1] + (b[1] - a[1]) * f, lng: a[0] + (b[0] - a[0]) * f };
    }
    left -= len;
  }
  return null;
}
