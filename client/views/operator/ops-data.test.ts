import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { OpsUnit } from '../../../shared/console.js';
import { demoAreas } from '../../../shared/demo-city.js';
import type { CityInfo } from '../../../shared/types.js';
import {
  NO_FILTER,
  ageOf,
  duration,
  matches,
  rankUnits,
  readOps,
  type ConsoleAlert,
} from './ops-data.js';

const alert = (id: string, fields: Partial<ConsoleAlert>): ConsoleAlert =>
  ({
    id,
    type: 'general',
    status: 'received',
    receivedAt: '2025-03-01T10:00:00Z',
    statusAt: '2025-03-01T10:00:00Z',
    areaId: 'area-1',
    reporterName: 'Ana Pérez',
    note: '',
    ...fields,
  }) as ConsoleAlert;

describe('the queue', () => {
  it('puts waiting alerts first, then the most urgent, then the longest waiting', () => {
    const doc = new Y.Doc();
    const put = (a: ConsoleAlert) =>
      doc.getMap('alerts').set(a.id, new Y.Map<unknown>(Object.entries(a)));
    put(alert('closed', { status: 'resolved', statusAt: '2025-03-01T10:30:00Z' }));
    put(alert('worked', { status: 'acknowledged', type: 'fire' }));
    put(alert('newer', { receivedAt: '2025-03-01T10:05:00Z' }));
    put(alert('older', { receivedAt: '2025-03-01T09:55:00Z' }));
    put(alert('critical', { type: 'gender_violence', receivedAt: '2025-03-01T10:06:00Z' }));
    expect(readOps(doc).alerts.map((a) => a.id)).toEqual([
      'critical',
      'older',
      'newer',
      'worked',
      'closed',
    ]);
  });

  it('filters by status, type, area and text', () => {
    const name = (id: string) => (id === 'area-1' ? 'Villa Hipódromo' : '');
    const a = alert('a', { note: 'Ruidos en el patio' });
    expect(matches(a, NO_FILTER, name)).toBe(true);
    expect(matches(a, { ...NO_FILTER, status: 'closed' }, name)).toBe(false);
    expect(matches(a, { ...NO_FILTER, type: 'fire' }, name)).toBe(false);
    expect(matches(a, { ...NO_FILTER, area: 'area-2' }, name)).toBe(false);
    expect(matches(a, { ...NO_FILTER, text: 'hipódromo' }, name)).toBe(true);
    expect(matches(a, { ...NO_FILTER, text: 'patio' }, name)).toBe(true);
    expect(matches(a, { ...NO_FILTER, text: 'incendio' }, name)).toBe(false);
  });

  it('says how long in words an operator reads at a glance', () => {
    const t0 = Date.parse('2025-03-01T10:00:00Z');
    expect(ageOf('2025-03-01T10:00:00Z', t0 + 42_000)).toBe('42 s');
    expect(ageOf('2025-03-01T10:00:00Z', t0 + 5 * 60_000)).toBe('5 min');
    expect(ageOf('2025-03-01T10:00:00Z', t0 + 72 * 60_000)).toBe('1 h 12 min');
    expect(duration(95)).toBe('1:35');
    expect(duration(3725)).toBe('1:02:05');
    expect(duration(null)).toBe('—');
  });
});

describe('choosing a unit', () => {
  const areas = demoAreas();
  const city = { areas: { type: 'FeatureCollection', features: areas } } as CityInfo;
  const unit = (id: string, fields: Partial<OpsUnit>): OpsUnit => ({
    id,
    label: id,
    quadrant: ['area-1'],
    status: 'available',
    alertId: null,
    statusAt: null,
    lat: null,
    lng: null,
    positionAt: null,
    ...fields,
  });

  it('lists free units nearest first, busy ones after, beat centres as approximate', () => {
    const at = { lat: -32.91, lng: -68.87 };
    const ranked = rankUnits(
      [
        unit('far', { lat: -32.95, lng: -68.82, positionAt: 'x' }),
        unit('busy', { status: 'dispatched', lat: -32.91, lng: -68.87, positionAt: 'x' }),
        unit('near', { lat: -32.911, lng: -68.871, positionAt: 'x' }),
        unit('beat', { quadrant: ['area-40'] }),
      ],
      at,
      city,
    );
    expect(ranked.map((c) => c.unit.id)).toEqual(['near', 'far', 'beat', 'busy']);
    expect(ranked[0]!.metres).toBeLessThan(200);
    expect(ranked.find((c) => c.unit.id === 'beat')?.approximate).toBe(true);
  });
});
