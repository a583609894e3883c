import { css } from 'lit';
import type { GeoPoint } from '../../../shared/types.js';

/** Alerts closer than this are drawn as one stack: at the console's zooms they would touch. */
const SAME_SPOT_METRES = 15;

/**
 * Open alerts grouped by spot: several residents of one house, or one resident pressing three
 * times, must not draw as a single marker. Greedy, in the given order (the queue's: the most
 * urgent first), against the first alert of each group; a few dozen alerts, so quadratic is fine.
 */
export function stacks<T extends { location: GeoPoint | null }>(alerts: readonly T[]): T[][] {
  const groups: T[][] = [];
  for (const a of alerts) {
    if (!a.location) continue;
    const near = groups.find((g) => metresApart(g[0]!.location!, a.location!) < SAME_SPOT_METRES);
    if (near) near.push(a);
    else groups.push([a]);
  }
  return groups;
}

/**
 * Where the i-th of n stacked markers sits, in screen pixels from the spot: spread on a small
 * ring (in pixels, so the spread holds at every zoom without redrawing).
 */
export function ringOffset(i: number, n: number): [number, number] {
  if (n < 2) return [0, 0];
  const radius = 12 + 3 * n;
  const angle = (2 * Math.PI * i) / n - Math.PI / 2;
  return [Math.round(radius * Math.cos(angle)), Math.round(radius * Math.sin(angle))];
}

/** Equirectangular: exact enough over tens of metres. */
function metresApart(a: GeoPoint, b: GeoPoint): number {
  const k = 111_320;
  const dx = (a.lng - b.lng) * k * Math.cos((a.lat * Math.PI) / 180);
  const dy = (a.lat - b.lat) * k;
  return Math.hypot(dx, dy);
}

/** The stacked markers and their count, inside the map's shadow root. */
export const stackStyles = css`
  .alert-dot {
    width: 18px;
    height: 18px;
    border-radius: 50%;
    border: 2px solid #fff;
    box-sizing: border-box;
    box-shadow: 0 1px 3px rgba(0, 0, 0, 0.45);
    cursor: pointer;
  }
  .alert-dot.selected {
    width: 24px;
    height: 24px;
    border: 4px solid #0b57d0;
  }
  .stack-count {
    display: grid;
    place-items: center;
    width: 20px;
    height: 20px;
    border-radius: 50%;
    background: #1d1b20;
    color: #fff;
    font:
      800 0.72rem system-ui,
      sans-serif;
    border: 2px solid #fff;
  }
`;
