import { describe, expect, it } from 'vitest';
import { geoAddressUri, geoUri, osmLink, osmSearchLink, telUri } from './navigation.js';

describe('navigation links', () => {
  const p = { lat: -32.9275123456, lng: -68.845 };

  it('names the pin in a geo: URI, coordinates rounded to six decimals', () => {
    expect(geoUri(p, 'Alerta general')).toBe(
      'geo:-32.927512,-68.845?q=-32.927512,-68.845(Alerta%20general)',
    );
  });

  it('keeps a label from closing the parenthesis early, and leaves it out when empty', () => {
    expect(geoUri(p, 'Incendio (casa)')).toBe(
      'geo:-32.927512,-68.845?q=-32.927512,-68.845(Incendio%20%20casa)',
    );
    expect(geoUri(p, ' ')).toBe('geo:-32.927512,-68.845?q=-32.927512,-68.845');
  });

  it('searches an address when there is no position', () => {
    expect(geoAddressUri('San Martín 1234, Godoy Cruz')).toBe(
      'geo:0,0?q=San%20Mart%C3%ADn%201234%2C%20Godoy%20Cruz',
    );
    expect(osmSearchLink('Perú 10')).toBe(
      'https://www.openstreetmap.org/search?query=Per%C3%BA%2010',
    );
  });

  it('opens OpenStreetMap at street zoom with a marker', () => {
    expect(osmLink(p)).toBe(
      'https://www.openstreetmap.org/?mlat=-32.927512&mlon=-68.845#map=18/-32.927512/-68.845',
    );
  });

  it('dials digits only, keeping a leading +', () => {
    expect(telUri('+54 261 555-0142')).toBe('tel:+542615550142');
    expect(telUri('(261) 555 0142')).toBe('tel:2615550142');
    expect(telUri('54+261')).toBe('tel:54261');
  });
});
