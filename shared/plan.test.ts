import { describe, expect, it } from 'vitest';
import {
  cityInstant,
  localParts,
  nextShift,
  planFor,
  planNow,
  pointStays,
  shiftAt,
  shiftWindow,
  stayFor,
  type ShiftPlan,
} from './plan.js';

describe('shifts on the city’s clock (Mendoza, UTC−3)', () => {
  it('turns a local date and hour into the instant', () => {
    expect(cityInstant('2025-03-07', 22).toISOString()).toBe('2025-03-08T01:00:00.000Z');
    expect(localParts(new Date('2025-03-08T07:00:00Z'))).toMatchObject({
      d: 8,
      hour: 4,
      weekday: 6,
    });
  });

  it('finds the running shift, the night one across midnight, and the next', () => {
    const night = shiftAt(new Date('2025-03-08T07:00:00Z')); // Saturday 04:00
    expect(night).toMatchObject({ key: '2025-03-07.night', shift: 'night', hours: 8 });
    expect(night.start.toISOString()).toBe('2025-03-08T01:00:00.000Z');
    expect(nextShift(night).key).toBe('2025-03-08.morning');
    expect(shiftAt(new Date('2025-03-08T17:00:00Z')).key).toBe('2025-03-08.afternoon');
    expect(shiftWindow('2025-03-08', 'morning').end.toISOString()).toBe('2025-03-08T17:00:00.000Z');
  });
});

describe('where the crew should be', () => {
  const plan = {
    key: 'k',
    start: '2025-03-08T09:00:00.000Z',
    end: '2025-03-08T17:00:00.000Z',
    points: [],
    quadrant: [],
    visits: [
      { point: 'a', start: '2025-03-08T09:10:00.000Z', end: '2025-03-08T09:24:00.000Z' },
      { point: 'b', start: '2025-03-08T10:40:00.000Z', end: '2025-03-08T10:54:00.000Z' },
    ],
  } as unknown as ShiftPlan;

  it('is at a point during its 14 minutes, else patrolling towards the next', () => {
    expect(planNow(plan, new Date('2025-03-08T09:15:00Z'))).toEqual({
      current: plan.visits[0],
      next: plan.visits[1],
    });
    expect(planNow(plan, new Date('2025-03-08T09:30:00Z'))).toEqual({
      current: null,
      next: plan.visits[1],
    });
    expect(planFor([plan], new Date('2025-03-08T08:00:00Z'))).toBe(plan);
    expect(planFor([plan], new Date('2025-03-08T18:00:00Z'))).toBeNull();
  });

  it('pairs both officers’ check-ins into stays and matches them to visits', () => {
    const stays = pointStays([
      { id: '1', point: 'a', kind: 'in', at: '2025-03-08T09:05:00.000Z' },
      { id: '2', point: 'a', kind: 'in', at: '2025-03-08T09:06:00.000Z' }, // the partner
      { id: '3', point: 'a', kind: 'out', at: '2025-03-08T09:21:00.000Z' },
      { id: '4', point: 'b', kind: 'out', at: '2025-03-08T10:00:00.000Z' }, // no check-in
      { id: '5', point: 'b', kind: 'in', at: '2025-03-08T10:41:00.000Z' },
    ]);
    expect(stays).toEqual([
      { point: 'a', from: '2025-03-08T09:05:00.000Z', to: '2025-03-08T09:21:00.000Z', minutes: 16 },
      { point: 'b', from: '2025-03-08T10:41:00.000Z', to: null, minutes: null },
    ]);
    expect(stayFor(plan.visits[0]!, stays)?.minutes).toBe(16);
    expect(stayFor(plan.visits[1]!, stays)?.to).toBeNull();
  });
});
