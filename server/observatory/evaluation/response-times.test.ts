import { describe, expect, it } from 'vitest';
import { alertResponse, type AlertTimeline } from './response-times.js';
import { summarise, summariseBy } from './response-summary.js';

/**
 * Response times on constructed timelines: every number below is worked by hand from the
 * stamps (exact; seconds).
 */
const T0 = Date.parse('2026-03-02T13:00:00Z'); // Monday 10:00 in the city (UTC−3)
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

function timeline(
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

const clean = timeline(
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

describe('one alert, stage by stage', () => {
  it('times every stage of a clean response; the crew clock says when they arrived', () => {
    const r = alertResponse(clean);
    expect(r.outcome).toBe('resolved');
    expect(r).toMatchObject({ reopened: false, adjusted: false });
    expect(r.fromReceived).toEqual({
      acknowledged: 30,
      dispatched: 60,
      accepted: 90,
      on_scene: 360,
      closed: 1800,
    });
    expect(r.intervals).toEqual({
      acknowledged: 30,
      dispatched: 30,
      accepted: 30,
      on_scene: 270,
      closed: 1440,
    });
  });

  it('gives the same answer whatever order the events come in', () => {
    const shuffled = {
      ...clean,
      events: [...clean.events].reverse(),
      crew: [...clean.crew].reverse(),
    };
    expect(alertResponse(shuffled)).toEqual(alertResponse(clean));
  });

  it('moves a step a phone stamped before the dispatch up to it, and says so', () => {
    const r = alertResponse(
      timeline(
        'skew',
        [
          ['received', 0],
          ['acknowledged', 20],
          ['dispatched', 60],
          ['on_scene', 500],
          ['resolved', 900],
        ],
        [['unit-1', 'accepted', 55]],
      ),
    );
    expect(r.adjusted).toBe(true);
    expect(r.fromReceived.accepted).toBe(60);
    expect(r.intervals.accepted).toBe(0);
    expect(r.intervals.on_scene).toBe(440);
  });

  it('leaves a missing step empty and still counts the later ones from received', () => {
    // the operator marked on scene; the crew never tapped accept
    const r = alertResponse(
      timeline('no-accept', [
        ['received', 0],
        ['acknowledged', 40],
        ['dispatched', 100],
        ['on_scene', 700],
        ['resolved', 1000],
      ]),
    );
    expect(r.fromReceived.accepted).toBeNull();
    expect(r.intervals.accepted).toBeNull();
    expect(r.intervals.on_scene).toBeNull();
    expect(r.fromReceived.on_scene).toBe(700);
    expect(r.intervals.closed).toBe(300);
  });

  it('counts the acceptance of the unit the alert went to after a re-dispatch', () => {
    const r = alertResponse(
      timeline(
        'redispatch',
        [
          ['received', 0],
          ['acknowledged', 10],
          ['dispatched', 30],
          ['dispatched', 200],
          ['on_scene', 600],
          ['resolved', 900],
        ],
        [
          ['unit-1', 'accepted', 40],
          ['unit-2', 'en_route', 230],
        ],
        'unit-2',
      ),
    );
    expect(r.fromReceived.dispatched).toBe(30);
    expect(r.fromReceived.accepted).toBe(230);
  });

  it('reads cancelled and false alarms as their outcome', () => {
    const cancelled = alertResponse(
      timeline(
        'c',
        [
          ['received', 0],
          ['cancelled', 25],
        ],
        [],
        null,
      ),
    );
    expect(cancelled.outcome).toBe('cancelled');
    expect(cancelled.fromReceived.closed).toBe(25);
    const fa = alertResponse(
      timeline(
        'f',
        [
          ['received', 0],
          ['acknowledged', 15],
          ['false_alarm', 50],
        ],
        [],
        null,
      ),
    );
    expect(fa.outcome).toBe('false_alarm');
    const open = alertResponse(
      timeline('o', [
        ['received', 0],
        ['acknowledged', 15],
      ]),
    );
    expect(open.outcome).toBe('open');
    expect(open.fromReceived.closed).toBeNull();
  });

  it('times a reopened alert to its final close, its stages from their first time', () => {
    const r = alertResponse(
      timeline('reopened', [
        ['received', 0],
        ['acknowledged', 30],
        ['false_alarm', 300],
        ['acknowledged', 600],
        ['dispatched', 660],
        ['on_scene', 1200],
        ['resolved', 2400],
      ]),
    );
    expect(r).toMatchObject({ outcome: 'resolved', reopened: true });
    expect(r.fromReceived).toMatchObject({ acknowledged: 30, dispatched: 660, on_scene: 1200 });
    expect(r.fromReceived.closed).toBe(2400);
    const stillOpen = alertResponse(
      timeline('reopened-open', [
        ['received', 0],
        ['resolved', 100],
        ['acknowledged', 200],
      ]),
    );
    expect(stillOpen).toMatchObject({ outcome: 'open', reopened: true });
    expect(stillOpen.fromReceived.closed).toBeNull();
  });
});

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
