import type { HotspotClass } from '../../../shared/observatory.js';

/**
 * A cell's hot-spot class from its Gi* z-score and its Benjamini–Hochberg q (the two-sided
 * permutation p adjusted over every cell of the study region):
 *
 *   q ≤ 0.01 → 99 %,  q ≤ 0.05 → 95 %,  q ≤ 0.10 → 90 %,  otherwise none;
 *   hot when z > 0 (the neighbourhood's sum above what the city's mean predicts), cold when
 *   z < 0, none when z is 0.
 *
 * Classing on q rather than p keeps the expected share of false hot and cold spots among the
 * cells so labelled at most 1 %, 5 % and 10 %, however many cells the city has; on p alone a
 * city of 1,200 cells would show some sixty "95 %" hot or cold spots by chance.
 */
export function hotspotClass(z: number, q: number): HotspotClass {
  if (!(z > 0) && !(z < 0)) return 'none';
  const level = q <= 0.01 ? '99' : q <= 0.05 ? '95' : q <= 0.1 ? '90' : null;
  if (!level) return 'none';
  return `${z > 0 ? 'hot' : 'cold'}${level}`;
}
