import { describe, expect, it } from 'vitest';
import { demoAreas, seededRandom } from '../../shared/demo-city.js';
import { areaForPoint, pointInPolygon } from '../../shared/geo.js';
import { areaLocator } from './area-index.js';

describe('areaLocator', () => {
  const areas = demoAreas();
  const locate = areaLocator(areas);

  it('finds the area areaForPoint finds for points inside one, and none outside every area', () => {
    const rand = seededRandom(7);
    let inside = 0;
    for (let k = 0; k < 5000; k++) {
      const p = { lat: -32.97 + rand() * 0.09, lng: -68.92 + rand() * 0.14 };
      const strict = areas.some((a) => pointInPolygon(p, a.geometry.coordinates[0]!));
      if (strict) {
        inside++;
        expect(locate(p)).toBe(areaForPoint(p, areas));
      } else {
        expect(locate(p)).toBeNull();
      }
    }
    expect(inside).toBeGreaterThan(1000);
  });
});
