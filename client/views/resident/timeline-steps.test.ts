import { describe, expect, it } from 'vitest';
import type { AlertStatus, UserAlert } from '../../../shared/types.js';
import { stepsOf } from './timeline-steps.js';

const base: UserAlert = {
  id: 'a1',
  type: 'general',
  createdAt: '2026-11-23T12:00:00.000Z',
  location: null,
  note: '',
  receivedAt: '2026-11-23T12:00:01.000Z',
};
const timeline = (...s: [AlertStatus, string][]) => s.map(([status, at]) => ({ status, at }));
const kinds = (a: Parameters<typeof stepsOf>[0]) =>
  stepsOf(a).map((s) => `${s.kind}${s.at ? '' : '?'}`);

describe('the resident timeline', () => {
  it('lists the steps ahead while the alert is open, "on its way" only once a crew accepted', () => {
    const a = {
      ...base,
      status: 'dispatched' as const,
      timeline: timeline(['received', '12:00:01'], ['dispatched', '12:01']),
    };
    expect(kinds(a)).toEqual(['saved', 'received', 'dispatched', 'en_route?', 'on_scene?']);
    expect(kinds({ ...a, enRouteAt: '12:02' })).toEqual([
      'saved',
      'received',
      'dispatched',
      'en_route',
      'on_scene?',
    ]);
    const accepted = stepsOf({ ...a, acceptedAt: '12:01:30', enRouteAt: '12:02' });
    expect(accepted.map((s) => [s.kind, s.at])).toContainEqual(['en_route', '12:01:30']);
    expect(kinds({ ...base, status: 'acknowledged', statusAt: '12:00:30' })).toEqual([
      'saved',
      'received',
      'acknowledged',
      'dispatched?',
      'en_route?',
      'on_scene?',
    ]);
  });

  it('keeps the crew setting off after the last dispatch, also once the alert is closed', () => {
    const a = {
      ...base,
      status: 'resolved' as const,
      enRouteAt: '12:05',
      timeline: timeline(
        ['received', '12:00:01'],
        ['dispatched', '12:01'],
        ['dispatched', '12:04'],
        ['on_scene', '12:09'],
        ['resolved', '12:30'],
      ),
    };
    expect(stepsOf(a).map((s) => [s.kind, s.at])).toEqual([
      ['saved', base.createdAt],
      ['received', '12:00:01'],
      ['dispatched', '12:01'],
      ['dispatched', '12:04'],
      ['en_route', '12:05'],
      ['on_scene', '12:09'],
      ['resolved', '12:30'],
    ]);
  });
});
