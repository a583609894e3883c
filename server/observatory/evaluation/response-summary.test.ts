import { describe, expect, it } from 'vitest';
import { alertResponse } from './response-times.js';
import { summarise, summariseBy } from './response-summary.js';
import { clean, timeline } from './response-testing.js';

/** Grouped response-time summaries on constructed timelines; numbers worked by hand (seconds). */
describe('summaries', () => {
  // resolved: on scene after 360, 420 (exactly 7 min), 600, 900 s; one resolved by phone
  const onSceneAfter = (id: string, s: number) =>
    timeline(id, [
      ['received', 0],
      ['acknowledged', 20],
      ['dispatched', 40],
      ['on_scene', s],
      ['resolved', s + 600],
    ]);
  const alerts = [
    alertResponse(clean),
    alertResponse(onSceneAfter('b', 420)),
    alertResponse(onSceneAfter('c', 600)),
    alertResponse(onSceneAfter('d', 900)),
    alertResponse(
      timeline('phone', [
        ['received', 0],
        ['acknowledged', 60],
        ['resolved', 300],
      ]),
    ),
    alertResponse(
      timeline(
        'cancel',
        [
          ['received', 0],
          ['cancelled', 5],
        ],
        [],
        null,
      ),
    ),
    alertResponse(
      timeline(
        'cancel2',
        [
          ['received', 0],
          ['cancelled', 9],
        ],
        [],
        null,
      ),
    ),
    alertResponse(
      timeline(
        'fa',
        [
          ['received', 0],
          ['acknowledged', 8],
          ['false_alarm', 40],
        ],
        [],
        null,
      ),
    ),
  ];

  it('takes medians over resolved alerts only, and reports the rest apart', () => {
    const s = summarise(alerts);
    expect(s.resolved.alerts).toBe(5);
    // on scene: 360, 420, 600, 900 → median 510, p90 = 600 + 0.7·300 = 810
    expect(s.resolved.fromReceived.on_scene).toEqual({ n: 4, median: 510, p90: 810 });
    // closed: 1800, 1020, 1200, 1500, 300 → sorted 300 1020 1200 1500 1800
    expect(s.resolved.fromReceived.closed).toMatchObject({ n: 5, median: 1200 });
    expect(s.cancelled.alerts).toBe(2);
    expect(s.cancelled.fromReceived.closed).toEqual({ n: 2, median: 7, p90: 8.6 });
    expect(s.false_alarm.alerts).toBe(1);
    expect(s.open.alerts).toBe(0);
  });

  it('counts the share on scene within 7 minutes, the 7th minute included', () => {
    const t = summarise(alerts).resolved.target;
    expect(t).toMatchObject({ seconds: 420, reached: 4, within: 2, share: 0.5, notOnScene: 1 });
    expect(t.interval!.low).toBeLessThan(0.5);
    expect(summarise(alerts, 10).resolved.target.within).toBe(3);
  });

  it('leaves silent alerts out of every summary', () => {
    const silent = { ...alertResponse(clean), alertId: 's', type: 'gender_violence' as const };
    const s = summarise([...alerts, silent]);
    expect(s).toEqual(summarise(alerts));
    expect(summariseBy([silent], 'type')).toEqual([]);
    expect(
      summariseBy([...alerts, { ...silent, unitId: 'unit-7' }], 'unit').map((g) => g.key),
    ).toEqual(['none', 'unit-1']);
  });

  it('groups by shift and week in the city’s time', () => {
    const night = {
      ...alertResponse(onSceneAfter('n', 300)),
      received: Date.parse('2026-03-08T02:30:00Z'), // Saturday 23:30 local
    };
    const byShift = summariseBy([...alerts, night], 'shift');
    expect(byShift.map((g) => g.key)).toEqual(['morning', 'night']);
    expect(byShift[1]!.summary.resolved.alerts).toBe(1);
    const byWeek = summariseBy([...alerts, night], 'week');
    expect(byWeek.map((g) => g.key)).toEqual(['2026-03-02']);
    const byUnit = summariseBy(alerts, 'unit');
    expect(byUnit.map((g) => g.key)).toEqual(['none', 'unit-1']);
  });
});
