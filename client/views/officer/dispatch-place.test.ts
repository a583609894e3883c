import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadLang, setLang } from '../../../shared/i18n/core.js';
import { formatMetres, fromYou, navigation, placeLine } from './dispatch-place.js';
import type { Dispatch } from './records.js';

const home = { lat: -32.9275, lng: -68.845 };
/** `p` moved `north` and `east` metres. */
const moved = (north: number, east: number) => ({
  lat: home.lat + north / 111_195,
  lng: home.lng + east / (111_195 * Math.cos((home.lat * Math.PI) / 180)),
});
const base: Dispatch = {
  id: 'a',
  alertId: 'a',
  type: 'general',
  location: { ...home, accuracy: 10 },
  note: '',
  dispatchedAt: '2026-12-05T00:00:00.000Z',
  status: 'dispatched',
};

beforeAll(() => loadLang('en'));
afterEach(() => setLang('es'));

describe('where a dispatch sends the crew', () => {
  it('writes distances as a crew reads them', () => {
    expect(formatMetres(644)).toBe('640 m');
    expect(formatMetres(5)).toBe('10 m');
    expect(formatMetres(1234)).toBe('1,2 km');
    setLang('en');
    expect(formatMetres(1234)).toBe('1.2 km');
  });

  it('says how far and which way from the crew, in each language', () => {
    expect(fromYou(home, moved(-460, -460))).toBe('A 650 m al noreste de vos');
    setLang('en');
    expect(fromYou(home, moved(0, 300))).toBe('300 m west of you');
    expect(fromYou(home, null)).toBeNull();
    expect(fromYou(null, home)).toBeNull();
  });

  it('puts the address first, else the way from the nearest known point', () => {
    expect(placeLine({ ...base, address: 'Corrientes 1403', atHome: true })).toEqual({
      text: 'Corrientes 1403',
      detail: 'Domicilio de quien avisó',
    });
    expect(placeLine({ ...base, location: null, address: 'Corrientes 1403' }).detail).toMatch(
      /sin ubicación del teléfono/,
    );
    const reference = { label: 'Central 3 — Barrio Pellegrini', ...moved(-350, 0) };
    expect(placeLine({ ...base, reference }).text).toBe(
      'A 350 m al norte de Central 3 — Barrio Pellegrini',
    );
    expect(placeLine({ ...base, reference: { ...reference, ...moved(10, 0) } }).text).toBe(
      'Junto a Central 3 — Barrio Pellegrini',
    );
    expect(placeLine({ ...base, location: null }).text).toMatch(/pedí más datos/);
  });

  it('navigates to the position, or to the address when there is none', () => {
    expect(navigation({ ...base, address: 'Corrientes 1403' }, 'Godoy Cruz')?.app).toBe(
      'geo:-32.9275,-68.845?q=-32.9275,-68.845(Corrientes%201403)',
    );
    expect(navigation({ ...base }, 'Godoy Cruz')?.app).toContain('(Alerta%20general)');
    const byAddress = navigation({ ...base, location: null, address: 'Perú 10' }, 'Godoy Cruz');
    expect(byAddress).toEqual({
      app: 'geo:0,0?q=Per%C3%BA%2010%2C%20Godoy%20Cruz',
      web: 'https://www.openstreetmap.org/search?query=Per%C3%BA%2010%2C%20Godoy%20Cruz',
    });
    expect(navigation({ ...base, location: null }, 'Godoy Cruz')).toBeNull();
  });
});
