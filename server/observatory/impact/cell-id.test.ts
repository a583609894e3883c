import { describe, expect, it } from 'vitest';
import { demoAreas } from '../../../shared/demo-city.js';
import { cellIdAt } from '../../../client/data/observatory-impact.js';
import { cellId, cellOf, gridFor } from '../../hotspots/grid.js';

describe("the client's cell under a click", () => {
  it("is the server grid's cell", () => {
    const areas = demoAreas();
    const grid = gridFor(areas);
    for (let k = 0; k < 200; k++) {
      const p = {
        lat: grid.south + (((k * 37) % 101) / 101) * grid.rows * grid.latStep,
        lng: grid.west + (((k * 53) % 103) / 103) * grid.cols * grid.lngStep,
      };
      expect(cellIdAt(areas, p)).toBe(cellId(cellOf(grid, p)!));
    }
  });
});
