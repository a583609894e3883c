import { describe, expect, it } from 'vitest';
import type { AlertRow } from '../storage/storage.js';
import { overThreshold, raisedAt } from './threshold.js';

const NOW = Date.parse('2026-12-05T03:00:00Z');
const iso = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();

function alert(id: string, minutesAgo: number, extra: Partial<AlertRow> = {}): AlertRow {
  return {
    id,
    reporterId: 'u1',
    type: 'general',
    createdAt: iso(minutesAgo),
    receivedAt: iso(minutesAgo),
    location: null,
    note: '',
    areaId: 'area-1',
    status: 'received',
    statusAt: iso(minutesAgo),
    sirenRequested: true,
    flagged: false,
    assignedUnit: null,
    ...extra,
  };
}

const next = { id: 'new', createdAt: iso(0), receivedAt: iso(0) };

describe('the per-resident threshold', () => {
  it('holds back the fourth alert in ten minutes, not the third', () => {
    const two = [alert('a', 8), alert('b', 5)];
    expect(overThreshold(next, two)).toBe(false);
    expect(overThreshold(next, [...two, alert('c', 2)])).toBe(true);
    expect(overThreshold(next, [alert('a', 11), alert('b', 5), alert('c', 2)])).toBe(false);
  });

  it('never counts silent alerts', () => {
    const silent = [1, 2, 3].map((m) => alert(`s${m}`, m, { type: 'gender_violence' }));
    expect(overThreshold(next, silent)).toBe(false);
  });

  it('does not count resolved alerts, nor the first cancelled one; false alarms count', () => {
    const resolved = alert('r', 3, { status: 'resolved' });
    expect(overThreshold(next, [alert('a', 8), alert('b', 5), resolved])).toBe(false);
    const cancelled = alert('c', 3, { status: 'cancelled' });
    expect(overThreshold(next, [alert('a', 8), alert('b', 5), cancelled])).toBe(false);
    const twice = [
      alert('a', 8),
      alert('b', 6),
      alert('c1', 5, { status: 'cancelled' }),
      cancelled,
    ];
    expect(overThreshold(next, twice)).toBe(true);
    const falseAlarm = alert('f', 3, { status: 'false_alarm' });
    expect(overThreshold(next, [alert('a', 8), alert('b', 5), falseAlarm])).toBe(true);
  });

  it('counts by when each alert was raised on the phone, not when it arrived', () => {
    // Three alerts queued offline over the past hour arrived together just now.
    const queued = [50, 40, 30].map((m) => alert(`q${m}`, 0, { createdAt: iso(m) }));
    expect(overThreshold(next, queued)).toBe(false);
    // An alert raised half an hour ago arrives after three recent ones: it was not a burst.
    const recent = [alert('a', 4), alert('b', 3), alert('c', 2)];
    expect(overThreshold({ id: 'late', createdAt: iso(30), receivedAt: iso(0) }, recent)).toBe(
      false,
    );
  });

  it('believes the phone only between arrival and a day before it', () => {
    expect(raisedAt({ createdAt: iso(-30), receivedAt: iso(0) })).toBe(NOW);
    expect(raisedAt({ createdAt: iso(3 * 24 * 60), receivedAt: iso(0) })).toBe(NOW - 86_400_000);
    expect(raisedAt({ createdAt: 'not a date', receivedAt: iso(0) })).toBe(NOW);
  });
});
