import { describe, expect, it } from 'vitest';
import { findStreet, locateAddress, streetKey, type Street } from './streets.js';
import { demoStreets } from './demo-streets.js';
import { areaForPoint } from './geo.js';
import { demoAreas } from './demo-city.js';

const street: Street = {
  name: 'Av. San Martín',
  from: 0,
  to: 2000,
  line: [
    [-68.85, -32.9],
    [-68.85, -32.92],
  ],
};

describe('street list', () => {
  it('finds a street however it is typed', () => {
    expect(streetKey('Avenida  San Martín')).toBe('san martin');
    expect(findStreet([street], 'av san martin')?.name).toBe('Av. San Martín');
    expect(findStreet([street], 'Belgrano')).toBeUndefined();
    expect(findStreet([street], '  ')).toBeUndefined();
  });

  it('places a number along the line, clamped to its ends; no number is the middle', () => {
    expect(locateAddress(street, 1000)).toEqual({ lat: -32.91, lng: -68.85 });
    expect(locateAddress(street, 0)?.lat).toBeCloseTo(-32.9, 6);
    expect(locateAddress(street, 99_999)?.lat).toBeCloseTo(-32.92, 6);
    expect(locateAddress(street, null)?.lat).toBeCloseTo(-32.91, 6);
    expect(locateAddress({ name: 'Sin trazado' }, 100)).toBeNull();
  });

  it("the demo city's streets place every number inside the city", () => {
    const areas = demoAreas();
    const streets = demoStreets();
    expect(streets.length).toBeGreaterThan(15);
    for (const s of streets)
      for (const n of [s.from!, (s.from! + s.to!) / 2, s.to!])
        expect(areaForPoint(locateAddress(s, n)!, areas), `${s.name} ${n}`).not.toBeNull();
  });
});
