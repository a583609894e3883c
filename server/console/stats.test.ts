import { describe, expect, it } from 'vitest';
import { consoleStats, startOfCityDay } from './stats.js';
import type { ResponseTimesRow } from '../storage/console.js';

const row = (received: string, stamps: Partial<ResponseTimesRow> = {}): ResponseTimesRow => ({
  alertId: received,
  type: 'general',
  areaId: 'area-1',
  receivedAt: received,
  acknowledgedAt: null,
  dispatchedAt: null,
  onSceneAt: null,
  closedAt: null,
  escalatedAt: null,
  status: 'received',
  ...stamps,
});

describe('console stats', () => {
  it("starts today at the city's midnight, not the server's", () => {
    // 02:00 UTC on 2 March is still 1 March, 23:00, in Mendoza (UTC−3).
    expect(startOfCityDay(new Date('2025-03-02T02:00:00Z')).toISOString()).toBe(
      '2025-03-01T03:00:00.000Z',
    );
    expect(startOfCityDay(new Date('2025-03-02T03:00:00Z')).toISOString()).toBe(
      '2025-03-02T03:00:00.000Z',
    );
    expect(startOfCityDay(new Date('2025-07-10T12:34:56.789Z'), 'UTC').toISOString()).toBe(
      '2025-07-10T00:00:00.000Z',
    );
  });

  it('takes each median over the alerts that reached the stage', () => {
    const t = '2025-03-01T10:00:00.000Z';
    const stats = consoleStats(new Date(t), [
      row(t, { acknowledgedAt: '2025-03-01T10:00:30.000Z', closedAt: '2025-03-01T10:20:00.000Z' }),
      row(t, {
        acknowledgedAt: '2025-03-01T10:01:30.000Z',
        dispatchedAt: '2025-03-01T10:03:00.000Z',
      }),
      row(t, { acknowledgedAt: '2025-03-01T10:02:00.000Z' }),
      row(t),
    ]);
    expect(stats.received).toBe(4);
    expect(stats.medians).toEqual({
      acknowledged: 90,
      dispatched: 180,
      on_scene: null,
      closed: 1200,
    });
    expect(stats.samples).toEqual({ acknowledged: 3, dispatched: 1, on_scene: 0, closed: 1 });
    expect(consoleStats(new Date(t), []).medians.acknowledged).toBeNull();
  });

  it('leaves alerts the resident cancelled out of the time to close', () => {
    const t = '2025-03-01T10:00:00.000Z';
    const stats = consoleStats(new Date(t), [
      row(t, { status: 'resolved', closedAt: '2025-03-01T10:20:00.000Z' }),
      row(t, { status: 'false_alarm', closedAt: '2025-03-01T10:10:00.000Z' }),
      row(t, { status: 'cancelled', closedAt: '2025-03-01T10:00:05.000Z' }),
      row(t, {
        status: 'cancelled',
        acknowledgedAt: '2025-03-01T10:00:40.000Z',
        closedAt: '2025-03-01T10:01:00.000Z',
      }),
    ]);
    expect(stats.received).toBe(4);
    expect(stats.cancelled).toBe(2);
    expect(stats.samples.closed).toBe(2);
    expect(stats.medians.closed).toBe(900);
    // Taking it still counts: the operator did take the alert before the resident cancelled.
    expect(stats.samples.acknowledged).toBe(1);
  });
});
