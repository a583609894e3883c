import { describe, expect, it } from 'vitest';
import { alertResponse } from './response-times.js';
import { clean, timeline } from './response-testing.js';

/**
 * Response times on constructed timelines: every number below is worked by hand from the
 * stamps (exact; seconds).
 */
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

  it('ignores a crew tap after the centre closed the alert', () => {
    const r = alertResponse(
      timeline(
        'late-tap',
        [
          ['received', 0],
          ['acknowledged', 10],
          ['dispatched', 30],
          ['resolved', 300],
        ],
        [['unit-1', 'accepted', 400]],
      ),
    );
    expect(r.fromReceived.accepted).toBeNull();
    expect(r.fromReceived.closed).toBe(300);
    expect(r.adjusted).toBe(false);
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
