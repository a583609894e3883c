import type { AlertTimeline } from './response-times.js';

/** Constructed alert timelines for the response-time tests: stamps in seconds from T0. */
export const T0 = Date.parse('2026-03-02T13:00:00Z'); // Monday 10:00 in the city (UTC−3)
export const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

export function timeline(
  id: string,
  events: [string, number][],
  crew: [string, string, number][] = [],
  unitId: string | null = 'unit-1',
): AlertTimeline {
  return {
    alertId: id,
    type: 'general',
    areaId: 'a1',
    unitId,
    receivedAt: at(0),
    events: events.map(([status, s]) => ({ status, at: at(s) })),
    crew: crew.map(([unit, status, s]) => ({ unitId: unit, status, at: at(s) })),
  };
}

export const clean = timeline(
  'clean',
  [
    ['received', 0],
    ['acknowledged', 30],
    ['dispatched', 60],
    ['on_scene', 400],
    ['resolved', 1800],
  ],
  [
    ['unit-1', 'accepted', 90],
    ['unit-1', 'en_route', 100],
    ['unit-1', 'on_scene', 360],
    ['unit-1', 'done', 1790],
  ],
);
