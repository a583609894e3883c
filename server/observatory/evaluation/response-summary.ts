import type { OutcomeSummary } from '../../../shared/observatory-evaluation.js';
import { localClock } from '../local-time.js';
import { isoDay } from '../local-time.js';
import { alertType } from '../../../shared/catalogue.js';
import { shiftAt, type ShiftId } from '../../../shared/plan.js';
import { spread, type Spread } from './quantile.js';
import {
  LATER_STAGES,
  type AlertResponse,
  type LaterStage,
  type ResponseOutcome,
} from './response-times.js';
import { wilsonInterval } from './wilson.js';

/** The programme's promise: a patrol on scene within 7 minutes of the alert (per city). */
export const DEFAULT_TARGET_MINUTES = 7;

/** The wire shape is the summary's own: one definition for the server and the screen. */
export type { OutcomeSummary };

/**
 * One group's alerts, each outcome summarised on its own: the medians a city is judged by are
 * `resolved`'s; a false alarm closed in 40 seconds or a resident's cancel after a mistaken
 * press would pull them down to nothing, so they are never mixed in, only reported beside.
 * Silent (gender-violence) alerts are left out here, whoever calls: the observatory shows them
 * only as counts per area and month (`SilentCounts`), and a median per unit or week would
 * say when and where one was attended.
 */
export type ResponseSummary = Record<ResponseOutcome, OutcomeSummary>;

export function summarise(
  alerts: readonly AlertResponse[],
  targetMinutes = DEFAULT_TARGET_MINUTES,
): ResponseSummary {
  const counted = alerts.filter((a) => !alertType(a.type).silent);
  const of = (o: ResponseOutcome) =>
    outcomeSummary(
      counted.filter((a) => a.outcome === o),
      targetMinutes * 60,
    );
  return {
    resolved: of('resolved'),
    false_alarm: of('false_alarm'),
    cancelled: of('cancelled'),
    open: of('open'),
  };
}

function outcomeSummary(alerts: readonly AlertResponse[], seconds: number): OutcomeSummary {
  const fromReceived = {} as Record<LaterStage, Spread>;
  const intervals = {} as Record<LaterStage, Spread>;
  for (const stage of LATER_STAGES) {
    fromReceived[stage] = spread(present(alerts.map((a) => a.fromReceived[stage])));
    intervals[stage] = spread(present(alerts.map((a) => a.intervals[stage])));
  }
  const onScene = present(alerts.map((a) => a.fromReceived.on_scene));
  const within = onScene.filter((s) => s <= seconds).length;
  return {
    alerts: alerts.length,
    reopened: alerts.filter((a) => a.reopened).length,
    adjusted: alerts.filter((a) => a.adjusted).length,
    fromReceived,
    intervals,
    target: {
      seconds,
      reached: onScene.length,
      within,
      share: onScene.length ? within / onScene.length : null,
      interval: wilsonInterval(within, onScene.length),
      notOnScene: alerts.length - onScene.length,
    },
  };
}

const present = (xs: readonly (number | null)[]): number[] =>
  xs.filter((x): x is number => x !== null);

/** What the analyst groups by. Alerts outside every area, or with no unit, form group `none`. */
export type ResponseGrouping = 'area' | 'type' | 'shift' | 'unit' | 'week';

/**
 * A key per alert: area, type, unit as stored; shift as the programme's three shifts
 * (shared/plan.ts, local time) in which the alert was received; week as the local date of the
 * Monday it was received in.
 */
export function groupKey(
  grouping: ResponseGrouping,
  timeZone?: string,
): (a: AlertResponse) => string {
  switch (grouping) {
    case 'area':
      return (a) => a.areaId ?? 'none';
    case 'type':
      return (a) => a.type;
    case 'unit':
      return (a) => a.unitId ?? 'none';
    case 'shift':
      return (a): ShiftId => shiftAt(new Date(a.received), timeZone).shift;
    case 'week': {
      const clock = localClock(timeZone);
      return (a) => {
        const { day, weekday } = clock(a.received);
        return isoDay(day - weekday);
      };
    }
  }
}

/** Summaries per group, keys in order. */
export function summariseBy(
  alerts: readonly AlertResponse[],
  grouping: ResponseGrouping,
  options: { targetMinutes?: number; timeZone?: string } = {},
): { key: string; summary: ResponseSummary }[] {
  const keyOf = groupKey(grouping, options.timeZone);
  const groups = new Map<string, AlertResponse[]>();
  // filtered before grouping too: a group of its own would name the silent alert's unit or week
  for (const a of alerts) {
    if (alertType(a.type).silent) continue;
    const k = keyOf(a);
    const list = groups.get(k);
    if (list) list.push(a);
    else groups.set(k, [a]);
  }
  return [...groups.keys()]
    .sort()
    .map((key) => ({ key, summary: summarise(groups.get(key)!, options.targetMinutes) }));
}
